import {
  CASE_ACTION_LABELS,
  CASE_STATE_LABELS,
  FIRST_FORM_OUTCOME_LABELS,
  FOUR_FORM_LABELS,
  GOVERNMENT_SANCTION_LABELS,
  MEASURE_LABELS,
  MEASURE_RULES,
  MEASURE_STATUS_LABELS,
  ORGANISATIONAL_HANDLING_LABELS,
  PARTY_SANCTION_LABELS,
  type CaseAction,
  type CaseRecord,
  type CaseState,
  type FourForm,
  type LocalisedText,
  type SubjectDisposition,
  classifyFourForm,
  maskIdNumber,
} from '@qingfeng/core';
import type { CaseRow, CaseStepRow, CaseSubjectRow } from '../../db/schema.js';
import { ADD_SUBJECT_ACTION, KINSHIP_RECUSAL_ACTION, presentDeadline, presentTimelineEntry } from '../clues/index.js';
import type { EvidenceListRow } from './cases.repository.js';
import type { TCaseDetail, TCaseSummary } from './cases.schemas.js';

/**
 * Timeline entries that are not steps of the core's machine: the proposal, a declared
 * recusal, a subject added and a recusal the server found in kinship data (as a clue's).
 */
export const PROPOSE_ACTION = 'propose';
export const RECUSAL_ACTION = 'declare_recusal';
const OWN_LABELS: Record<string, LocalisedText> = {
  [PROPOSE_ACTION]: { zh: '提请立案', en: 'Proposed for filing' },
  [RECUSAL_ACTION]: { zh: '申请回避', en: 'Declared a conflict of interest' },
  [ADD_SUBJECT_ACTION]: { zh: '添加对象', en: 'Subject added' },
  [KINSHIP_RECUSAL_ACTION]: { zh: '因亲属关系自动回避', en: 'Recused for kinship' },
};

const actionLabel = (action: string): LocalisedText =>
  OWN_LABELS[action] ?? CASE_ACTION_LABELS[action as CaseAction] ?? { zh: action, en: action };

const words = (text: string): LocalisedText => ({ zh: text, en: text });
const plain = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);

