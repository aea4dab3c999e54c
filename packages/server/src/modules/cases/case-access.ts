import type { CaseRecord } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { CaseRow, DB } from '../../db/schema.js';
import { NotFoundError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { ClueViewer } from '../clues/index.js';
import { CasesRepository } from './cases.repository.js';

/** Who is reading or handling cases, and over which divisions (the same viewer clues have). */
export type CaseViewer = ClueViewer;

const notFound = (id: number) => new NotFoundError(`Case ${id}`, 'case_not_found');

const isRecused = (row: CaseRow, viewer: CaseViewer) =>
  (row.record as CaseRecord).recusedIds.includes(String(viewer.userId));

/**
 * The case, for a viewer who may open it: inside their jurisdiction and not recused from it.
 * Either way the answer is the same 404, so a recused person learns nothing of the case; a
 * recused person's attempt is audited as a denial (outside any transaction, so it stays).
 */
export async function openCase(db: Kysely<DB>, viewer: CaseViewer, id: number): Promise<CaseRow> {
  const row = await new CasesRepository(db).findCase(viewer.jurisdictionPrefix, id);
  if (!row) throw notFound(id);
  if (isRecused(row, viewer)) {
    await recordAudit(db, viewer.actor, {
      action: 'case.open',
      objectType: 'case',
      objectId: id,
      outcome: 'denied',
      reason: 'recused',
    });
    throw notFound(id);
  }
  return row;
}

/** The case locked for a write inside `trx`, on the same terms as `openCase`. */
export async function lockCase(trx: Kysely<DB>, viewer: CaseViewer, id: number): Promise<CaseRow> {
  const row = await new CasesRepository(trx).findCase(viewer.jurisdictionPrefix, id, true);
  if (!row || isRecused(row, viewer)) throw notFound(id);
  return row;
}
