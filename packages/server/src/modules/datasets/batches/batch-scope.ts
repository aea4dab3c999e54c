import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Platform } from '../../../platform/platform.js';
import type { DB, ImportBatch, ImportBatchStatus } from '../../../db/schema.js';
import { NotFoundError, ValidationError } from '../../../http/errors.js';
import type { AuditActor } from '../../audit/index.js';
import type { RowJurisdiction } from '../../../models-engine/model-engine.js';

/*
 * Jurisdiction of batches, in the operational store. Every batch belongs to the division
 * of an organisation (`import_batches.division_code`): the one that imported it in the
 * console, the API key's department for a push, the one named by `qingfeng import --org`.
 * A county sees its own batches and a city those of its counties; nobody outside sees
 * them, their rejected-row reports (raw values) or their rollback. Rows without a division
 * of their own lie in their batch's jurisdiction, which is why no batch may be without one.
 */

/** The country's division: a batch of it is seen only by viewers of the whole country. */
export const COUNTRY_DIVISION = '000000000000';

/** Filters of the batch list. */
export interface BatchFilter {
  datasetType?: string;
  status?: ImportBatchStatus;
}

/** Who is looking, and over which divisions ('' = the whole country). */
export interface DataViewer {
  readonly jurisdictionPrefix: string;
}

/** The where-clause keeping batches inside the viewer's jurisdiction. */
export function batchWithin(prefix: string) {
  return (eb: ExpressionBuilder<DB, 'import_batches'>) =>
    prefix === '' ? eb.lit(true) : eb('import_batches.division_code', 'like', `${prefix}%`);
}

/**
 * The division a new batch belongs to: that of the importer's organisation. An actor with
 * no organisation (a tool calling the service directly) imports for the whole country,
 * so its batch is hidden from every county rather than shown to all of them; the command
 * line names an organisation (see resolveBatchOwner).
 */
export async function batchDivisionFor(db: Kysely<DB>, actor: AuditActor): Promise<string> {
  if (actor.orgId === null) return COUNTRY_DIVISION;
  const org = await db
    .selectFrom('organisations')
    .select('division_code')
    .where('id', '=', actor.orgId)
    .executeTakeFirst();
  return org?.division_code.trim() ?? COUNTRY_DIVISION;
}

/** The organisation a command-line import is made for. */
export interface BatchOwner {
  readonly id: number;
  readonly code: string;
  readonly divisionCode: string;
}

/**
 * The organisation named by `code` (404 if none), or, when no code is given, the one
 * commission of the deployment; with several commissions a code is required (400 naming
 * `org`), since guessing would hand one county's data to another.
 */
export async function resolveBatchOwner(db: Kysely<DB>, code: string | undefined): Promise<BatchOwner> {
  const base = db.selectFrom('organisations').select(['id', 'code', 'division_code']);
  const rows =
    code === undefined
      ? await base.where('kind', '=', 'commission').limit(2).execute()
      : await base.where('code', '=', code).execute();
  const [only] = rows;
  if (code !== undefined && only === undefined)
    throw new NotFoundError(`Organisation ${code}`, 'organisation_not_found');
  if (only === undefined || rows.length > 1) {
    throw new ValidationError(
      rows.length > 1
        ? "org: 存在多个纪委监委，请用 --org 指明批次所属机构 / several commissions exist: name the batch's organisation with --org"
        : 'org: 尚无纪委监委，无法确定批次归属 / no commission exists to own the batch',
      'org',
    );
  }
  return { id: only.id, code: only.code, divisionCode: only.division_code.trim() };
}

/**
 * The rows a viewer of `prefix` may read in the lake: divisions under the prefix, and the
 * loaded batches (of every dataset) inside it, where rows without a division of their own
 * lie. Undefined for the whole country, which needs no bound. Meant for model runs,
 * previews and evidence (models-engine's RowJurisdiction).
 */
export async function rowJurisdictionOf(db: Kysely<DB>, prefix: string): Promise<RowJurisdiction | undefined> {
  if (prefix === '') return undefined;
  const rows = await db
    .selectFrom('import_batches')
    .select('id')
    .where('status', '=', 'loaded')
    .where(batchWithin(prefix))
    .orderBy('id')
    .execute();
  return { prefix, batchIds: rows.map((r) => r.id) };
}

/** One batch inside the viewer's jurisdiction, or 404 (outside it is the same as absent). */
export async function getVisibleBatch(
  services: Pick<Platform, 'database'>,
  viewer: DataViewer,
  id: number,
): Promise<ImportBatch> {
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
  services: Pick<Platform, 'database'>,
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
 * The rows of a dataset the viewer may read in the lake, for the row browser, lineage and
 * the quality report: the prefix, and the dataset's loaded batches inside it, where rows
 * that take no division from anything lie (models-engine's RowJurisdiction, narrowed to
 * one dataset's batches). Undefined for the whole country, which needs no bound.
 */
export async function findRowScope(
  db: Kysely<DB>,
  viewer: DataViewer,
  datasetType: string,
): Promise<RowJurisdiction | undefined> {
  const prefix = viewer.jurisdictionPrefix;
  if (prefix === '') return undefined;
  const rows = await db
    .selectFrom('import_batches')
    .select('id')
    .where('dataset_type', '=', datasetType)
    .where('status', '=', 'loaded')
    .where(batchWithin(prefix))
    .orderBy('id')
    .execute();
  return { prefix, batchIds: rows.map((r) => r.id) };
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

/** The division each of these batches belongs to (unknown ids are absent). */
export async function findBatchDivisions(db: Kysely<DB>, batchIds: readonly number[]): Promise<Map<number, string>> {
  if (batchIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('import_batches')
    .select(['id', 'division_code'])
    .where('id', 'in', [...batchIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.division_code.trim()]));
}
