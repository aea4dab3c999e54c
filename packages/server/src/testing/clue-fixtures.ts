import { ensureModelRegistry } from '../modules/models/registry/model-registry.js';
import type { TestPlatform } from './test-platform.js';

let made = 0;

/** A confirmed warning of a built-in model in `division`, as a handler leaves it after judging it. */
export async function buildConfirmedWarning(
  platform: TestPlatform,
  division: string,
  status: 'confirmed' | 'new' = 'confirmed',
): Promise<number> {
  await ensureModelRegistry(platform.services);
  const db = platform.services.database.db;
  const model = await db.selectFrom('models').select(['id', 'severity', 'current_version']).executeTakeFirstOrThrow();
  made += 1;
  const seen = new Date('2026-03-01T08:00:00Z');
  const { id } = await db
    .insertInto('warnings')
    .values({
      hit_key: `clue-fixture-${process.pid}-${made}-${Date.now()}`,
      model_id: model.id,
      model_version: model.current_version,
      severity: model.severity,
      subject_key: null,
      subject_keys: JSON.stringify([]),
      division_code: division,
      status,
      status_reason: null,
      status_changed_at: null,
      first_seen_at: seen,
      last_seen_at: seen,
      first_run_id: null,
      last_run_id: null,
      facts: JSON.stringify({}),
      explanation_zh: '线索测试预警',
      explanation_en: 'clue test warning',
      retired_at: null,
      retired_reason: null,
      period_from: null,
      period_to: null,
      amount_total: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
