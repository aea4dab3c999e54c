import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Lake } from '../../../lake/index.js';
import { findLakeBatches, findRolledBackLakeBatches, isBatchLockedElsewhere } from '../import/datasets.lake.js';
import { DatasetsRepository } from './datasets.repository.js';

/** What start-up reconciliation changed. */
export interface ReconcileResult {
  failed: number[];
  loaded: number[];
  rolledBack: number[];
}

/**
 * Brings the operational batch register in line with the lake after a crash. The lake is
 * the authority: a batch is complete exactly when its `lake_batches` row committed. So a
 * batch left 'loading' becomes 'loaded' (with the lake's counts) if that row exists and
 * 'failed' if not; a 'loaded' batch the lake rolled back becomes 'rolled_back'.
 */
export async function reconcileImportBatches(db: Kysely<DB>, lake: Lake): Promise<ReconcileResult> {
  const repository = new DatasetsRepository(db);
  const result: ReconcileResult = { failed: [], loaded: [], rolledBack: [] };
  const loading = await repository.findBatchesByStatus('loading');
  const inLake = new Map(
    (
      await findLakeBatches(
        lake,
        loading.map((b) => b.id),
      )
    ).map((r) => [r.batch_id, r]),
  );
  for (const batch of loading) {
    const committed = inLake.get(batch.id);
    if (committed) {
      await repository.updateBatch(batch.id, {
        status: committed.status === 'rolled_back' ? 'rolled_back' : 'loaded',
        rows_read: Number(committed.rows_read),
        rows_loaded: Number(committed.rows_loaded),
        rows_rejected: Number(committed.rows_rejected),
        finished_at: new Date(),
      });
      result.loaded.push(batch.id);
    } else if (!(await isBatchLockedElsewhere(lake, batch.id))) {
      await repository.updateBatch(batch.id, {
        status: 'failed',
        error: '导入中断（进程退出），湖中未留下任何数据 / the import was interrupted; the lake holds none of it',
        finished_at: new Date(),
      });
      result.failed.push(batch.id);
    }
  }
  for (const id of await findRolledBackLakeBatches(lake)) {
    const batch = await repository.findBatch(id);
    if (batch?.status === 'loaded') {
      await repository.updateBatch(id, { status: 'rolled_back', finished_at: new Date() });
      result.rolledBack.push(id);
    }
  }
  return result;
}
