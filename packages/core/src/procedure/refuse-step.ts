import type { LocalisedText } from '../standard/result.js';
import { isCalendarDate } from './calendar.js';
import type {
  Attachment,
  ProcedureActor,
  ProcedureCommand,
  ProcedureRecordBase,
  Rejection,
  RejectionCode,
  StepBasics,
  TransitionRule,
} from './engine.js';

const HASH = /^[0-9a-f]{64}$/;

function refusal(code: RejectionCode, zh: string, en: string): Rejection {
  return { code, reason: { zh, en } };
}

/**
 * Why the step cannot be taken, or null when it can: the state, the actor's permission and
 * role, recusal, the independence rules, the reason and attachments, and the step's own
 * checks, in that order, so the first thing wrong is the one reported. `rule` is undefined
 * for an action the machine does not know. The state machines' guards ask this.
 */
export function refuseStep<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  rule: TransitionRule<S, unknown, R> | undefined,
  record: R,
  command: ProcedureCommand<P>,
  labelOf: (state: S) => LocalisedText,
): Rejection | null {
  const { actor, at } = command;
  if (typeof at !== 'string' || !isCalendarDate(at.slice(0, 10)) || Number.isNaN(Date.parse(at))) {
    return refusal('invalid_payload', '操作时间无效', 'The time of the step is not a valid ISO 8601 instant');
  }
  const payload = command.payload as StepBasics | null;
  if (!rule || !rule.from.includes(record.state)) {
    const here = labelOf(record.state);
    return refusal(
      'not_allowed_in_state',
      `“${here.zh}”状态下不能进行此操作`,
      `This step is not allowed while ${here.en.toLowerCase()}`,
    );
  }
  // Payloads come from outside: the shape every step shares is checked before any rule reads it.
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return refusal('invalid_payload', '请求内容无效', 'The request has no valid content');
  }
  const proposer = rule.proposerOf ? rule.proposerOf(record, command.payload) : record.proposedBy;
  const refused = checkActor(rule, record, actor, proposer);
  if (refused) return refused;
  if (payload.reason !== undefined && (typeof payload.reason !== 'string' || payload.reason.length > 5000)) {
    return refusal(
      'invalid_payload',
      '理由须为不超过5000字的文字',
      'The reason must be text of at most 5,000 characters',
    );
  }
  if (payload.attachments !== undefined && !isAttachmentList(payload.attachments)) {
    return refusal(
      'invalid_payload',
      '附件须有名称和64位十六进制摘要',
      'Each attachment needs a name and a 64-digit hexadecimal hash',
    );
  }
  if (rule.requires.includes('reason') && !(payload.reason ?? '').trim()) {
    return refusal('missing_reason', '此操作须写明理由', 'This step needs a reason');
  }
  const attachments = payload.attachments ?? [];
  if (rule.requires.includes('attachments') && attachments.length === 0) {
    return refusal('missing_attachments', '此操作须附材料', 'This step needs at least one attached document');
  }
  if (attachments.some((a) => !a.name.trim() || !HASH.test(a.hash))) {
    return refusal(
      'invalid_payload',
      '附件须有名称和64位十六进制摘要',
      'Each attachment needs a name and a 64-digit hexadecimal hash',
    );
  }
  const problem = rule.check?.(record, command.payload, actor);
  return problem ? { code: 'invalid_payload', reason: problem } : null;
}

/**
 * The record after a step `refuseStep` allowed, with the deadline it starts, and the
 * step's timeline entry. The state machines' step action runs this.
 */
function isAttachmentList(value: unknown): value is readonly Attachment[] {
  return (
    Array.isArray(value) &&
    value.length <= 100 &&
    value.every(
      (a: unknown) =>
        typeof a === 'object' &&
        a !== null &&
        typeof (a as Attachment).name === 'string' &&
        (a as Attachment).name.trim() !== '' &&
        (a as Attachment).name.length <= 255 &&
        typeof (a as Attachment).hash === 'string' &&
        HASH.test((a as Attachment).hash),
    )
  );
}

function checkActor<S extends string, R extends ProcedureRecordBase<S>>(
  rule: TransitionRule<S, unknown, R>,
  record: R,
  actor: ProcedureActor,
  proposer: string | null,
): Rejection | null {
  if (!actor.permissions.includes(rule.permission)) {
    return refusal('missing_permission', `缺少权限：${rule.permission}`, `Missing the permission ${rule.permission}`);
  }
  if (rule.roles && !rule.roles.some((r) => actor.roles.includes(r))) {
    return refusal('wrong_role', '此操作须由指定岗位人员进行', 'This step belongs to another role');
  }
  if (record.recusedIds.includes(actor.id)) {
    return refusal('recused', '已回避人员不得办理本事项', 'A recused person cannot act on this matter');
  }
  if (rule.independence.includes('not_proposer') && proposer === actor.id) {
    return refusal('same_as_proposer', '审批人不得为提议人', 'The approver cannot be the person who proposed');
  }
  if (rule.independence.includes('not_investigator') && record.investigatorIds.includes(actor.id)) {
    return refusal(
      'investigator_cannot_review',
      '审查调查人员不得参与本案审理',
      "The case's investigators cannot review it",
    );
  }
  if (rule.independence.includes('investigator') && !record.investigatorIds.includes(actor.id)) {
    return refusal(
      'not_an_investigator',
      '只有本案审查调查人员可以办理',
      "Only the case's investigators can take this step",
    );
  }
  return null;
}

/** The actions a machine allows from a state, in declaration order: what a screen offers. */
