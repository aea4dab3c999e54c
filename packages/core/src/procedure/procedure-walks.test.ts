import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, daysBetween } from './calendar.js';
import { CASE_PAYLOADS, CASE_PEOPLE, type CasePersona } from './case.fixture.js';
import { CASE_MACHINE, applyCaseAction, proposeCase } from './case-machine.js';
import { MEASURE_KINDS, type CaseAction, type CasePayloads, type CaseRecord, type CaseState } from './case-types.js';
import { CLUE_PAYLOADS, CLUE_PEOPLE, type CluePersona } from './clue.fixture.js';
import { CLUE_MACHINE, applyClueAction, newClue } from './clue-machine.js';
import type { ClueAction, CluePayloads, ClueRecord, ClueState } from './clue-types.js';
import type { ProcedureCommand, ProcedureMachine, ProcedureRecordBase, StepResult } from './engine.js';

/* Random walks: at each step, every (action, person, payload) the fixtures know is tried and
   one that succeeds is taken at random. The walks check what must hold however a matter
   travels: no dead ends, clocks running exactly while it is open, proposals pending exactly
   while someone must approve, evidence only growing, and no step changing its input. */

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const atOf = (day: number) => `${addCalendarDays('2026-03-02', day)}T09:00:00+08:00`;

interface Walker<S extends string, P extends object, R extends ProcedureRecordBase<S>> {
  machine: ProcedureMachine<S, P, R>;
  start: R;
  awaiting: readonly S[];
  candidates: (record: R, step: number) => ProcedureCommand<P>[];
  apply: (record: R, command: ProcedureCommand<P>) => StepResult<S, R>;
  check?: (before: R, after: R) => void;
  /** What makes two records in one state lead different ways (a proposal, evidence present). */
  signature: (record: R) => string;
}

function walk<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  w: Walker<S, P, R>,
  from: R,
  choices: number[],
): S[] {
  let record = deepFreeze(from);
  const visited: S[] = [record.state];
  for (const [step, choice] of choices.entries()) {
    const taken = w.candidates(record, step).flatMap((command) => {
      const result = w.apply(record, command);
      return result.ok ? [{ command, result }] : [];
    });
    const terminal = w.machine.terminal.includes(record.state);
    // No dead ends: an open matter always has a way forward, a finished one none.
    expect(taken.length === 0, `state ${record.state}`).toBe(terminal);
    if (terminal) break;
    // Choose the action first, then its variant, so that steps with many variants (fifteen
    // kinds of measure) do not crowd out the others.
    const actions = [...new Set(taken.map((t) => t.command.action))];
    const action = actions[choice % actions.length];
    const variants = taken.filter((t) => t.command.action === action);
    const { command, result } = variants[Math.floor(choice / actions.length) % variants.length]!;
    const rule = (w.machine.rules as Record<string, { from: readonly S[]; to: readonly S[] | 'same' }>)[
      command.action
    ]!;
    expect(rule.from).toContain(record.state);
    if (rule.to === 'same') expect(result.record.state).toBe(record.state);
    else expect(rule.to).toContain(result.record.state);
    expect(result.entry).toMatchObject({ from: record.state, to: result.record.state, actorId: command.actor.id });
    const next = result.record;
    const open = !w.machine.terminal.includes(next.state);
    expect(next.deadline !== null, `deadline in ${next.state}`).toBe(open);
    if (next.deadline) {
      expect(daysBetween(next.deadline.startedOn, next.deadline.dueOn)).toBeGreaterThan(0);
      for (const d of next.deadline.remindOn) expect(d > next.deadline.startedOn && d < next.deadline.dueOn).toBe(true);
    }
    expect(next.proposedBy !== null, `proposal in ${next.state}`).toBe(w.awaiting.includes(next.state));
    w.check?.(record, next);
    record = deepFreeze(next);
    visited.push(record.state);
  }
  return visited;
}

const CLUE_WALKER: Walker<ClueState, CluePayloads, ClueRecord> = {
  machine: CLUE_MACHINE,
  start: newClue('clue-w', 'model_warning', atOf(0)),
  awaiting: ['awaiting_disposal_approval', 'awaiting_plan_approval', 'awaiting_report_approval'],
  // Recusal only narrows who may act: with four people a walk could recuse them all and stall,
  // which a commission with its whole staff never does. The all-pairs and assignment tests cover it.
  candidates: (_r, step) =>
    (Object.keys(CLUE_PAYLOADS) as ClueAction[])
      .filter((action) => action !== 'declare_conflict' && action !== 'recuse_person')
      .flatMap((action) =>
        (Object.keys(CLUE_PEOPLE) as CluePersona[]).flatMap((who) =>
          (CLUE_PAYLOADS[action] as object[]).map(
            (payload) =>
              ({ action, actor: CLUE_PEOPLE[who], at: atOf(step + 1), payload }) as ProcedureCommand<CluePayloads>,
          ),
        ),
      ),
  apply: applyClueAction,
  signature: (r) =>
    [
      r.state,
      r.proposal?.disposal,
      r.proposal?.firstForm,
      r.recommendation?.kind,
      r.verificationWork.length > 0,
      r.relatedClueIds.length > 0,
    ].join('|'),
};

