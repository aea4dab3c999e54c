import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, ImportBatch, ImportBatchStatus, ImportBatchTable } from '../../../db/schema.js';
import { type BatchFilter, batchWithin } from './batch-scope.js';

/** All operational SQL of the datasets domain: the `import_batches` register. */
export class DatasetsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertBatch(values: Insertable<ImportBatchTable>): Promise<ImportBatch> {
    return this.db.insertInto('import_batches').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async updateBatch(id: number, values: Updateable<ImportBatchTable>): Promise<ImportBatch | undefined> {
    return this.db.updateTable('import_batches').set(values).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async findBatch(id: number): Promise<ImportBatch | undefined> {
    return this.db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A batch of this file (same dataset type and hash) that is loading or loaded, if any. */
  async findLiveBatchByHash(datasetType: string, contentHash: string): Promise<ImportBatch | undefined> {
    return this.db
      .selectFrom('import_batches')
      .selectAll()
      .where('dataset_type', '=', datasetType)
      .where('content_hash', '=', contentHash)
      .where('status', 'in', ['loading', 'loaded'])
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  async findBatches(filter: BatchFilter, limit: number, offset: number): Promise<ImportBatch[]> {
    return this.filtered(filter).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
  }

  async countBatches(filter: BatchFilter): Promise<number> {
    const row = await this.filtered(filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findBatchesByStatus(status: ImportBatchStatus): Promise<ImportBatch[]> {
    return this.db.selectFrom('import_batches').selectAll().where('status', '=', status).orderBy('id').execute();
  }

  /** The loaded batches of a jurisdiction, by dataset type (never called for the whole country). */
  async findLoadedBatchIdsByType(prefix: string): Promise<Map<string, number[]>> {
    const rows = await this.db
      .selectFrom('import_batches')
      .select(['id', 'dataset_type'])
      .where('status', '=', 'loaded')
      .where(batchWithin(prefix))
      .execute();
    const out = new Map<string, number[]>();
    for (const row of rows) out.set(row.dataset_type, [...(out.get(row.dataset_type) ?? []), row.id]);
    return out;
  }

  /** Records that a replace-mode batch removed the rows of the dataset's earlier loaded batches. */
  async markReplaced(datasetType: string, replacedBy: number): Promise<void> {
    await this.db
      .updateTable('import_batches')
      .set({ replaced_by: replacedBy })
      .where('dataset_type', '=', datasetType)
      .where('status', '=', 'loaded')
      .where('replaced_by', 'is', null)
      .where('id', '<>', replacedBy)
      .execute();
  }

  /** The latest finished import per dataset type, of the batches in a jurisdiction ('' = all). */
  async findLastLoadedAt(prefix: string): Promise<Map<string, Date>> {
    const rows = await this.db
      .selectFrom('import_batches')
      .select(['dataset_type', (eb) => eb.fn.max('finished_at').as('at')])
      .where('status', '=', 'loaded')
      .where(batchWithin(prefix))
      .groupBy('dataset_type')
      .execute();
    return new Map(rows.filter((r) => r.at !== null).map((r) => [r.dataset_type, new Date(r.at as Date)]));
  }

  private filtered(filter: BatchFilter) {
    let query = this.db.selectFrom('import_batches');
    if (filter.datasetType !== undefined) query = query.where('dataset_type', '=', filter.datasetType);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    return query;
  }
}