/** One case as a line of the registry. */
export function presentCaseSummary(
  row: CaseRow,
  problemTypes: ReadonlyMap<string, LocalisedText>,
  today: string,
): TCaseSummary {
  const record = row.record as CaseRecord;
  return {
    id: row.id,
    caseNumber: row.case_number,
    clueId: row.clue_id,
    title: row.title,
    problemType: row.problem_type,
    problemTypeLabel: problemTypes.get(row.problem_type) ?? words(row.problem_type),
    state: row.state,
    stateLabel: CASE_STATE_LABELS[row.state as CaseState],
    divisionCode: row.division_code,
    deadline: presentDeadline(record.deadline, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The words of what a step recorded, key by key. */
const DETAIL_LABELS: Record<string, LocalisedText> = {
  clueId: { zh: '来源线索', en: 'From clue' },
  caseNumber: { zh: '立案编号', en: 'Case number' },
  investigators: { zh: '审查调查人员', en: 'Investigators' },
  reviewers: { zh: '审理承办人', en: 'Trial reviewers' },
  measure: { zh: '措施', en: 'Measure' },
  measureId: { zh: '措施编号', en: 'Measure no.' },
  evidence: { zh: '证据', en: 'Evidence' },
  hash: { zh: '摘要值', en: 'Hash' },
  supersedes: { zh: '替代证据', en: 'Supersedes evidence' },
  dispositions: { zh: '处理意见', en: 'Dispositions' },
  subject: { zh: '对象', en: 'Subject' },
  person: { zh: '回避人员', en: 'Recused' },
};

function presentDetails(payload: unknown): { label: LocalisedText; value: LocalisedText }[] {
  if (typeof payload !== 'object' || payload === null) return [];
  return Object.entries(payload as Record<string, unknown>).flatMap(([key, value]) => {
    const label = DETAIL_LABELS[key];
    if (!label || value === null || value === undefined) return [];
    if (key === 'measure') return [{ label, value: MEASURE_LABELS[value as keyof typeof MEASURE_LABELS] }];
    // The summary holds what the step's schema allowed: text, numbers, lists of names.
    const text = Array.isArray(value) ? value.map(String).join('、') : plain(value);
    return [{ label, value: words(text) }];
  });
}

/** One person's outcome in words: each part of the disposition, and the four forms' class. */
function presentDisposition(d: SubjectDisposition, subjectName: string, form: FourForm | null) {
  const outcome: { label: LocalisedText; value: LocalisedText }[] = [];
  if (d.firstForm)
    outcome.push({ label: { zh: '第一种形态', en: 'First form' }, value: FIRST_FORM_OUTCOME_LABELS[d.firstForm] });
  if (d.party)
    outcome.push({ label: { zh: '党纪处分', en: 'Party discipline' }, value: PARTY_SANCTION_LABELS[d.party] });
  if (d.government)
    outcome.push({
      label: { zh: '政务处分', en: 'Government sanction' },
      value: GOVERNMENT_SANCTION_LABELS[d.government],
    });
  for (const o of d.organisational ?? [])
    outcome.push({
      label: { zh: '组织处理', en: 'Organisational handling' },
      value: ORGANISATIONAL_HANDLING_LABELS[o],
    });
  if (d.transferToProcuratorate)
    outcome.push({
      label: { zh: '移送检察机关', en: 'Transfer to the procuratorate' },
      value: { zh: '是', en: 'Yes' },
    });
  return { subject: subjectName, outcome, form: form === null ? null : FOUR_FORM_LABELS[form] };
}

/** A case with its subjects (identity numbers masked), measures, evidence, dispositions and timeline. */
export function presentCaseDetail(
  row: CaseRow,
  parts: {
    problemTypes: ReadonlyMap<string, LocalisedText>;
    today: string;
    subjects: CaseSubjectRow[];
    /** Decrypts a sealed identity number, to be masked before it leaves. */
    reveal: (sealed: string) => string;
    steps: CaseStepRow[];
    evidence: EvidenceListRow[];
    /** Staff names by user id (string, as the core's record holds them). */
    names: ReadonlyMap<string, string>;
    allowedActions: { action: string; label: LocalisedText }[];
  },
): TCaseDetail {
  const record = row.record as CaseRecord;
  const nameOf = (id: string) => parts.names.get(id) ?? id;
  const subjectName = (id: string) => parts.subjects.find((s) => String(s.id) === id)?.name ?? id;
  const decided = record.decision;
  const dispositions = decided?.dispositions ?? record.proposedDispositions ?? [];
  const supersededBy = new Map(parts.evidence.filter((e) => e.supersedes_id).map((e) => [e.supersedes_id!, e.id]));
  return {
    ...presentCaseSummary(row, parts.problemTypes, parts.today),
    summary: row.summary,
    subjects: parts.subjects.map((s) => ({
      id: s.id,
      kind: s.kind,
      name: s.name,
      position: s.position,
      // Masked from the whole number: the page never carries more than the mask shows.
      idNumber: s.id_number_enc ? maskIdNumber(parts.reveal(s.id_number_enc)) : null,
    })),
    investigators: record.investigatorIds.map(nameOf),
    trialReviewers: record.trialReviewerIds.map(nameOf),
    measures: record.measures.map((m) => ({
      id: m.id,
      kind: m.kind,
      kindLabel: MEASURE_LABELS[m.kind],
      status: m.status,
      statusLabel: MEASURE_STATUS_LABELS[m.status],
      needsApproval: MEASURE_RULES[m.kind].needsApproval,
      proposedAt: m.proposedAt,
      deadline: presentDeadline(m.deadline, parts.today),
    })),
    evidence: parts.evidence.map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind,
      fileName: e.file_name,
      mediaType: e.media_type,
      size: e.size,
      hashName: e.hash_name,
      hash: e.hash,
      supersedes: e.supersedes_id,
      supersededBy: supersededBy.get(e.id) ?? null,
      addedByName: e.added_by_name,
      addedAt: e.added_at,
    })),
    dispositions: dispositions.map((d) =>
      presentDisposition(
        d,
        subjectName(d.subjectId),
        decided ? (decided.forms[d.subjectId] ?? null) : classifyFourForm(d),
      ),
    ),
    decided: decided ? { at: decided.decidedAt, by: nameOf(decided.decidedBy) } : null,
    timeline: parts.steps.map((s) =>
      presentTimelineEntry(s, {
        action: actionLabel,
        state: (state) => CASE_STATE_LABELS[state as CaseState],
        details: presentDetails,
      }),
    ),
    allowedActions: parts.allowedActions,
  };
}
