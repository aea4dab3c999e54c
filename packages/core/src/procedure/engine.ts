import type { Permission } from '../auth/permissions.js';
import type { Role } from '../auth/roles.js';
import type { LocalisedText } from '../standard/result.js';
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
