import { describe, expect, it } from 'vitest';
import {
  AT,
  CASE_PAYLOADS,
  CASE_PEOPLE,
  NEEDS_OPEN_MEASURES,
  caseCommand,
  caseIn,
  type CasePersona,
} from './case.fixture.js';
import { CASE_MACHINE, applyCaseAction } from './case-machine.js';
import { CASE_ACTION_LABELS, CASE_STATE_LABELS } from './case-labels.js';
import { CASE_STATES, type CaseAction, type CaseState } from './case-types.js';
import { actionsFrom, recusePerson } from './engine.js';

/** What the procedure allows, by hand: a new step without a line here fails the all-pairs test. */
const ALLOWED: Record<CaseState, CaseAction[]> = {
  filing_proposed: ['approve_filing', 'reject_filing'],
  filed: ['submit_investigation_plan'],
  awaiting_plan_approval: ['approve_investigation_plan', 'return_investigation_plan'],
  investigating: [
    'propose_measure',
    'approve_measure',
    'reject_measure',
    'lift_measure',
    'add_evidence',
    'submit_investigation_report',
    'revoke_filing',
  ],
  awaiting_trial: ['lift_measure', 'accept_for_trial', 'return_to_investigation'],
  in_trial: ['lift_measure', 'return_to_investigation', 'conclude_trial'],
  awaiting_decision: ['lift_measure', 'decide', 'return_to_trial'],
  decided: ['lift_measure', 'close_case'],
  closed: [],
  filing_rejected: [],
  revoked: [],
};

/** Who may take each step. `cm` holds case.handle but is not on the case; `outsider` is an investigator of other cases. */
const WHO: Record<CaseAction, CasePersona[]> = {
  approve_filing: ['leader'],
  reject_filing: ['leader'],
  submit_investigation_plan: ['inv1'],
  approve_investigation_plan: ['leader'],
  return_investigation_plan: ['leader'],
  propose_measure: ['inv1'],
  approve_measure: ['leader'],
  reject_measure: ['leader'],
  lift_measure: ['inv1'],
  add_evidence: ['inv1'],
  submit_investigation_report: ['inv1'],
  revoke_filing: ['leader'],
  accept_for_trial: ['judge'],
  return_to_investigation: ['judge'],
  conclude_trial: ['judge'],
  decide: ['leader'],
  return_to_trial: ['leader'],
  close_case: ['cm'],
};

const ACTIONS = Object.keys(CASE_MACHINE.rules) as CaseAction[];
const start = (action: CaseAction, state: CaseState) => caseIn(state, NEEDS_OPEN_MEASURES.includes(action));

