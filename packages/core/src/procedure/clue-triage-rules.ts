import {
  CLUE_DISPOSALS,
  INQUIRY_CONCLUSIONS,
  OPEN_CLUE_STATES,
  type ClueDisposal,
  type ClueRule,
  type ClueState,
} from './clue-types.js';
import { LEADER, bad, firstFormCheck, oneOf, text } from './checks.js';

/** Where an approved disposal leads. */
const DISPOSAL_TARGET: Record<ClueDisposal, ClueState> = {
  talk_inquiry: 'talk_inquiry',
  preliminary_verification: 'verification_planning',
  hold: 'held',
  close: 'closed',
  transfer: 'transferred',
};

const register: ClueRule<'register'> = {
  from: ['received'],
  to: ['registered'],
  permission: 'clue.handle',
  roles: ['case_management'],
  independence: [],
  requires: [],
  check: (_r, p) => (text(p.registrationNumber, 60) ? null : bad('须有登记编号', 'A registration number is needed')),
  apply: (r, p) => ({ ...r, state: 'registered', registrationNumber: p.registrationNumber.trim() }),
  starts: { registered: 'clue_triage' },
};

const mergeInto: ClueRule<'merge_into'> = {
  from: ['received', 'registered', 'held'],
  to: ['merged'],
  permission: 'clue.handle',
  roles: ['case_management'],
  independence: [],
  requires: ['reason'],
  check: (r, p) =>
    !text(p.targetClueId, 100)
      ? bad('须指明并入的线索', 'Name the clue to merge into')
      : p.targetClueId === r.id
        ? bad('线索不能并入自身', 'A clue cannot merge into itself')
        : null,
  apply: (r, p) => ({ ...r, state: 'merged', mergedInto: p.targetClueId }),
};

const linkRelated: ClueRule<'link_related'> = {
  from: OPEN_CLUE_STATES,
  to: 'same',
  permission: 'clue.handle',
  independence: [],
  requires: ['reason'],
  check: (r, p) =>
    !text(p.clueId, 100) || p.clueId === r.id
      ? bad('须指明另一条线索', 'Name another clue')
      : r.relatedClueIds.includes(p.clueId)
        ? bad('已关联该线索', 'The clues are already linked')
        : null,
  apply: (r, p) => ({ ...r, relatedClueIds: [...r.relatedClueIds, p.clueId] }),
};

const proposeDisposal: ClueRule<'propose_disposal'> = {
  from: ['registered'],
  to: ['awaiting_disposal_approval'],
  permission: 'clue.handle',
  independence: [],
  requires: ['reason'],
  check: (_r, p, actor) => {
    if (!oneOf(CLUE_DISPOSALS, p.disposal)) return bad('处置方式无效', 'Not a disposal method');
    const people = Array.isArray(p.participantIds)
      ? new Set(p.participantIds.filter((id) => text(id, 100)))
      : new Set<string>();
    // Triage is collective: the proposer and at least one other person sat on it.
    if (people.size < 2 || !people.has(actor.id)) {
      return bad(
        '集体排查须由提议人和至少另一人参加',
        'Collective triage needs the proposer and at least one other person',
      );
    }
    if ((p.disposal === 'transfer') !== (p.transferTo !== undefined)) {
      return bad('移送时须且仅须写明受移送机关', 'Name the receiving organ when, and only when, transferring');
    }
    if (p.transferTo !== undefined && !text(p.transferTo, 200))
      return bad('受移送机关无效', 'The receiving organ is not valid');
    return null;
  },
  apply: (r, p, actor) => ({
    ...r,
    state: 'awaiting_disposal_approval',
    proposedBy: actor.id,
    proposal: { disposal: p.disposal, transferTo: p.transferTo?.trim() ?? null, firstForm: null },
  }),
  starts: { awaiting_disposal_approval: 'disposal_approval' },
};

const approveDisposal: ClueRule<'approve_disposal'> = {
  from: ['awaiting_disposal_approval'],
  to: ['talk_inquiry', 'verification_planning', 'held', 'closed', 'transferred'],
  permission: 'clue.read',
  roles: LEADER,
  independence: ['not_proposer'],
  requires: [],
  check: (r) => (r.proposal ? null : bad('没有待审批的处置意见', 'There is no proposal to approve')),
  apply: (r) => {
    const proposal = r.proposal!;
    const state = DISPOSAL_TARGET[proposal.disposal];
    const ends = state === 'closed' || state === 'transferred';
    return {
      ...r,
      state,
      proposedBy: null,
      proposal: null,
      outcome: ends
        ? { disposal: proposal.disposal, transferTo: proposal.transferTo, firstForm: proposal.firstForm }
        : r.outcome,
    };
  },
  starts: { talk_inquiry: 'inquiry_reply', verification_planning: 'verification_plan', held: 'held_review' },
};

const returnDisposal: ClueRule<'return_disposal'> = {
  from: ['awaiting_disposal_approval'],
  to: ['registered'],
  permission: 'clue.read',
  roles: LEADER,
  independence: ['not_proposer'],
  requires: ['reason'],
  apply: (r) => ({ ...r, state: 'registered', proposedBy: null, proposal: null }),
  starts: { registered: 'clue_triage' },
};

const recordInquiryReply: ClueRule<'record_inquiry_reply'> = {
  from: ['talk_inquiry'],
  to: ['inquiry_replied'],
  permission: 'clue.handle',
  independence: [],
  requires: ['attachments'],
  check: (_r, p) => (text(p.reply, 20_000) ? null : bad('须记录说明或谈话情况', 'Record the reply or what was said')),
  apply: (r, p) => ({ ...r, state: 'inquiry_replied', inquiryReply: p.reply.trim() }),
  starts: { inquiry_replied: 'inquiry_conclusion' },
};

// The inquiry's conclusion is itself a proposal: closing, or verifying further, is the leader's call.
const concludeInquiry: ClueRule<'conclude_inquiry'> = {
  from: ['inquiry_replied'],
  to: ['awaiting_disposal_approval'],
  permission: 'clue.handle',
  independence: [],
  requires: ['reason'],
  check: (_r, p) =>
    !oneOf(INQUIRY_CONCLUSIONS, p.conclusion)
      ? bad('函询结论无效', 'Not an inquiry conclusion')
      : p.conclusion === 'first_form' && p.firstForm === undefined
        ? bad('须选择第一种形态处理方式', 'Choose the first-form outcome')
        : firstFormCheck(p.firstForm, p.conclusion === 'first_form'),
  apply: (r, p, actor) => ({
    ...r,
    state: 'awaiting_disposal_approval',
    proposedBy: actor.id,
    proposal: {
      disposal: p.conclusion === 'verify' ? 'preliminary_verification' : 'close',
      transferTo: null,
      firstForm: p.conclusion === 'first_form' ? p.firstForm! : null,
    },
  }),
  starts: { awaiting_disposal_approval: 'disposal_approval' },
};

/** The steps from receipt through triage, approval and talk or letter inquiry. */
export const CLUE_TRIAGE_RULES = {
  register,
  merge_into: mergeInto,
  link_related: linkRelated,
  propose_disposal: proposeDisposal,
  approve_disposal: approveDisposal,
  return_disposal: returnDisposal,
  record_inquiry_reply: recordInquiryReply,
  conclude_inquiry: concludeInquiry,
};
