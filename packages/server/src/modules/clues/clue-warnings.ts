import { ConflictError, NotFoundError } from '../../http/errors.js';
import type { CluesRepository } from './clues.repository.js';

/**
 * The warnings `warningIds` as a clue may take them: each inside `prefix` (another county's
 * is a 404 `warning_not_found`, as for one that does not exist), confirmed, and in no clue
 * yet (409; `clueId` names the clue being joined, if any). Receiving a clue and joining one
 * check alike.
 */
export async function findFreeConfirmedWarnings(
  repository: CluesRepository,
  prefix: string,
  warningIds: readonly number[],
  clueId?: number,
) {
  const warnings = await repository.findWarnings(prefix, warningIds);
  const missing = warningIds.find((w) => !warnings.some((found) => found.id === w));
  if (missing !== undefined) throw new NotFoundError(`Warning ${missing}`, 'warning_not_found');
  const unconfirmed = warnings.find((w) => w.status !== 'confirmed');
  if (unconfirmed) throw new ConflictError(`Warning ${unconfirmed.id} is not confirmed`, 'body.warningIds');
  const taken = warnings.find((w) => w.clue_id !== null);
  if (taken) {
    const where = taken.clue_id === clueId ? 'this clue' : `clue ${taken.clue_id}`;
    throw new ConflictError(`Warning ${taken.id} already belongs to ${where}`, 'body.warningIds');
  }
  return warnings;
}
