import type { Permission } from '../auth/permissions.js';
import type { Role } from '../auth/roles.js';
import type { LocalisedText } from '../standard/result.js';
import { isCalendarDate } from './calendar.js';
import { type DeadlinePolicy, type DeadlineStep, type RunningDeadline, startDeadline } from './deadlines.js';

/** Who is acting: what the server knows of the signed-in person when they press a button. */
export interface ProcedureActor {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly permissions: readonly Permission[];
}

/** A file given with a step; the hash is what the tamper-evident log records. */
export interface Attachment {
  readonly name: string;
  /** Lower-case hex SHA-256 or SM3 of the bytes, 64 characters. */
  readonly hash: string;
}

/** What every action's payload may carry besides its own fields. */
export interface StepBasics {
  readonly reason?: string;
  readonly attachments?: readonly Attachment[];
}

/** The parts of a record the engine itself reads: its state, who proposed what awaits approval, who is recused. */
export interface ProcedureRecordBase<S extends string> {
  readonly state: S;
  /** The person whose proposal (triage, plan, report, measure) now awaits someone else's approval. */
  readonly proposedBy: string | null;
  /** People who declared a conflict of interest or were found to have one: they cannot act. */
  readonly recusedIds: readonly string[];
  /** The investigators assigned to a case (empty for a clue): the trial office must be someone else. */
  readonly investigatorIds: readonly string[];
  readonly deadline: RunningDeadline | null;
}

/**
 * Independence rules a step may carry. `not_proposer`: four eyes, the approver is never the
 * one who proposed. `not_investigator`: the trial office reviews work it did not do.
 * `investigator`: only the case's own investigators act inside the investigation.
 */
export type IndependenceRule = 'not_proposer' | 'not_investigator' | 'investigator';

/** What a step needs from the person taking it, besides its own payload checks. */
export type Requirement = 'reason' | 'attachments';

export type RejectionCode =
  | 'not_allowed_in_state'
  | 'missing_permission'
  | 'wrong_role'
  | 'recused'
  | 'same_as_proposer'
  | 'investigator_cannot_review'
  | 'not_an_investigator'
  | 'missing_reason'
  | 'missing_attachments'
  | 'invalid_payload';

export interface Rejection {
  readonly code: RejectionCode;
  readonly reason: LocalisedText;
}

/** One step of a machine, as data: drawable, enumerable, and checked the same way everywhere. */
export interface TransitionRule<S extends string, P, R extends ProcedureRecordBase<S>> {
  readonly from: readonly S[];
  /**
   * Every state the step can lead to (more than one where the payload chooses, as an
   * approved disposal does), or `same` for a step that never moves the matter (adding
   * evidence, linking a clue), whichever state it is taken in.
   */
  readonly to: readonly S[] | 'same';
  readonly permission: Permission;
  /** When set, the actor must also hold one of these roles (approvals belong to leaders). */
  readonly roles?: readonly Role[];
  readonly independence: readonly IndependenceRule[];
  readonly requires: readonly Requirement[];
  /** The step's own checks of its payload against the record; null when all is well. */
  readonly check?: (record: R, payload: P, actor: ProcedureActor) => LocalisedText | null;
  /**
   * The new record, state included. The engine then sets the deadline the step starts;
   * `apply` sets `deadline` itself only to restore a clock that was running before.
   */
  readonly apply: (record: R, payload: P, actor: ProcedureActor, at: string, policy: DeadlinePolicy) => R;
  /**
   * Whose proposal this step decides, where it is not the record's (a measure proposed
   * inside an investigation carries its own proposer); `not_proposer` compares against it.
   */
  readonly proposerOf?: (record: R, payload: P) => string | null;
  /**
   * The deadline the step starts, by the state it leads to; a state missing here runs none.
   * A step that stays in its state (adding evidence, recording work) keeps the running one.
   */
  readonly starts?: Partial<Record<S, DeadlineStep>>;
}

/** A machine: its states in display order, and one rule per action. */
export interface ProcedureMachine<S extends string, P extends object, R extends ProcedureRecordBase<S>> {
  readonly name: string;
  readonly states: readonly S[];
  readonly terminal: readonly S[];
  readonly rules: { readonly [A in keyof P]: TransitionRule<S, P[A], R> };
}

/**
 * A request to take one step. `at` is an ISO 8601 instant written in the commission's
 * local offset (`2026-03-02T09:30:00+08:00`): a clock the step starts runs from its date.
 */
export type ProcedureCommand<P extends object> = {
  [A in keyof P & string]: {
    readonly action: A;
    readonly actor: ProcedureActor;
    readonly at: string;
    readonly payload: P[A];
  };
}[keyof P & string];

/** What the timeline keeps of a step: who, when, from where to where, why, with what. */
export interface TimelineEntry<S extends string> {
  readonly action: string;
  readonly from: S;
  readonly to: S;
  readonly actorId: string;
  readonly at: string;
  readonly reason: string | null;
  readonly attachments: readonly Attachment[];
  readonly deadline: RunningDeadline | null;
}

export type StepResult<S extends string, R> =
  | { readonly ok: true; readonly record: R; readonly entry: TimelineEntry<S> }
  | { readonly ok: false; readonly rejection: Rejection };

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
export function advanceRecord<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  rule: TransitionRule<S, unknown, R>,
  record: R,
  command: ProcedureCommand<P>,
  policy: DeadlinePolicy,
): { readonly record: R; readonly entry: TimelineEntry<S> } {
  const { action, actor, at } = command;
  const payload = command.payload as StepBasics;
  const moved = rule.apply(record, command.payload, actor, at, policy);
  const step = rule.starts?.[moved.state];
  // A step may restore a clock itself (work returned for more keeps its original term);
  // otherwise staying keeps the running clock and moving on without a new one stops it.
  const restored = moved.deadline !== record.deadline;
  const deadline = step
    ? startDeadline(step, at.slice(0, 10), policy)
    : restored
      ? moved.deadline
      : moved.state === record.state
        ? record.deadline
        : null;
  const next: R = { ...moved, deadline };
  const entry: TimelineEntry<S> = {
    action,
    from: record.state,
    to: next.state,
    actorId: actor.id,
    at,
    reason: payload.reason?.trim() || null,
    attachments: payload.attachments ?? [],
    deadline: deadline === record.deadline ? null : deadline,
  };
  return { record: next, entry };
}

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
export function actionsFrom<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  machine: ProcedureMachine<S, P, R>,
  state: S,
): (keyof P & string)[] {
  return (Object.keys(machine.rules) as (keyof P & string)[]).filter((a) => machine.rules[a].from.includes(state));
}

/** The record with `personId` recused: from now on they can take no step on it. */
export function recusePerson<S extends string, R extends ProcedureRecordBase<S>>(record: R, personId: string): R {
  return record.recusedIds.includes(personId) ? record : { ...record, recusedIds: [...record.recusedIds, personId] };
}
