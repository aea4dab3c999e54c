import type { WarningServices } from './warning-services.js';
import { type WarningCounts, WarningsRepository } from './warnings.repository.js';
import type { TModelStats } from './warnings.schemas.js';

function counts(row: WarningCounts) {
  const judged = row.confirmed + row.false_positives;
  return {
    hits: row.hits,
    confirmed: row.confirmed,
    falsePositives: row.false_positives,
    notActionable: row.not_actionable,
    open: row.open,
    retired: row.retired,
    precision: judged === 0 ? null : row.confirmed / judged,
  };
}

/**
 * Each model's hits and how handlers judged them inside the viewer's jurisdiction:
 * precision = confirmed / (confirmed + false positives), overall and per month of first sight.
 */
export async function modelStatistics(
  services: WarningServices,
  jurisdictionPrefix: string,
  modelId?: string,
): Promise<TModelStats[]> {
  const repository = new WarningsRepository(services.database.db);
  const filter = modelId ? { modelId } : {};
  const [totals, months] = await Promise.all([
    repository.countByModel(jurisdictionPrefix, filter, false),
    repository.countByModel(jurisdictionPrefix, filter, true),
  ]);
  return totals.map((total) => ({
    modelId: total.model_id,
    ...counts(total),
    trend: months.filter((m) => m.model_id === total.model_id).map((m) => ({ month: m.month as string, ...counts(m) })),
  }));
}
