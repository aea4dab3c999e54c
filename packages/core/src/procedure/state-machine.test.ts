import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { CASE_PAYLOADS, CASE_PEOPLE } from './case.fixture.js';
import { CASE_MACHINE, CASE_STATE_MACHINE, proposeCase } from './case-machine.js';
import type { CaseAction, CasePayloads, CaseRecord } from './case-types.js';
import { AT, CLUE_PAYLOADS, CLUE_PEOPLE, clueCommand, clueIn } from './clue.fixture.js';
import { CLUE_MACHINE, CLUE_STATE_MACHINE, applyClueAction, newClue } from './clue-machine.js';
import { CLUE_STATES, type ClueAction, type CluePayloads, type ClueRecord } from './clue-types.js';
import { DEFAULT_DEADLINE_POLICY } from './deadlines.js';
import type { ProcedureActor, ProcedureCommand, ProcedureMachine, ProcedureRecordBase } from './engine.js';
import { type MachineEdge, machineEdges, shortestRoutes } from './machine-graph.js';
import { type ProcedureStateMachine, snapshotOf } from './state-machine.js';

/** The (from, action, to) triples the step table gives, `to` null for a step that stays put. */
function tableEdges<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  table: ProcedureMachine<S, P, R>,
): MachineEdge[] {
  const rules = table.rules as Readonly<Record<string, { from: readonly S[]; to: readonly S[] | 'same' }>>;
  return table.states.flatMap((from) =>
    Object.entries(rules)
      .filter(([, rule]) => rule.from.includes(from))
      .flatMap(([action, rule]): MachineEdge[] =>
        rule.to === 'same' ? [{ from, action, to: null }] : rule.to.map((to) => ({ from, action, to })),
      ),
  );
}

function checkAgreement<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  table: ProcedureMachine<S, P, R>,
  machine: ProcedureStateMachine<S, P, R>,
) {
  expect(Object.keys(machine.root.states)).toEqual([...table.states]);
  expect(machineEdges(machine)).toEqual(tableEdges(table));
  for (const state of table.states) {
    const node = machine.root.states[state]!;
    const on = node.config.on as Record<string, readonly { guard?: unknown; actions: string }[]>;
    const allowed = Object.keys(table.rules).filter((a) =>
      (table.rules as Record<string, { from: readonly S[] }>)[a]!.from.includes(state),
    );
    // Every allowed step, then the wildcard that refuses the rest; each list ends in its refusal.
    expect(Object.keys(on)).toEqual([...allowed, '*']);
    for (const transitions of Object.values(on)) expect(transitions.at(-1)).toEqual({ actions: 'refuseStep' });
  }
}

describe('the xstate machines', () => {
  it('have exactly the states and events of the step tables', () => {
    checkAgreement(CLUE_MACHINE, CLUE_STATE_MACHINE);
    checkAgreement(CASE_MACHINE, CASE_STATE_MACHINE);
  });

  it('reach every state from the start by their own definition', () => {
    expect([...shortestRoutes(CLUE_STATE_MACHINE).keys()].sort()).toEqual([...CLUE_MACHINE.states].sort());
    expect([...shortestRoutes(CASE_STATE_MACHINE).keys()].sort()).toEqual([...CASE_MACHINE.states].sort());
    expect(shortestRoutes(CLUE_STATE_MACHINE).get('case_filing')).toEqual([
      'register',
      'propose_disposal',
      'approve_disposal',
      'submit_verification_plan',
      'approve_verification_plan',
      'submit_verification_report',
      'approve_verification_report',
    ]);
  });

  it('start a new matter through initialTransition, and restore a stored one where it was', () => {
    const clue = newClue('c1', 'audit', AT);
    const [first] = initialTransition(CLUE_STATE_MACHINE, clue);
    expect(first.value).toBe('received');
    expect(first.context.record).toBe(clue);
    for (const state of CLUE_STATES) {
      // What the server stores is the record as JSON; the snapshot comes back from it alone.
      const stored: ClueRecord = JSON.parse(JSON.stringify(clueIn(state))) as ClueRecord;
      const snapshot = snapshotOf(CLUE_STATE_MACHINE, stored);
      expect(snapshot.value).toBe(state);
      expect(snapshot.context.last).toBeNull();
    }
  });

  it('replay a stored history to the same record, step for step', () => {
    const steps: [ClueAction, keyof typeof CLUE_PEOPLE][] = [
      ['register', 'registrar'],
      ['propose_disposal', 'handler'],
      ['approve_disposal', 'leader'],
    ];
    let record = newClue('clue-1', 'audit', AT);
    const history: ProcedureCommand<CluePayloads>[] = [];
    for (const [action, who] of steps) {
      const command = clueCommand(action, who, CLUE_PAYLOADS[action][0]!);
      const result = applyClueAction(record, command);
      if (!result.ok) throw new Error(JSON.stringify(result.rejection));
      history.push(command);
      record = result.record;
    }
    // Recomputing from the start with xstate's own transition gives the same record.
    let snapshot = initialTransition(CLUE_STATE_MACHINE, newClue('clue-1', 'audit', AT))[0];
    for (const command of history)
      [snapshot] = transition(CLUE_STATE_MACHINE, snapshot, {
        type: command.action,
        command,
        policy: DEFAULT_DEADLINE_POLICY,
      });
    expect(snapshot.value).toBe(record.state);
    expect(snapshot.context.record).toEqual(record);
  });

  it('refuse action names that xstate would read as its own events, without throwing', () => {
    const actor = CLUE_PEOPLE.registrar;
    for (const action of ['*', 'xstate.init', 'xstate.error.actor.x', 'xstate.stop', '__proto__', 'constructor']) {
      const command = { action, actor, at: AT, payload: {} } as unknown as ProcedureCommand<CluePayloads>;
      const result = applyClueAction(clueIn('received'), command);
      expect(result.ok ? 'ok' : result.rejection.code, action).toBe('not_allowed_in_state');
    }
  });
});

