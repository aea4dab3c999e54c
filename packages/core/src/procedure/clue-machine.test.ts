import { describe, expect, it } from 'vitest';
import { AT, CLUE_PAYLOADS, CLUE_PEOPLE, clueCommand, clueIn, person, type CluePersona } from './clue.fixture.js';
import { CLUE_MACHINE, acceptMergedClue, applyClueAction, newClue } from './clue-machine.js';
import { CLUE_ACTION_LABELS, CLUE_STATE_LABELS } from './clue-labels.js';
import { CLUE_STATES, type ClueAction, type ClueState } from './clue-types.js';
import { actionsFrom, recusePerson } from './engine.js';

/**
 * What the procedure allows, written out by hand: a step added to the machine without a
 * line here makes the all-pairs test fail.
 */
const ALLOWED: Record<ClueState, ClueAction[]> = {
  received: ['register', 'merge_into', 'link_related', 'reassign', 'declare_conflict', 'recuse_person'],
  registered: ['merge_into', 'link_related', 'propose_disposal', 'reassign', 'declare_conflict', 'recuse_person'],
  awaiting_disposal_approval: [
    'link_related',
    'approve_disposal',
    'return_disposal',
    'reassign',
    'declare_conflict',
    'recuse_person',
  ],
  talk_inquiry: ['link_related', 'record_inquiry_reply', 'reassign', 'declare_conflict', 'recuse_person'],
  inquiry_replied: ['link_related', 'conclude_inquiry', 'reassign', 'declare_conflict', 'recuse_person'],
  verification_planning: ['link_related', 'submit_verification_plan', 'reassign', 'declare_conflict', 'recuse_person'],
  awaiting_plan_approval: [
    'link_related',
    'approve_verification_plan',
    'return_verification_plan',
    'reassign',
    'declare_conflict',
    'recuse_person',
  ],
  verifying: [
    'link_related',
    'record_verification_work',
    'submit_verification_report',
    'reassign',
    'declare_conflict',
    'recuse_person',
  ],
  awaiting_report_approval: [
    'link_related',
    'approve_verification_report',
    'return_verification_report',
    'reassign',
    'declare_conflict',
    'recuse_person',
  ],
  held: ['merge_into', 'link_related', 'reopen', 'reassign', 'declare_conflict', 'recuse_person'],
  closed: [],
  transferred: [],
  merged: [],
  case_filing: [],
};

/** Who may take each step (with the default role permissions). */
const WHO: Record<ClueAction, CluePersona[]> = {
  register: ['registrar'],
  merge_into: ['registrar'],
  link_related: ['registrar', 'handler'],
  propose_disposal: ['registrar', 'handler'],
  approve_disposal: ['leader'],
  return_disposal: ['leader'],
  record_inquiry_reply: ['registrar', 'handler'],
  conclude_inquiry: ['registrar', 'handler'],
  submit_verification_plan: ['registrar', 'handler'],
  approve_verification_plan: ['leader'],
  return_verification_plan: ['leader'],
  record_verification_work: ['registrar', 'handler'],
  submit_verification_report: ['registrar', 'handler'],
  approve_verification_report: ['leader'],
  return_verification_report: ['leader'],
  reopen: ['registrar'],
  reassign: ['registrar', 'leader'],
  declare_conflict: ['registrar', 'handler', 'leader'],
  recuse_person: ['leader'],
};

const ACTIONS = Object.keys(CLUE_MACHINE.rules) as ClueAction[];

