import {
  CLUE_ACTION_LABELS,
  CLUE_DISPOSAL_LABELS,
  CLUE_SOURCE_LABELS,
  CLUE_STATE_LABELS,
  DEADLINE_STEP_LABELS,
  FIRST_FORM_OUTCOME_LABELS,
  INQUIRY_CONCLUSION_LABELS,
  VERIFICATION_RECOMMENDATION_LABELS,
  type ClueAction,
  type ClueRecord,
  type ClueSource,
  type ClueState,
  type LocalisedText,
  type RunningDeadline,
  deadlineStatus,
  maskIdNumber,
} from '@qingfeng/core';
import type { ClueRow, ClueStepRow, ClueSubjectRow } from '../../db/schema.js';
import type { TClueDetail, TClueSummary } from './clues.schemas.js';

/** The timeline's first entry, written when a clue is received: not a step of the core's machine. */
export const RECEIVE_ACTION = 'receive';
/** A recusal the server found in kinship data when the clue was received: nobody's step either. */
export const KINSHIP_RECUSAL_ACTION = 'kinship_recusal';
/** A subject added after receipt (a case records the same entry). */
export const ADD_SUBJECT_ACTION = 'add_subject';
/** Confirmed warnings joining a clue after its receipt. */
export const JOIN_WARNINGS_ACTION = 'join_warnings';
const SERVER_ACTION_LABELS: Record<string, LocalisedText> = {
  [RECEIVE_ACTION]: { zh: '接收线索', en: 'Clue received' },
  [KINSHIP_RECUSAL_ACTION]: { zh: '因亲属关系自动回避', en: 'Recused for kinship' },
  [ADD_SUBJECT_ACTION]: { zh: '添加对象', en: 'Subject added' },
  [JOIN_WARNINGS_ACTION]: { zh: '并入预警', en: 'Warnings joined' },
};

const actionLabel = (action: string): LocalisedText =>
  SERVER_ACTION_LABELS[action] ?? CLUE_ACTION_LABELS[action as ClueAction] ?? { zh: action, en: action };

export function presentDeadline(deadline: RunningDeadline | null, today: string) {
  if (!deadline) return null;
  const status = deadlineStatus(deadline, today);
  return {
    ...deadline,
    remindOn: [...deadline.remindOn],
    label: DEADLINE_STEP_LABELS[deadline.step],
    status: status.state,
    daysLeft: status.daysLeft,
  };
}

/** The clock a step started, as the timeline shows it. */
export function startedClock(deadline: RunningDeadline | null) {
  return deadline
    ? { ...deadline, remindOn: [...deadline.remindOn], label: DEADLINE_STEP_LABELS[deadline.step] }
    : null;
}