describe('case machine: every (state, action) pair', () => {
  it('knows exactly the actions and states the table lists', () => {
    expect(ACTIONS.sort()).toEqual(Object.keys(WHO).sort());
    expect([...CASE_MACHINE.states].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  for (const state of CASE_STATES) {
    for (const action of ACTIONS) {
      const allowed = ALLOWED[state].includes(action);
      it(`${allowed ? 'allows' : 'rejects'} ${action} while ${state}`, () => {
        const result = applyCaseAction(
          start(action, state),
          caseCommand(action, WHO[action][0]!, CASE_PAYLOADS[action][0]!),
        );
        if (allowed) expect(result.ok, JSON.stringify(result)).toBe(true);
        else expect(result.ok ? null : result.rejection.code).toBe('not_allowed_in_state');
      });
    }
  }

  it('offers on screen the same actions the machine accepts', () => {
    for (const state of CASE_STATES)
      expect(actionsFrom(CASE_MACHINE, state).sort()).toEqual([...ALLOWED[state]].sort());
  });
});

describe('case machine: who may act', () => {
  for (const action of ACTIONS) {
    const state = CASE_STATES.find((s) => ALLOWED[s].includes(action))!;
    it(`${action}: only ${WHO[action].join(', ')}`, () => {
      for (const who of Object.keys(CASE_PEOPLE) as CasePersona[]) {
        const result = applyCaseAction(start(action, state), caseCommand(action, who, CASE_PAYLOADS[action][0]!));
        expect(result.ok, `${who}: ${JSON.stringify(result)}`).toBe(WHO[action].includes(who));
      }
    });
  }

  it('keeps investigators of other cases and case management out of the investigation', () => {
    for (const who of ['outsider', 'cm'] as const) {
      const result = applyCaseAction(
        caseIn('investigating'),
        caseCommand('add_evidence', who, CASE_PAYLOADS.add_evidence[0]!),
      );
      expect(result.ok ? null : result.rejection.code).toBe('not_an_investigator');
    }
  });

  it('keeps the investigators out of the trial, even one who also holds the trial role', () => {
    const both = { ...CASE_PEOPLE.judge, id: 'inv1' };
    for (const action of ['accept_for_trial', 'return_to_investigation', 'conclude_trial'] as const) {
      const state = CASE_STATES.find((s) => ALLOWED[s].includes(action))!;
      const result = applyCaseAction(caseIn(state), {
        action,
        actor: both,
        at: AT,
        payload: CASE_PAYLOADS[action][0]!,
      } as never);
      expect(result.ok ? null : result.rejection.code).toBe('investigator_cannot_review');
    }
    const named = applyCaseAction(
      caseIn('awaiting_trial'),
      caseCommand('accept_for_trial', 'judge', { reviewerIds: ['judge', 'inv2'] }),
    );
    expect(named.ok ? null : named.rejection.reason.en).toMatch(/investigators cannot review/);
  });

  it('refuses every step to a recused person', () => {
    for (const action of ACTIONS) {
      const state = CASE_STATES.find((s) => ALLOWED[s].includes(action))!;
      const who = WHO[action][0]!;
      const result = applyCaseAction(
        recusePerson(start(action, state), CASE_PEOPLE[who].id),
        caseCommand(action, who, CASE_PAYLOADS[action][0]!),
      );
      expect(result.ok ? null : result.rejection.code).toBe('recused');
    }
    const assigned = applyCaseAction(
      recusePerson(caseIn('filing_proposed'), 'inv2'),
      caseCommand('approve_filing', 'leader', CASE_PAYLOADS.approve_filing[0]!),
    );
    expect(assigned.ok).toBe(false);
  });

  it('never lets a leader approve a measure they proposed', () => {
    const leaderInvestigator = { ...CASE_PEOPLE.leader, id: 'inv2' };
    const own = applyCaseAction(caseIn('investigating', true), {
      action: 'approve_measure',
      actor: leaderInvestigator,
      at: AT,
      payload: { measureId: 'm-wait' },
    });
    // inv2 is both the proposer and an investigator: the first independence rule met is reported.
    expect(own.ok ? null : own.rejection.code).toBe('same_as_proposer');
  });
});

describe('case machine: measures, evidence, trial and decision', () => {
  it('takes a talk at once, but waits for approval of freezing and detention, which then run their terms', () => {
    const [talk, freezing, detention] = CASE_PAYLOADS.propose_measure.map((p) =>
      applyCaseAction(caseIn('investigating'), caseCommand('propose_measure', 'inv1', p)),
    );
    expect(talk!.ok && talk!.record.measures.at(-1)).toMatchObject({ kind: 'talk', status: 'done', deadline: null });
    expect(freezing!.ok && freezing!.record.measures.at(-1)).toMatchObject({
      status: 'awaiting_approval',
      deadline: { step: 'measure_approval' },
    });
    if (!detention!.ok) throw new Error('detention refused');
    const approved = applyCaseAction(
      detention!.record,
      caseCommand('approve_measure', 'leader', { measureId: 'm-new' }, '2026-01-31T08:00:00+08:00'),
    );
    expect(approved.ok && approved.record.measures.at(-1)).toMatchObject({
      status: 'in_force',
      deadline: { step: 'detention', dueOn: '2026-04-30' },
    });
    const again = applyCaseAction(
      caseIn('investigating', true),
      caseCommand('propose_measure', 'inv1', CASE_PAYLOADS.propose_measure[2]!),
    );
    expect(again.ok ? null : again.rejection.reason.en).toMatch(/Detention is already/);
  });

  it('refuses to approve a measure that is not waiting, and to lift one not in force', () => {
    const approve = applyCaseAction(
      caseIn('investigating', true),
      caseCommand('approve_measure', 'leader', { measureId: 'm-on' }),
    );
    expect(approve.ok).toBe(false);
    const lift = applyCaseAction(
      caseIn('investigating', true),
      caseCommand('lift_measure', 'inv1', { measureId: 'm-wait', reason: 'x' }),
    );
    expect(lift.ok).toBe(false);
  });

  it('never replaces evidence: a new item supersedes the old, and both stay', () => {
    const overwrite = applyCaseAction(
      caseIn('investigating'),
      caseCommand('add_evidence', 'inv1', { evidenceId: 'e1', title: 'Contract v2', hash: 'c'.repeat(64) }),
    );
    expect(overwrite.ok ? null : overwrite.rejection.reason.en).toMatch(/never replaced/);
    const sameFile = applyCaseAction(
      caseIn('investigating'),
      caseCommand('add_evidence', 'inv1', { evidenceId: 'e2', title: 'Copy', hash: 'a'.repeat(64) }),
    );
    expect(sameFile.ok ? null : sameFile.rejection.reason.en).toMatch(/already in the record as "Contract"/);
    const superseding = applyCaseAction(
      caseIn('investigating'),
      caseCommand('add_evidence', 'inv1', {
        evidenceId: 'e2',
        title: 'Contract, certified',
        hash: 'c'.repeat(64),
        supersedes: 'e1',
      }),
    );
    if (!superseding.ok) throw new Error('refused');
    expect(superseding.record.evidence).toEqual([
      expect.objectContaining({ id: 'e1', hash: 'a'.repeat(64), supersededBy: 'e2' }),
      expect.objectContaining({ id: 'e2', supersedes: 'e1', supersededBy: null, addedBy: 'inv1' }),
    ]);
    const twice = applyCaseAction(
      superseding.record,
      caseCommand('add_evidence', 'inv1', { evidenceId: 'e3', title: 'x', hash: 'd'.repeat(64), supersedes: 'e1' }),
    );
    expect(twice.ok ? null : twice.rejection.reason.en).toMatch(/already been superseded/);
  });

  it('does not send a case to trial with a measure still awaiting approval', () => {
    const result = applyCaseAction(
      caseIn('investigating', true),
      caseCommand('submit_investigation_report', 'inv1', CASE_PAYLOADS.submit_investigation_report[0]!),
    );
    expect(result.ok ? null : result.rejection.reason.en).toMatch(/awaits approval/);
  });

  it('gives further investigation its own term when the trial office returns a case', () => {
    const returned = applyCaseAction(
      caseIn('in_trial'),
      caseCommand('return_to_investigation', 'judge', { reason: 'more' }),
    );
    expect(returned.ok && returned.record).toMatchObject({
      state: 'investigating',
      proposedDispositions: null,
      deadline: { step: 'supplementary_investigation', dueOn: '2026-04-02' },
    });
  });

  it('lets only the named reviewers conclude, with dispositions that exist', () => {
    const other = applyCaseAction(caseIn('in_trial'), {
      action: 'conclude_trial',
      actor: { ...CASE_PEOPLE.judge, id: 'judge9' },
      at: AT,
      payload: CASE_PAYLOADS.conclude_trial[0]!,
    });
    expect(other.ok ? null : other.rejection.reason.en).toMatch(/Only the case's trial reviewers/);
    const empty = applyCaseAction(
      caseIn('in_trial'),
      caseCommand('conclude_trial', 'judge', {
        dispositions: [],
        reason: 'r',
        attachments: CASE_PAYLOADS.close_case[0]!.attachments!,
      }),
    );
    expect(empty.ok).toBe(false);
    const invented = applyCaseAction(
      caseIn('in_trial'),
      caseCommand('conclude_trial', 'judge', {
        dispositions: [{ subjectId: 'p1', party: 'exile' as never }],
        reason: 'r',
        attachments: CASE_PAYLOADS.close_case[0]!.attachments!,
      }),
    );
    expect(invented.ok).toBe(false);
  });

  it('decides what the trial proposed and classifies it under the four forms', () => {
    let record = caseIn('in_trial');
    const concluded = applyCaseAction(record, caseCommand('conclude_trial', 'judge', CASE_PAYLOADS.conclude_trial[1]!));
    if (!concluded.ok) throw new Error('conclude');
    record = concluded.record;
    const decided = applyCaseAction(record, caseCommand('decide', 'leader', {}));
    expect(decided.ok && decided.record.decision).toMatchObject({ forms: { p1: 4 }, decidedBy: 'leader' });
    expect(decided.ok && decided.record.deadline?.step).toBe('case_closing');
  });

  it('closes only when no measure still binds anyone', () => {
    const open = applyCaseAction(
      caseIn('decided', true),
      caseCommand('close_case', 'cm', CASE_PAYLOADS.close_case[0]!),
    );
    expect(open.ok ? null : open.rejection.reason.en).toMatch(/Lift every measure/);
    const revoke = applyCaseAction(
      caseIn('investigating', true),
      caseCommand('revoke_filing', 'leader', { reason: 'nothing found' }),
    );
    expect(revoke.ok).toBe(false);
  });

  it('assigns at least two different investigators when filing', () => {
    for (const investigatorIds of [['inv1'], ['inv1', 'inv1'], ['inv1', '']]) {
      const result = applyCaseAction(
        caseIn('filing_proposed'),
        caseCommand('approve_filing', 'leader', { investigatorIds }),
      );
      expect(result.ok).toBe(false);
    }
  });

  it('has words for every state and action in both languages', () => {
    for (const s of CASE_STATES) expect(CASE_STATE_LABELS[s].zh && CASE_STATE_LABELS[s].en).toBeTruthy();
    for (const a of ACTIONS) expect(CASE_ACTION_LABELS[a].zh && CASE_ACTION_LABELS[a].en).toBeTruthy();
  });
});
