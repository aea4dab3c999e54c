import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_PEOPLE, caseIn } from './case.fixture.js';
import { CASE_MACHINE, applyCaseAction } from './case-machine.js';
import { CASE_STATES, type CasePayloads } from './case-types.js';
import { CLUE_PEOPLE, clueIn } from './clue.fixture.js';
import { CLUE_MACHINE, applyClueAction } from './clue-machine.js';
import { CLUE_STATES, type CluePayloads } from './clue-types.js';
import type { ProcedureCommand } from './engine.js';

/* Whatever a client sends, a step either succeeds or says why not in both languages; it never
   throws. Payloads are built from the fields the steps read, filled with anything at all. */

const FIELDS = [
  'reason',
  'attachments',
  'registrationNumber',
  'targetClueId',
  'clueId',
  'disposal',
  'participantIds',
  'transferTo',
  'reply',
  'conclusion',
  'firstForm',
  'summary',
  'recommendation',
  'investigatorIds',
  'measureId',
  'kind',
  'evidenceId',
  'title',
  'hash',
  'supersedes',
  'reviewerIds',
  'dispositions',
  'responsibleId',
  'personId',
];
const junk = fc.oneof(
  fc.anything(),
  fc.dictionary(
    fc.constantFrom(...FIELDS),
    fc.oneof(
      fc.anything(),
      fc.array(fc.anything()),
      fc.array(fc.dictionary(fc.constantFrom('name', 'hash', 'subjectId', 'party', 'organisational'), fc.anything())),
    ),
  ),
);

function expectAnswer(result: { ok: boolean; rejection?: { reason: { zh: string; en: string } } }) {
  if (!result.ok) {
    expect(result.rejection!.reason.zh.length).toBeGreaterThan(0);
    expect(result.rejection!.reason.en.length).toBeGreaterThan(0);
  }
}

describe('hostile payloads', () => {
  it('never make a clue step throw', () => {
    const actions = Object.keys(CLUE_MACHINE.rules);
    fc.assert(
      fc.property(
        fc.constantFrom(...CLUE_STATES),
        fc.constantFrom(...actions),
        fc.constantFrom(...Object.values(CLUE_PEOPLE)),
        junk,
        (state, action, actor, payload) => {
          const command = {
            action,
            actor,
            at: '2026-03-02T09:30:00+08:00',
            payload,
          } as unknown as ProcedureCommand<CluePayloads>;
          expectAnswer(applyClueAction(clueIn(state), command));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never make a case step throw', () => {
    const actions = Object.keys(CASE_MACHINE.rules);
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_STATES),
        fc.boolean(),
        fc.constantFrom(...actions),
        fc.constantFrom(...Object.values(CASE_PEOPLE)),
        junk,
        (state, open, action, actor, payload) => {
          const command = {
            action,
            actor,
            at: '2026-03-02T09:30:00+08:00',
            payload,
          } as unknown as ProcedureCommand<CasePayloads>;
          expectAnswer(applyCaseAction(caseIn(state, open), command));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses an unknown action and a payload that is not an object', () => {
    const unknown = applyClueAction(clueIn('registered'), {
      action: 'shred',
      actor: CLUE_PEOPLE.registrar,
      at: '2026-03-02T09:30:00+08:00',
      payload: {},
    } as never);
    expect(unknown.ok ? null : unknown.rejection.code).toBe('not_allowed_in_state');
    for (const payload of [null, 'x', 3, []]) {
      const result = applyClueAction(clueIn('received'), {
        action: 'register',
        actor: CLUE_PEOPLE.registrar,
        at: '2026-03-02T09:30:00+08:00',
        payload,
      } as never);
      expect(result.ok ? null : result.rejection.code).toBe('invalid_payload');
    }
  });
});
