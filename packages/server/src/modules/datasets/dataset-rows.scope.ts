import type { ExpressionBuilder, Kysely } from 'kysely';
import type { AppServices } from '../../app-services.js';
import type { DB, ImportBatch } from '../../db/schema.js';
import { NotFoundError } from '../../http/errors.js';
import type { AuditActor } from '../audit/audit.service.js';
import type { BatchFilter } from './datasets.repository.js';

/*
 * Jurisdiction of batches, in the operational store. A batch belongs to the division of
 * the organisation that imported it (`import_batches.division_code`), so a county sees its
 * own imports and a city those of its counties. A batch with no division was loaded from
 * the command line by whoever runs the server, for the whole deployment: every holder of
 * dataset.read may see it (its rows are still filtered by division in the lake).
 */

/** Who is looking, and over which divisions ('' = the whole country). */
export interface DataViewer {
  readonly jurisdictionPrefix: string;
}

/** The where-clause keeping batches inside the viewer's jurisdiction. */
export function batchWithin(prefix: string) {
  return (eb: ExpressionBuilder<DB, 'import_batches'>) =>
    prefix === ''
      ? eb.lit(true)
      : eb.or([
          eb('import_batches.division_code', 'is', null),
          eb('import_batches.division_code', 'like', `${prefix}%`),
        ]);
}

/**
 * The division a new batch belongs to: that of the importer's organisation, or null for
 * the command line. Meant for `insertBatch({ …, division_code })` in import.service.ts.
 */
export async function batchDivisionFor(db: Kysely<DB>, actor: AuditActor): Promise<string | null> {
  if (actor.orgId === null) return null;
  const org = await db
    .selectFrom('organisations')
    .select('division_code')
    .where('id', '=', actor.orgId)
    .executeTakeFirst();
  return org?.division_code.trim() ?? null;
}

/** One batch inside the viewer's jurisdiction, or 404 (outside it is the same as absent). */
export async function getVisibleBatch(services: AppServices, viewer: DataViewer, id: number): Promise<ImportBatch> {
  const batch = await services.database.db
    .selectFrom('import_batches')
    .selectAll()
    .where('id', '=', id)
    .where(batchWithin(viewer.jurisdictionPrefix))
    .executeTakeFirst();
  if (!batch) throw new NotFoundError(`Batch ${id}`, 'batch_not_found');
  return batch;
}

/** A page of batches inside the viewer's jurisdiction, newest first (the jurisdiction-aware `listBatches`). */
export async function listVisibleBatches(
  services: AppServices,
  viewer: DataViewer,
  filter: BatchFilter,
  page: number,
  pageSize: number,
): Promise<{ items: ImportBatch[]; total: number }> {
  let query = services.database.db.selectFrom('import_batches').where(batchWithin(viewer.jurisdictionPrefix));
  if (filter.datasetType !== undefined) query = query.where('dataset_type', '=', filter.datasetType);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  const [items, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/**
 * Ids of the dataset's loaded batches inside the viewer's jurisdiction: rows without a
 * division are seen through their batch. Undefined means "all of them" (whole country).
 */
export async function findVisibleBatchIds(
  db: Kysely<DB>,
  viewer: DataViewer,
  datasetType: string,
): Promise<number[] | undefined> {
  if (viewer.jurisdictionPrefix === '') return undefined;
  const rows = await db
    .selectFrom('import_batches')
    .select('id')
    .where('dataset_type', '=', datasetType)
    .where('status', '=', 'loaded')
    .where(batchWithin(viewer.jurisdictionPrefix))
    .execute();
  return rows.map((r) => r.id);
}

/** The loaded batches of a dataset whose rows are still in the lake, inside the jurisdiction. */
export async function findLiveBatches(db: Kysely<DB>, viewer: DataViewer, datasetType: string): Promise<ImportBatch[]> {
  return db
    .selectFrom('import_batches')
    .selectAll()
    .where('dataset_type', '=', datasetType)
    .where('status', '=', 'loaded')
    .where('replaced_by', 'is', null)
    .where(batchWithin(viewer.jurisdictionPrefix))
    .orderBy('id')
    .execute();
}