describe('clue machine: every (state, action) pair', () => {
  it('knows exactly the actions and states the table lists', () => {
    expect(ACTIONS.sort()).toEqual(Object.keys(WHO).sort());
    expect([...CLUE_MACHINE.states].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  for (const state of CLUE_STATES) {
    for (const action of ACTIONS) {
      const allowed = ALLOWED[state].includes(action);
      it(`${allowed ? 'allows' : 'rejects'} ${action} while ${state}`, () => {
        const result = applyClueAction(clueIn(state), clueCommand(action, WHO[action][0]!, CLUE_PAYLOADS[action][0]!));
        if (allowed) {
          expect(result.ok, JSON.stringify(result)).toBe(true);
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.rejection.code).toBe('not_allowed_in_state');
            expect(result.rejection.reason.zh).toContain(CLUE_STATE_LABELS[state].zh);
          }
        }
      });
    }
  }

  it('offers on screen the same actions the machine accepts', () => {
    for (const state of CLUE_STATES)
      expect(actionsFrom(CLUE_MACHINE, state).sort()).toEqual([...ALLOWED[state]].sort());
  });
});

describe('clue machine: who may act', () => {
  for (const action of ACTIONS) {
    const state = CLUE_STATES.find((s) => ALLOWED[s].includes(action))!;
    it(`${action}: only ${WHO[action].join(', ')}`, () => {
      for (const who of Object.keys(CLUE_PEOPLE) as CluePersona[]) {
        const result = applyClueAction(clueIn(state), clueCommand(action, who, CLUE_PAYLOADS[action][0]!));
        expect(result.ok, `${who}: ${JSON.stringify(result)}`).toBe(WHO[action].includes(who));
        if (!result.ok) expect(['missing_permission', 'wrong_role']).toContain(result.rejection.code);
      }
    });
  }

  it('refuses every step to a recused person', () => {
    for (const action of ACTIONS) {
      const state = CLUE_STATES.find((s) => ALLOWED[s].includes(action))!;
      const who = WHO[action][0]!;
      const clue = recusePerson(clueIn(state), CLUE_PEOPLE[who].id);
      const result = applyClueAction(clue, clueCommand(action, who, CLUE_PAYLOADS[action][0]!));
      expect(result.ok ? null : result.rejection.code).toBe('recused');
    }
  });

  it('never lets the proposer approve their own proposal, even holding both roles', () => {
    const both = person('handler', 'supervision', 'leader');
    for (const action of [
      'approve_disposal',
      'return_disposal',
      'approve_verification_plan',
      'approve_verification_report',
    ] as const) {
      const state = CLUE_STATES.find((s) => ALLOWED[s].includes(action))!;
      const result = applyClueAction(clueIn(state), { action, actor: both, at: AT, payload: { reason: 'x' } });
      expect(result.ok ? null : result.rejection.code).toBe('same_as_proposer');
    }
  });
});

describe('clue machine: what each step needs', () => {
  it('registers with a number and starts the triage clock', () => {
    const result = applyClueAction(
      newClue('c', 'letters_visits', AT),
      clueCommand('register', 'registrar', { registrationNumber: '  ' }),
    );
    expect(result.ok ? null : result.rejection.code).toBe('invalid_payload');
    const done = applyClueAction(
      newClue('c', 'letters_visits', AT),
      clueCommand('register', 'registrar', CLUE_PAYLOADS.register[0]!),
    );
    expect(done.ok && done.record.deadline).toMatchObject({
      step: 'clue_triage',
      startedOn: '2026-03-02',
      dueOn: '2026-04-01',
    });
    expect(done.ok && done.entry).toMatchObject({ from: 'received', to: 'registered', actorId: 'registrar' });
  });

  it('asks for a reason where the rules want one, and says so in both languages', () => {
    const result = applyClueAction(
      clueIn('awaiting_disposal_approval'),
      clueCommand('return_disposal', 'leader', { reason: ' ' }),
    );
    expect(result.ok ? null : result.rejection).toEqual({
      code: 'missing_reason',
      reason: { zh: '此操作须写明理由', en: 'This step needs a reason' },
    });
  });

  it('treats triage as collective: the proposer and at least one other person', () => {
    const alone = applyClueAction(
      clueIn('registered'),
      clueCommand('propose_disposal', 'handler', { disposal: 'hold', participantIds: ['handler'], reason: 'r' }),
    );
    expect(alone.ok ? null : alone.rejection.reason.en).toMatch(/Collective triage/);
    const absent = applyClueAction(
      clueIn('registered'),
      clueCommand('propose_disposal', 'handler', { disposal: 'hold', participantIds: ['a', 'b'], reason: 'r' }),
    );
    expect(absent.ok).toBe(false);
  });

  it('names the receiving organ when, and only when, transferring', () => {
    const missing = applyClueAction(
      clueIn('registered'),
      clueCommand('propose_disposal', 'handler', {
        disposal: 'transfer',
        participantIds: ['handler', 'x'],
        reason: 'r',
      }),
    );
    expect(missing.ok).toBe(false);
    const stray = applyClueAction(
      clueIn('registered'),
      clueCommand('propose_disposal', 'handler', {
        disposal: 'hold',
        participantIds: ['handler', 'x'],
        transferTo: 'y',
        reason: 'r',
      }),
    );
    expect(stray.ok).toBe(false);
  });

  it('rejects a disposal, conclusion or recommendation that does not exist', () => {
    const cases = [
      applyClueAction(
        clueIn('registered'),
        clueCommand('propose_disposal', 'handler', {
          disposal: 'shred' as never,
          participantIds: ['handler', 'x'],
          reason: 'r',
        }),
      ),
      applyClueAction(
        clueIn('inquiry_replied'),
        clueCommand('conclude_inquiry', 'handler', { conclusion: 'cleared', firstForm: 'criticism', reason: 'r' }),
      ),
      applyClueAction(
        clueIn('inquiry_replied'),
        clueCommand('conclude_inquiry', 'handler', { conclusion: 'first_form', reason: 'r' }),
      ),
      applyClueAction(
        clueIn('verifying'),
        clueCommand('submit_verification_report', 'handler', {
          recommendation: 'file_case',
          firstForm: 'admonition',
          reason: 'r',
          attachments: [{ name: 'r', hash: 'a'.repeat(64) }],
        }),
      ),
    ];
    for (const result of cases) expect(result.ok ? null : result.rejection.code).toBe('invalid_payload');
  });

  it('wants attachments with a hash for the inquiry reply', () => {
    const none = applyClueAction(
      clueIn('talk_inquiry'),
      clueCommand('record_inquiry_reply', 'handler', { reply: 'x' }),
    );
    expect(none.ok ? null : none.rejection.code).toBe('missing_attachments');
    const badHash = applyClueAction(
      clueIn('talk_inquiry'),
      clueCommand('record_inquiry_reply', 'handler', { reply: 'x', attachments: [{ name: 'a', hash: 'xyz' }] }),
    );
    expect(badHash.ok ? null : badHash.rejection.code).toBe('invalid_payload');
  });

  it('rejects a time that is not an instant', () => {
    const result = applyClueAction(
      clueIn('received'),
      clueCommand('register', 'registrar', CLUE_PAYLOADS.register[0]!, 'yesterday'),
    );
    expect(result.ok ? null : result.rejection.code).toBe('invalid_payload');
  });

  it('sends each approved disposal its own way, recording how a clue ended', () => {
    const targets = {
      talk_inquiry: 'talk_inquiry',
      preliminary_verification: 'verification_planning',
      hold: 'held',
      close: 'closed',
      transfer: 'transferred',
    };
    for (const payload of CLUE_PAYLOADS.propose_disposal) {
      const proposed = applyClueAction(clueIn('registered'), clueCommand('propose_disposal', 'handler', payload));
      if (!proposed.ok) throw new Error('proposal refused');
      const approved = applyClueAction(proposed.record, clueCommand('approve_disposal', 'leader', {}));
      expect(approved.ok && approved.record.state).toBe(targets[payload.disposal]);
      if (payload.disposal === 'transfer')
        expect(approved.ok && approved.record.outcome).toEqual({
          disposal: 'transfer',
          transferTo: 'municipal commission',
          firstForm: null,
        });
    }
  });

  it('closes an inquiry with its first-form outcome only after the leader approves', () => {
    const concluded = applyClueAction(
      clueIn('inquiry_replied'),
      clueCommand('conclude_inquiry', 'handler', CLUE_PAYLOADS.conclude_inquiry[1]!),
    );
    expect(concluded.ok && concluded.record.state).toBe('awaiting_disposal_approval');
    if (!concluded.ok) return;
    const approved = applyClueAction(concluded.record, clueCommand('approve_disposal', 'leader', {}));
    expect(approved.ok && approved.record).toMatchObject({
      state: 'closed',
      outcome: { disposal: 'close', firstForm: 'criticism' },
    });
  });

  it('resumes the verification term when a report is returned, instead of starting a new one', () => {
    let clue = clueIn('verification_planning');
    for (const [action, who] of [
      ['submit_verification_plan', 'handler'],
      ['approve_verification_plan', 'leader'],
    ] as const) {
      const r = applyClueAction(clue, clueCommand(action, who, CLUE_PAYLOADS[action][0]!));
      if (!r.ok) throw new Error(action);
      clue = r.record;
    }
    const term = clue.deadline;
    expect(term).toMatchObject({ step: 'preliminary_verification', dueOn: '2026-06-02' });
    const submitted = applyClueAction(
      clue,
      clueCommand(
        'submit_verification_report',
        'handler',
        CLUE_PAYLOADS.submit_verification_report[0]!,
        '2026-04-01T10:00:00+08:00',
      ),
    );
    if (!submitted.ok) throw new Error('report');
    expect(submitted.record.deadline?.step).toBe('report_approval');
    const returned = applyClueAction(
      submitted.record,
      clueCommand('return_verification_report', 'leader', { reason: 'more' }, '2026-04-03T10:00:00+08:00'),
    );
    expect(returned.ok && returned.record.deadline).toEqual(term);
  });

  it('keeps both ends of a merge', () => {
    const merged = applyClueAction(
      clueIn('registered'),
      clueCommand('merge_into', 'registrar', { targetClueId: 'clue-9', reason: 'duplicate' }),
    );
    expect(merged.ok && merged.record).toMatchObject({ state: 'merged', mergedInto: 'clue-9' });
    const self = applyClueAction(
      clueIn('registered'),
      clueCommand('merge_into', 'registrar', { targetClueId: 'clue-1', reason: 'x' }),
    );
    expect(self.ok).toBe(false);
    const target = acceptMergedClue(newClue('clue-9', 'letters_visits', AT), 'clue-1');
    expect(target.relatedClueIds).toEqual(['clue-1']);
    expect(acceptMergedClue(target, 'clue-1')).toBe(target);
  });

  it('reopens a held clue for a new triage', () => {
    const reopened = applyClueAction(clueIn('held'), clueCommand('reopen', 'registrar', { reason: 'new facts' }));
    expect(reopened.ok && reopened.record.state).toBe('registered');
    expect(reopened.ok && reopened.record.deadline?.step).toBe('clue_triage');
  });

  it('has words for every state and action in both languages', () => {
    for (const s of CLUE_STATES) expect(CLUE_STATE_LABELS[s].zh && CLUE_STATE_LABELS[s].en).toBeTruthy();
    for (const a of ACTIONS) expect(CLUE_ACTION_LABELS[a].zh && CLUE_ACTION_LABELS[a].en).toBeTruthy();
  });
});
