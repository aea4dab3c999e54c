import { CLUE_TERMINAL_STATES, type ClueState } from '@qingfeng/core';
import { ConflictError, StepRefusedError } from '../../http/errors.js';
import { isUniqueViolation } from '../../db/store-errors.js';
import type { Platform } from '../../platform/platform.js';
import { recordAudit } from '../audit/index.js';
import { openClue } from './clue-access.js';
import { findFreeConfirmedWarnings } from './clue-warnings.js';
import { JOIN_WARNINGS_ACTION } from './clues.presenter.js';
import { CluesRepository } from './clues.repository.js';
import type { ClueViewer } from './clues.service.js';

/**
 * Attaches further confirmed warnings to an open clue (一条或多条预警并入已有线索): the clue
 * must be inside the viewer's jurisdiction and not one they are recused from (404, as for an
 * unknown id), and still open (409 `clue_not_open`). Each warning must be of the
 * jurisdiction (another county's is a 404 `warning_not_found`, as for one that does not
 * exist), confirmed and in no clue yet (409). The attachment, the timeline entry naming the
 * warnings and the audit entry commit together. The warnings' subjects are not added: the
 * handler names a clue's subjects (a warning's subject is often not the person it is about).
 */
export async function joinWarningsToClue(
  platform: Platform,
  viewer: ClueViewer,
  id: number,
  warningIds: readonly number[],
): Promise<void> {
  const now = platform.clock.now();
  await platform.database.db.transaction().execute(async (trx) => {
    const repository = new CluesRepository(trx);
    const row = await openClue(repository, viewer, id, true);
    if (CLUE_TERMINAL_STATES.includes(row.state as ClueState)) {
      throw new StepRefusedError(409, 'clue_not_open', {
        zh: '线索已办结或已转立案，不能再并入预警',
        en: 'The clue is no longer open: no warning can join it',
      });
    }
    await findFreeConfirmedWarnings(repository, viewer.jurisdictionPrefix, warningIds, id);
    try {
      await repository.attachWarnings(id, warningIds);
    } catch (error) {
      // Another clue took one of them between the check and the write (a warning joins one clue).
      if (isUniqueViolation(error)) throw new ConflictError('A warning already belongs to a clue', 'body.warningIds');
      throw error;
    }
    await repository.insertStep({
      clue_id: id,
      action: JOIN_WARNINGS_ACTION,
      from_state: row.state,
      to_state: row.state,
      actor_id: viewer.userId,
      actor_name: viewer.displayName,
      at: now,
      payload: { joinedWarnings: warningIds },
      reason: null,
      attachments: [],
      deadline: null,
    });
    await recordAudit(trx, viewer.actor, {
      action: 'clue.warnings.join',
      objectType: 'clue',
      objectId: id,
      detail: { warningIds },
    });
  });
}