function casePayloads(record: CaseRecord, step: number): { [A in CaseAction]: CasePayloads[A][] } {
  const hash = step.toString(16).padStart(64, '0');
  return {
    ...CASE_PAYLOADS,
    propose_measure: MEASURE_KINDS.map((kind) => ({ measureId: `m${step}`, kind, reason: 'needed' })),
    approve_measure: record.measures.filter((m) => m.status === 'awaiting_approval').map((m) => ({ measureId: m.id })),
    reject_measure: record.measures
      .filter((m) => m.status === 'awaiting_approval')
      .map((m) => ({ measureId: m.id, reason: 'no' })),
    lift_measure: record.measures
      .filter((m) => m.status === 'in_force')
      .map((m) => ({ measureId: m.id, reason: 'done' })),
    add_evidence: [
      { evidenceId: `e${step}`, title: 'statement', hash },
      ...record.evidence
        .filter((e) => !e.supersededBy)
        .map((e) => ({ evidenceId: `e${step}`, title: 'better copy', hash, supersedes: e.id })),
    ],
  };
}

const CASE_WALKER: Walker<CaseState, CasePayloads, CaseRecord> = {
  machine: CASE_MACHINE,
  start: proposeCase('case-w', 'clue-w', 'cm', atOf(0)),
  awaiting: ['filing_proposed', 'awaiting_plan_approval', 'awaiting_trial', 'awaiting_decision'],
  candidates: (record, step) => {
    const payloads = casePayloads(record, step);
    return (Object.keys(payloads) as CaseAction[]).flatMap((action) =>
      (Object.keys(CASE_PEOPLE) as CasePersona[]).flatMap((who) =>
        (payloads[action] as object[]).map(
          (payload) =>
            ({ action, actor: CASE_PEOPLE[who], at: atOf(step + 1), payload }) as ProcedureCommand<CasePayloads>,
        ),
      ),
    );
  },
  apply: applyCaseAction,
  signature: (r) =>
    [
      r.state,
      r.evidence.length > 0,
      r.measures.some((m) => m.status === 'awaiting_approval'),
      r.measures.some((m) => m.status === 'in_force'),
      r.proposedDispositions !== null,
    ].join('|'),
  check: (before, after) => {
    // Evidence only grows; an item changes only by being marked superseded, once.
    expect(after.evidence.length).toBeGreaterThanOrEqual(before.evidence.length);
    before.evidence.forEach((e, i) => {
      const now = after.evidence[i]!;
      expect({ ...now, supersededBy: e.supersededBy }).toEqual(e);
      if (e.supersededBy) expect(now.supersededBy).toBe(e.supersededBy);
    });
    for (const m of after.measures)
      expect(m.deadline !== null).toBe(
        m.status === 'awaiting_approval' ||
          (m.status === 'in_force' && (m.kind === 'detention' || m.kind === 'freezing')),
      );
    if (after.state === 'closed') expect(after.decision).not.toBeNull();
  },
};

/**
 * One record in each state the machine can reach from its start, found breadth first by
 * trying every candidate step: proof that no state is unreachable, and the starting points
 * of the walks (so that walks also begin deep in the trial, not only at the first step).
 */
function reachable<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  w: Walker<S, P, R>,
): Map<string, R> {
  const found = new Map<string, R>([[w.signature(w.start), w.start]]);
  const queue: { record: R; depth: number }[] = [{ record: w.start, depth: 0 }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const command of w.candidates(next.record, next.depth)) {
      const result = w.apply(next.record, command);
      const key = result.ok ? w.signature(result.record) : '';
      if (result.ok && !found.has(key)) {
        found.set(key, result.record);
        queue.push({ record: result.record, depth: next.depth + 1 });
      }
    }
  }
  return found;
}

function checkWalks<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  w: Walker<S, P, R>,
  numRuns: number,
) {
  const found = reachable(w);
  expect([...new Set([...found.values()].map((r) => r.state))].sort()).toEqual([...w.machine.states].sort());
  fc.assert(
    fc.property(
      fc.constantFrom(...found.values()),
      fc.array(fc.noBias(fc.nat()), { minLength: 1, maxLength: 30 }),
      (from, choices) => {
        walk(w, from, choices);
      },
    ),
    { numRuns },
  );
}

describe('random walks through the procedure', () => {
  it('a clue reaches every state, and every walk keeps the invariants', () => checkWalks(CLUE_WALKER, 200));
  it('a case reaches every state, and every walk keeps the invariants', () => checkWalks(CASE_WALKER, 120));
});
