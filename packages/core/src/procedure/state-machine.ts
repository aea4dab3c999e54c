import { assign, setup, transition } from 'xstate';
import type { LocalisedText } from '../standard/result.js';
import type { DeadlinePolicy } from './deadlines.js';
import {
  type ProcedureCommand,
  type ProcedureMachine,
  type ProcedureRecordBase,
  type StepResult,
  type TransitionRule,
  advanceRecord,
} from './engine.js';
import { refuseStep } from './refuse-step.js';

/**
 * What an xstate snapshot of a matter holds besides its state: the record itself (whose
 * `state` always equals the snapshot's value) and the answer to the last event, null in a
 * snapshot restored from storage.
 */
export interface ProcedureContext<S extends string, R> {
  readonly record: R;
  readonly last: StepResult<S, R> | null;
}

/**
 * The event for one step: its type is the action, and it carries the whole command and the
 * deployment's deadline policy (configuration, not state, so it travels with the event).
 */
export interface ProcedureEvent<P extends object> {
  readonly type: string;
  readonly command: ProcedureCommand<P>;
  readonly policy: DeadlinePolicy;
}

/**
 * The type of event sent for an action the machine does not know. Client text never becomes
 * an xstate event type, so a hostile action cannot pose as one of xstate's own events
 * (`xstate.init`, `xstate.error.…`) or as a wildcard.
 */
export const UNKNOWN_STEP = 'unknown_step';

/**
 * The xstate v5 machine of a procedure, derived from its step table so the table stays the
 * one source of truth: one state per table state, and in each state one `on` entry per
 * action the table allows there. An entry lists one guarded transition per state the step
 * can lead to (the guard `stepLeadsTo` asks `refuseStep` and where the step would go), or a
 * targetless one for a step that stays put, then an unguarded fallback that records the
 * refusal; a wildcard `*` in every state refuses what the state does not allow. Guards and
 * actions are pure, and `assign` is the only action, so `transition` computes a step
 * without an actor and without I/O.
 */
export function procedureStateMachine<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  table: ProcedureMachine<S, P, R>,
  initial: S,
  labelOf: (state: S) => LocalisedText,
) {
  const rules = table.rules as Readonly<Record<string, TransitionRule<S, unknown, R>>>;
  const ruleOf = (type: string) => (Object.hasOwn(rules, type) ? rules[type] : undefined);
  type Args = { context: ProcedureContext<S, R>; event: ProcedureEvent<P> };
  const refusalOf = ({ context, event }: Args) =>
    refuseStep(ruleOf(event.type), context.record, event.command, labelOf);
  const advance = ({ context, event }: Args) =>
    advanceRecord(ruleOf(event.type)!, context.record, event.command, event.policy);

  const configured = setup({
    types: {
      context: {} as ProcedureContext<S, R>,
      events: {} as ProcedureEvent<P>,
      input: {} as R,
    },
    guards: {
      stepAllowed: (args: Args) => refusalOf(args) === null,
      stepLeadsTo: (args: Args, params: { to: S }) =>
        refusalOf(args) === null && advance(args).record.state === params.to,
    },
    actions: {
      takeStep: assign((args: Args): ProcedureContext<S, R> => {
        const { record, entry } = advance(args);
        return { record, last: { ok: true, record, entry } };
      }),
      refuseStep: assign((args: Args): ProcedureContext<S, R> => {
        const rejection = refusalOf(args);
        // Allowed, yet no guarded transition took it: the rule led somewhere its table does not list.
        if (!rejection)
          throw new Error(
            `${table.name}: ${args.event.type} left ${args.context.record.state} for a state its rule does not list`,
          );
        return { record: args.context.record, last: { ok: false, rejection } };
      }),
    },
  });

  /** A transition as plain data: the guard and action by name, so the machine is drawable from its definition. */
  interface StepTransition {
    readonly guard?: 'stepAllowed' | { readonly type: 'stepLeadsTo'; readonly params: { readonly to: S } };
    readonly target?: S;
    readonly actions: 'takeStep' | 'refuseStep';
  }
  const onEvents = (state: S): Record<string, StepTransition[]> => {
    const on: Record<string, StepTransition[]> = {};
    for (const [action, rule] of Object.entries(rules)) {
      if (!rule.from.includes(state)) continue;
      const taken: StepTransition[] =
        rule.to === 'same'
          ? [{ guard: 'stepAllowed', actions: 'takeStep' }]
          : rule.to.map((to) => ({ guard: { type: 'stepLeadsTo', params: { to } }, target: to, actions: 'takeStep' }));
      on[action] = [...taken, { actions: 'refuseStep' }];
    }
    on['*'] = [{ actions: 'refuseStep' }];
    return on;
  };

  return configured.createMachine({
    id: table.name,
    initial,
    context: ({ input }) => ({ record: input, last: null }),
    states: Object.fromEntries(table.states.map((state) => [state, { on: onEvents(state) }])) as Record<S, object>,
  });
}

/** Any machine `procedureStateMachine` builds. */
export type ProcedureStateMachine<S extends string, P extends object, R extends ProcedureRecordBase<S>> = ReturnType<
  typeof procedureStateMachine<S, P, R>
>;

/**
 * The xstate snapshot of a stored record: what the server keeps in its table is the record
 * (the state and everything else the procedure reads), and this restores the machine there.
 */
export function snapshotOf<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  machine: ProcedureStateMachine<S, P, R>,
  record: R,
) {
  return machine.resolveState({ value: record.state, context: { record, last: null } });
}

/**
 * Takes one step with xstate's pure `transition` from the stored record: the new record and
 * its timeline entry, or the refusal with its reason in both languages.
 */
export function stepMachine<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  machine: ProcedureStateMachine<S, P, R>,
  record: R,
  command: ProcedureCommand<P>,
  policy: DeadlinePolicy,
): StepResult<S, R> {
  const action: unknown = command.action;
  const known =
    typeof action === 'string' && action !== '*' && (machine.root.events as readonly string[]).includes(action);
  const type = known ? action : UNKNOWN_STEP;
  const [next] = transition(machine, snapshotOf(machine, record), { type, command, policy });
  const last = next.context.last;
  if (!last || (last.ok && next.value !== last.record.state)) {
    throw new Error(`${machine.id}: the machine and its record disagree after ${type}`);
  }
  return last;
}