/* @xstate/graph walks the machines with their guards on: the same events the screens send,
   tried from the start, find a path into every state. Snapshots are told apart by what
   makes them lead different ways, so recorded work and linked clues do not multiply them. */

const clueEvents = () =>
  (Object.keys(CLUE_PAYLOADS) as ClueAction[]).flatMap((action) =>
    Object.values(CLUE_PEOPLE).flatMap((actor: ProcedureActor) =>
      (CLUE_PAYLOADS[action] as object[]).map((payload) => ({
        type: action,
        command: { action, actor, at: AT, payload } as ProcedureCommand<CluePayloads>,
        policy: DEFAULT_DEADLINE_POLICY,
      })),
    ),
  );

const caseEvents = () =>
  (Object.keys(CASE_PAYLOADS) as CaseAction[]).flatMap((action) =>
    Object.values(CASE_PEOPLE).flatMap((actor: ProcedureActor) =>
      (CASE_PAYLOADS[action] as object[]).map((payload) => ({
        type: action,
        command: { action, actor, at: AT, payload } as ProcedureCommand<CasePayloads>,
        policy: DEFAULT_DEADLINE_POLICY,
      })),
    ),
  );

describe('@xstate/graph over the machines with their guards', () => {
  it('finds a path into every clue state', () => {
    const events = clueEvents();
    const paths = getShortestPaths(CLUE_STATE_MACHINE, {
      fromState: snapshotOf(CLUE_STATE_MACHINE, newClue('clue-g', 'audit', AT)),
      events,
      serializeState: (s) => {
        const r: ClueRecord = s.context.record;
        return [s.value, r.proposal?.disposal, r.recommendation?.kind, r.verificationWork.length > 0].join('|');
      },
    });
    expect([...new Set(paths.map((p) => p.state.value as string))].sort()).toEqual([...CLUE_MACHINE.states].sort());
    // Every path replays through the public API to the state the graph says.
    for (const path of paths) {
      let record = newClue('clue-g', 'audit', AT);
      for (const { event } of path.steps.slice(1)) {
        const result = applyClueAction(record, event.command);
        if (result.ok) record = result.record;
      }
      expect(record.state).toBe(path.state.value);
    }
  });

  it('finds a path into every case state', () => {
    const paths = getShortestPaths(CASE_STATE_MACHINE, {
      fromState: snapshotOf(CASE_STATE_MACHINE, proposeCase('case-g', null, 'cm', AT)),
      events: caseEvents(),
      serializeState: (s) => {
        const r: CaseRecord = s.context.record;
        return [
          s.value,
          r.evidence.length,
          r.measures.map((m) => m.status).join(','),
          r.proposedDispositions !== null,
        ].join('|');
      },
    });
    expect([...new Set(paths.map((p) => p.state.value as string))].sort()).toEqual([...CASE_MACHINE.states].sort());
  });
});
