import { describe, expect, it } from 'vitest';
import { clueCommand, clueIn } from './clue.fixture.js';
import { applyClueAction } from './clue-machine.js';
import { recuseFromClue } from './clue-assignment-rules.js';

describe('clue assignment and recusal', () => {
  it('moves the clue to another person without moving its state or its clock', () => {
    const clue = { ...clueIn('verifying'), responsibleId: 'registrar' };
    const result = applyClueAction(
      clue,
      clueCommand('reassign', 'leader', { responsibleId: 'handler', reason: 'load' }),
    );
    expect(result.ok && result.record.responsibleId).toBe('handler');
    expect(result.ok && result.record.state).toBe('verifying');
    expect(result.ok && result.record.deadline).toEqual(clue.deadline);
  });

  it('never makes a recused person responsible, nor the one already responsible', () => {
    const recused = recuseFromClue(clueIn('registered'), 'handler');
    const toRecused = applyClueAction(
      recused,
      clueCommand('reassign', 'registrar', { responsibleId: 'handler', reason: 'x' }),
    );
    expect(toRecused.ok ? null : toRecused.rejection.reason.en).toMatch(/recused/);
    const same = { ...clueIn('registered'), responsibleId: 'handler' };
    const again = applyClueAction(
      same,
      clueCommand('reassign', 'registrar', { responsibleId: 'handler', reason: 'x' }),
    );
    expect(again.ok ? null : again.rejection.code).toBe('invalid_payload');
  });

  it('recuses whoever declares a conflict, and they can take no step afterwards', () => {
    const clue = { ...clueIn('registered'), responsibleId: 'handler' };
    const declared = applyClueAction(clue, clueCommand('declare_conflict', 'handler', { reason: 'my cousin' }));
    expect(declared.ok).toBe(true);
    if (!declared.ok) return;
    expect(declared.record.recusedIds).toEqual(['handler']);
    // Nobody is responsible until someone is assigned: a recused person cannot act on it.
    expect(declared.record.responsibleId).toBeNull();
    const link = applyClueAction(
      declared.record,
      clueCommand('link_related', 'handler', { clueId: 'c2', reason: 'x' }),
    );
    expect(link.ok ? null : link.rejection.code).toBe('recused');
  });

  it('lets only a leader recuse someone else, once', () => {
    const byLeader = applyClueAction(
      clueIn('verifying'),
      clueCommand('recuse_person', 'leader', { personId: 'registrar', reason: 'kin' }),
    );
    expect(byLeader.ok && byLeader.record.recusedIds).toEqual(['registrar']);
    const byHandler = applyClueAction(
      clueIn('verifying'),
      clueCommand('recuse_person', 'handler', { personId: 'registrar', reason: 'kin' }),
    );
    expect(byHandler.ok ? null : byHandler.rejection.code).toBe('wrong_role');
    if (!byLeader.ok) return;
    const twice = applyClueAction(
      byLeader.record,
      clueCommand('recuse_person', 'leader', { personId: 'registrar', reason: 'kin' }),
    );
    expect(twice.ok ? null : twice.rejection.reason.en).toMatch(/already recused/);
  });
});
