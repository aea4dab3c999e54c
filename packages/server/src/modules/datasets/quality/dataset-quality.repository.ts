import type { Kysely, Selectable } from 'kysely';
import type { DB, QualitySnapshotKind, QualitySnapshotTable } from '../../../db/schema.js';

/** The address of one snapshot. */
export interface SnapshotKey {
  kind: QualitySnapshotKind;
  datasetType: string;
  /** 0 for a whole dataset. */
  batchId: number;
  jurisdictionPrefix: string;
}

/** All operational SQL of quality reports: the `quality_snapshots` cache. */
export class QualitySnapshotsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findSnapshot(key: SnapshotKey): Promise<Selectable<QualitySnapshotTable> | undefined> {
    return this.db
      .selectFrom('quality_snapshots')
      .selectAll()
      .where('kind', '=', key.kind)
      .where('dataset_type', '=', key.datasetType)
      .where('batch_id', '=', key.batchId)
      .where('jurisdiction_prefix', '=', key.jurisdictionPrefix)
      .executeTakeFirst();
  }

  /** Stores the figures, replacing an older snapshot of the same key. */
  async saveSnapshot(key: SnapshotKey, signature: string, report: unknown, at: Date): Promise<void> {
    await this.db
      .insertInto('quality_snapshots')
      .values({
        kind: key.kind,
        dataset_type: key.datasetType,
        batch_id: key.batchId,
        jurisdiction_prefix: key.jurisdictionPrefix,
        signature,
        report: JSON.stringify(report),
        computed_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['kind', 'dataset_type', 'batch_id', 'jurisdiction_prefix']).doUpdateSet((eb) => ({
          signature: eb.ref('excluded.signature'),
          report: eb.ref('excluded.report'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
}
