import { LEADER, bad, text } from './checks.js';
import { isMeasureOpen } from './case-measures.js';
import type { CaseRule } from './case-types.js';
import { checkDispositions, classifyFourForm, type FourForm } from './dispositions.js';

const TRIAL = ['trial'] as const;

const acceptForTrial: CaseRule<'accept_for_trial'> = {
  from: ['awaiting_trial'],
  to: ['in_trial'],
  permission: 'trial.handle',
  roles: TRIAL,
  independence: ['not_investigator'],
  requires: [],
  check: (r, p) => {
    const ids = Array.isArray(p.reviewerIds) ? p.reviewerIds : [];
    if (new Set(ids).size < 2 || ids.length !== new Set(ids).size || !ids.every((id) => text(id, 100))) {
      return bad('审理须指定至少两名不重复的承办人', 'Assign at least two different trial reviewers');
    }
    if (ids.some((id) => r.investigatorIds.includes(id))) {
      return bad('审查调查人员不得参与本案审理', "The case's investigators cannot review it");
    }
    return ids.some((id) => r.recusedIds.includes(id))
      ? bad('已回避人员不能审理本案', 'A recused person cannot review the case')
      : null;
  },
  apply: (r, p) => ({ ...r, state: 'in_trial', proposedBy: null, trialReviewerIds: [...p.reviewerIds] }),
  starts: { in_trial: 'trial' },
};

// Sent back for more work (补充调查): the investigators get a fresh, shorter term.
const returnToInvestigation: CaseRule<'return_to_investigation'> = {
  from: ['awaiting_trial', 'in_trial'],
  to: ['investigating'],
  permission: 'trial.handle',
  roles: TRIAL,
  independence: ['not_investigator'],
  requires: ['reason'],
  apply: (r) => ({ ...r, state: 'investigating', proposedBy: null, proposedDispositions: null }),
  starts: { investigating: 'supplementary_investigation' },
};

const concludeTrial: CaseRule<'conclude_trial'> = {
  from: ['in_trial'],
  to: ['awaiting_decision'],
  permission: 'trial.handle',
  roles: TRIAL,
  independence: ['not_investigator'],
  requires: ['reason', 'attachments'],
  check: (r, p, actor) =>
    !r.trialReviewerIds.includes(actor.id)
      ? bad('只有本案审理承办人可以提出审理意见', "Only the case's trial reviewers can conclude the review")
      : checkDispositions(Array.isArray(p.dispositions) ? p.dispositions : []),
  apply: (r, p, actor) => ({
    ...r,
    state: 'awaiting_decision',
    proposedBy: actor.id,
    proposedDispositions: p.dispositions,
  }),
  starts: { awaiting_decision: 'decision' },
};

const decide: CaseRule<'decide'> = {
  from: ['awaiting_decision'],
  to: ['decided'],
  permission: 'case.read',
  roles: LEADER,
  independence: ['not_proposer', 'not_investigator'],
  requires: [],
  check: (r) => (r.proposedDispositions ? null : bad('没有待决定的审理意见', 'There is no trial opinion to decide on')),
  apply: (r, _p, actor, at) => {
    const dispositions = r.proposedDispositions!;
    const forms: Record<string, FourForm> = {};
    for (const d of dispositions) forms[d.subjectId] = classifyFourForm(d);
    return {
      ...r,
      state: 'decided',
      proposedBy: null,
      decision: { dispositions, forms, decidedAt: at, decidedBy: actor.id },
    };
  },
  starts: { decided: 'case_closing' },
};

const returnToTrial: CaseRule<'return_to_trial'> = {
  from: ['awaiting_decision'],
  to: ['in_trial'],
  permission: 'case.read',
  roles: LEADER,
  independence: ['not_proposer', 'not_investigator'],
  requires: ['reason'],
  apply: (r) => ({ ...r, state: 'in_trial', proposedBy: null, proposedDispositions: null }),
  starts: { in_trial: 'trial' },
};

// Case management closes the file once the decision is served and no measure still binds anyone.
const closeCase: CaseRule<'close_case'> = {
  from: ['decided'],
  to: ['closed'],
  permission: 'case.handle',
  roles: ['case_management'],
  independence: [],
  requires: ['attachments'],
  check: (r) =>
    r.measures.some(isMeasureOpen) ? bad('须先解除全部在用措施', 'Lift every measure in force first') : null,
  apply: (r) => ({ ...r, state: 'closed' }),
};

/** The steps from the trial office's acceptance to the decision and the closing of the file. */
export const CASE_TRIAL_RULES = {
  accept_for_trial: acceptForTrial,
  return_to_investigation: returnToInvestigation,
  conclude_trial: concludeTrial,
  decide,
  return_to_trial: returnToTrial,
  close_case: closeCase,
};