/** One clue as a line of the registry. */
export function presentClueSummary(
  row: ClueRow,
  problemTypes: ReadonlyMap<string, LocalisedText>,
  today: string,
): TClueSummary {
  const record = row.record as ClueRecord;
  return {
    id: row.id,
    registrationNumber: row.registration_number,
    title: row.title,
    source: row.source,
    sourceLabel: CLUE_SOURCE_LABELS[row.source as ClueSource],
    problemType: row.problem_type,
    problemTypeLabel: problemTypes.get(row.problem_type) ?? { zh: row.problem_type, en: row.problem_type },
    state: row.state,
    stateLabel: CLUE_STATE_LABELS[row.state as ClueState],
    divisionCode: row.division_code,
    deadline: presentDeadline(record.deadline, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The words of what a step recorded, key by key; ids and free text shown as given. */
const DETAIL_LABELS: Record<string, LocalisedText> = {
  registrationNumber: { zh: '登记编号', en: 'Registration number' },
  targetClueId: { zh: '并入线索', en: 'Merged into clue' },
  clueId: { zh: '关联线索', en: 'Related clue' },
  disposal: { zh: '处置方式', en: 'Disposal' },
  participants: { zh: '参加排查人员', en: 'Triage participants' },
  transferTo: { zh: '受移送机关', en: 'Receiving organ' },
  reply: { zh: '回复内容', en: 'Reply' },
  conclusion: { zh: '函询结论', en: 'Conclusion' },
  firstForm: { zh: '第一种形态处理', en: 'First-form outcome' },
  summary: { zh: '工作内容', en: 'Work done' },
  recommendation: { zh: '处理建议', en: 'Recommendation' },
  warningIds: { zh: '来源预警', en: 'From warnings' },
  joinedWarnings: { zh: '并入的预警', en: 'Warnings joined' },
  responsible: { zh: '承办人', en: 'Responsible' },
  office: { zh: '承办部门', en: 'Office' },
  person: { zh: '回避人员', en: 'Recused' },
  subject: { zh: '对象', en: 'Subject' },
};

const VALUE_LABELS: Record<string, Record<string, LocalisedText>> = {
  disposal: CLUE_DISPOSAL_LABELS,
  conclusion: INQUIRY_CONCLUSION_LABELS,
  firstForm: FIRST_FORM_OUTCOME_LABELS,
  recommendation: VERIFICATION_RECOMMENDATION_LABELS,
};

const plain = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);

function presentDetails(payload: unknown): { label: LocalisedText; value: LocalisedText }[] {
  if (typeof payload !== 'object' || payload === null) return [];
  return Object.entries(payload as Record<string, unknown>).flatMap(([key, value]) => {
    const label = DETAIL_LABELS[key];
    if (!label || value === null || value === undefined) return [];
    // The summary holds what the step's schema allowed: text, numbers, lists of them.
    const text = Array.isArray(value) ? value.map(String).join('、') : plain(value);
    return [{ label, value: VALUE_LABELS[key]?.[text] ?? { zh: text, en: text } }];
  });
}

/** One timeline entry of a clue or a case in words, by the machine's own labels. */
export function presentTimelineEntry(
  s: Omit<ClueStepRow, 'clue_id'>,
  words: {
    action: (action: string) => LocalisedText;
    state: (state: string) => LocalisedText;
    details: (payload: unknown) => { label: LocalisedText; value: LocalisedText }[];
  },
) {
  return {
    id: String(s.id),
    action: s.action,
    actionLabel: words.action(s.action),
    from: s.from_state,
    fromLabel: words.state(s.from_state),
    to: s.to_state,
    toLabel: words.state(s.to_state),
    actorName: s.actor_name,
    at: s.at,
    reason: s.reason,
    details: words.details(s.payload),
    attachments: s.attachments as { name: string; hash: string }[],
    deadline: startedClock(s.deadline as RunningDeadline | null),
  };
}

/** A clue with its subjects (identity numbers masked), links and timeline. */
export function presentClueDetail(
  row: ClueRow,
  parts: {
    problemTypes: ReadonlyMap<string, LocalisedText>;
    today: string;
    subjects: ClueSubjectRow[];
    /** Decrypts a sealed identity number, to be masked before it leaves. */
    reveal: (sealed: string) => string;
    steps: ClueStepRow[];
    links: { other_clue_id: number; kind: string }[];
    warningIds: number[];
    responsible: { name: string; office: string } | null;
    allowedActions: { action: string; label: LocalisedText }[];
  },
): TClueDetail {
  const record = row.record as ClueRecord;
  return {
    ...presentClueSummary(row, parts.problemTypes, parts.today),
    summary: row.summary,
    responsibleUserId: row.responsible_user_id,
    responsible: parts.responsible,
    proposal: record.proposal
      ? {
          disposal: record.proposal.disposal,
          label: CLUE_DISPOSAL_LABELS[record.proposal.disposal],
          transferTo: record.proposal.transferTo,
        }
      : null,
    subjects: parts.subjects.map((s) => ({
      kind: s.kind,
      name: s.name,
      position: s.position,
      // Masked from the whole number: the list never carries more than the mask shows.
      idNumber: s.id_number_enc ? maskIdNumber(parts.reveal(s.id_number_enc)) : null,
      creditCode: s.credit_code,
    })),
    warningIds: parts.warningIds,
    links: parts.links.map((l) => ({ clueId: l.other_clue_id, kind: l.kind })),
    timeline: parts.steps.map((s) =>
      presentTimelineEntry(s, {
        action: actionLabel,
        state: (state) => CLUE_STATE_LABELS[state as ClueState],
        details: presentDetails,
      }),
    ),
    allowedActions: parts.allowedActions,
  };
}
