import {
  CLUE_DISPOSAL_LABELS,
  CLUE_SOURCE_LABELS,
  FIRST_FORM_OUTCOME_LABELS,
  INQUIRY_CONCLUSION_LABELS,
  VERIFICATION_RECOMMENDATION_LABELS,
  type ClueSource,
} from '@qingfeng/core';
import type { ClueRow, ClueStepRow } from '../../../db/schema.js';
import { commissionDate } from '../clue-procedure.js';
import type { OfficialForm } from './official-docx.js';

/** What a form is made of: the stored clue and timeline, with every code already resolvable to words. */
export interface ClueDocumentSource {
  clue: ClueRow;
  steps: ClueStepRow[];
  /** Subjects with their identity numbers masked. */
  subjects: { kind: string; name: string; position: string | null; idNumber: string | null }[];
  commission: string;
  office: string | null;
  place: string;
  problemType: string;
  watermark: string;
}

/** The forms a clue's record gives. */
export const CLUE_FORMS = ['disposal-approval', 'verification-report'] as const;
export type ClueForm = (typeof CLUE_FORMS)[number];

/** `at` as official documents write a date, on the commission's calendar: 2026年3月2日. */
export function chineseDate(at: Date): string {
  const [y, m, d] = commissionDate(at).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const payloadOf = (step: ClueStepRow) => (step.payload ?? {}) as Record<string, unknown>;
const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
const word = (labels: Record<string, { zh: string }>, code: unknown) =>
  typeof code === 'string' ? (labels[code]?.zh ?? '') : '';

function subjectLines(source: ClueDocumentSource): string[] {
  if (source.subjects.length === 0) return ['（未列明）'];
  return source.subjects.map((s) =>
    [s.name, s.position, s.idNumber ? `公民身份号码${s.idNumber}` : null].filter(Boolean).join('，'),
  );
}

/** The last step of one of `actions`, and the first of `decisions` taken after it. */
function lastWithDecision(steps: ClueStepRow[], actions: string[], decisions: string[]) {
  const index = steps.findLastIndex((s) => actions.includes(s.action));
  if (index === -1) return null;
  return {
    step: steps[index]!,
    before: steps.slice(0, index),
    decision: steps.slice(index + 1).find((s) => decisions.includes(s.action)) ?? null,
  };
}

function decisionLines(decision: ClueStepRow | null, approve: string): string[] {
  if (!decision) return ['（待审批）'];
  const verdict = decision.action === approve ? '同意' : '退回';
  return [
    `${verdict}。${decision.reason ?? ''}`.trim(),
    `审批人：${decision.actor_name}    ${chineseDate(decision.at)}`,
  ];
}

function basics(source: ClueDocumentSource) {
  const { clue } = source;
  return [
    { label: '线索来源', lines: [CLUE_SOURCE_LABELS[clue.source as ClueSource]?.zh ?? ''] },
    { label: '问题类别', lines: [source.problemType] },
    { label: '涉及地区', lines: [source.place] },
    { label: '反映对象', lines: subjectLines(source) },
  ];
}

const reference = (clue: ClueRow) => (clue.registration_number ? `编号：${clue.registration_number}` : null);

/** 线索处置审批表: the clue, the collective triage's proposal (or an inquiry's conclusion) and the leader's decision. */
function disposalApproval(source: ClueDocumentSource): OfficialForm | null {
  const found = lastWithDecision(
    source.steps,
    ['propose_disposal', 'conclude_inquiry'],
    ['approve_disposal', 'return_disposal'],
  );
  if (!found) return null;
  const { step, decision } = found;
  const p = payloadOf(step);
  const proposal =
    step.action === 'propose_disposal'
      ? [
          `拟${word(CLUE_DISPOSAL_LABELS, p.disposal)}${typeof p.transferTo === 'string' ? `（${p.transferTo}）` : ''}。`,
        ]
      : [
          `谈话函询结论：${word(INQUIRY_CONCLUSION_LABELS, p.conclusion)}${
            p.firstForm ? `（${word(FIRST_FORM_OUTCOME_LABELS, p.firstForm)}）` : ''
          }。`,
        ];
  const participants = Array.isArray(p.participants) ? p.participants.map(String).join('、') : null;
  return {
    issuer: source.commission,
    title: '线索处置审批表',
    reference: reference(source.clue),
    fields: [
      { label: '受理日期', lines: [chineseDate(source.clue.created_at)] },
      ...basics(source),
      { label: '主要问题', lines: [source.clue.title, source.clue.summary] },
      { label: '承办部门', lines: [source.office ?? ''] },
      ...(participants ? [{ label: '集体排查人员', lines: [participants] }] : []),
      {
        label: '处置意见',
        lines: [
          ...proposal,
          ...(step.reason ? [step.reason] : []),
          `承办人：${step.actor_name}    ${chineseDate(step.at)}`,
        ],
      },
      { label: '领导审批意见', lines: decisionLines(decision, 'approve_disposal') },
    ],
    sections: [],
    signature: [],
    watermark: source.watermark,
  };
}

/** 初步核实情况报告: the clue, the verification's work, its conclusion and recommendation, and the decision. */
function verificationReport(source: ClueDocumentSource): OfficialForm | null {
  const found = lastWithDecision(
    source.steps,
    ['submit_verification_report'],
    ['approve_verification_report', 'return_verification_report'],
  );
  if (!found) return null;
  const { step, before, decision } = found;
  const p = payloadOf(step);
  const planApproved = before.findLast((s) => s.action === 'approve_verification_plan');
  const work = before.filter((s) => s.action === 'record_verification_work');
  const recommendation = word(VERIFICATION_RECOMMENDATION_LABELS, p.recommendation);
  const firstForm = p.firstForm ? word(FIRST_FORM_OUTCOME_LABELS, p.firstForm) : null;
  const { clue } = source;
  return {
    issuer: source.commission,
    title: `关于${clue.title}的初步核实情况报告`,
    reference: reference(clue),
    fields: [],
    sections: [
      {
        heading: '一、线索基本情况',
        paragraphs: [
          `${chineseDate(clue.created_at)}，本委收到${CLUE_SOURCE_LABELS[clue.source as ClueSource]?.zh ?? ''}线索，问题类别为${source.problemType}，涉及${source.place}。`,
          `反映对象：${subjectLines(source).join('；')}。`,
          clue.summary,
        ],
      },
      {
        heading: '二、初步核实工作开展情况',
        paragraphs: [
          ...(planApproved ? [`${chineseDate(planApproved.at)}，初步核实方案经批准后开展核实。`] : []),
          ...work.map((w) => `${chineseDate(w.at)}，${textOf(payloadOf(w).summary)}（${w.actor_name}）。`),
          ...(work.length === 0 && !planApproved ? ['（无记录）'] : []),
        ],
      },
      {
        heading: '三、核实结论及处理建议',
        paragraphs: [
          ...(step.reason ? [step.reason] : []),
          `处理建议：${recommendation}${firstForm ? `，并作${firstForm}处理` : ''}。`,
        ],
      },
      { heading: '四、审批意见', paragraphs: decisionLines(decision, 'approve_verification_report') },
    ],
    signature: [`报告人：${step.actor_name}`, chineseDate(step.at)],
    watermark: source.watermark,
  };
}

/** The form `form` of a clue, or null when its record does not hold it yet (no proposal, no report). */
export function clueForm(form: ClueForm, source: ClueDocumentSource): OfficialForm | null {
  return form === 'disposal-approval' ? disposalApproval(source) : verificationReport(source);
}

/** The form's name, for the file. */
export const CLUE_FORM_TITLES: Record<ClueForm, string> = {
  'disposal-approval': '线索处置审批表',
  'verification-report': '初步核实情况报告',
};
