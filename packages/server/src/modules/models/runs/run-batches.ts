import type { Kysely } from 'kysely';
import type { DB, ImportBatch } from '../../../db/schema.js';
import { batchWithin } from '../../datasets/index.js';

/*
 * The batches a run reads, asked of the store directly: loaded batches inside the run's
 * jurisdiction ('' = the whole country). Not the console's paged batch list, which
 * answers a person's question and may change its order or page size for them.
 */

/** Loaded batches inside the jurisdiction with an id above `after` (what earlier runs covered), newest first. */
export function findLoadedBatchesAfter(db: Kysely<DB>, prefix: string, after: number): Promise<ImportBatch[]> {
  return db
    .selectFrom('import_batches')
    .selectAll()
    .where('status', '=', 'loaded')
    .where('id', '>', after)
    .where(batchWithin(prefix))
    .orderBy('id', 'desc')
    .execute();
}

/** The newest loaded batch inside the jurisdiction (0 when there is none): what a full run covers. */
export async function findNewestLoadedBatchId(db: Kysely<DB>, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('import_batches')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('status', '=', 'loaded')
    .where(batchWithin(prefix))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}
