import type { ClueRecord } from '@qingfeng/core';
import type { ClueRow } from '../../db/schema.js';
import { NotFoundError } from '../../http/errors.js';
import type { CluesRepository } from './clues.repository.js';

/** Whether the core's record has `userId` recused: such a person cannot open the clue. */
export function isRecusedFrom(row: ClueRow, userId: number): boolean {
  return (row.record as ClueRecord).recusedIds.includes(String(userId));
}

/**
 * The clue `id` as `viewer` may open it: inside their jurisdiction and not recused from it.
 * Otherwise a 404, the same answer as for a clue that does not exist.
 */
export async function openClue(
  repository: CluesRepository,
  viewer: { jurisdictionPrefix: string; userId: number },
  id: number,
  forUpdate = false,
): Promise<ClueRow> {
  const row = await repository.findClue(viewer.jurisdictionPrefix, id, forUpdate);
  if (!row || isRecusedFrom(row, viewer.userId)) throw new NotFoundError(`Clue ${id}`, 'clue_not_found');
  return row;
}
