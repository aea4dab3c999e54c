import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB, ModelRunRow, ModelRunStatus, ModelRunTable } from '../../../db/schema.js';
import type { RunDurations, RunEntry } from './run-plan.js';

const JSON_COLUMNS = ['models', 'input_batch_ids', 'hit_counts', 'model_durations', 'errors'] as const;

/** jsonb columns go in as text: node-postgres would turn a JS array into a PostgreSQL array. */
function encodeJson<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = { ...values };
  for (const column of JSON_COLUMNS) {
    if (out[column] !== undefined && out[column] !== null) out[column] = JSON.stringify(out[column]);
  }
  return out as T;
}

/**
 * The runs a viewer of `prefix` may see: those run inside the viewer's jurisdiction, and
 * those whose scope contains it (the whole country's, the viewer's city's), which the
 * presenter shows without their figures. A sibling county's runs are not visible.
 */
function runVisibleTo(prefix: string) {
  return (eb: ExpressionBuilder<DB, 'model_runs'>) =>
    prefix === ''
      ? eb.lit(true)
      : eb.or([
          eb('model_runs.scope_prefix', 'like', `${prefix}%`),
          sql<boolean>`${prefix} LIKE model_runs.scope_prefix || '%'`,
        ]);
}

/** All operational SQL of model runs. */
export class ModelRunsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertRun(values: Insertable<ModelRunTable>): Promise<ModelRunRow> {
    return this.db.insertInto('model_runs').values(encodeJson(values)).returningAll().executeTakeFirstOrThrow();
  }

  async updateRun(id: number, values: Updateable<ModelRunTable>): Promise<void> {
    await this.db.updateTable('model_runs').set(encodeJson(values)).where('id', '=', id).execute();
  }

  /** Changes the status only if it is still one of `from`; says whether it did. */
  async transitionRun(id: number, from: ModelRunStatus[], values: Updateable<ModelRunTable>): Promise<boolean> {
    const result = await this.db
      .updateTable('model_runs')
      .set(encodeJson(values))
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async findRun(id: number): Promise<ModelRunRow | undefined> {
    return this.db.selectFrom('model_runs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** One run a viewer of `prefix` may see (see runVisibleTo). */
  async findVisibleRun(prefix: string, id: number): Promise<ModelRunRow | undefined> {
    return this.db
      .selectFrom('model_runs')
      .selectAll()
      .where('id', '=', id)
      .where(runVisibleTo(prefix))
      .executeTakeFirst();
  }

  async findRuns(prefix: string, limit: number, offset: number, status?: ModelRunStatus): Promise<ModelRunRow[]> {
    let query = this.db.selectFrom('model_runs').selectAll().where(runVisibleTo(prefix));
    if (status) query = query.where('status', '=', status);
    return query.orderBy('id', 'desc').limit(limit).offset(offset).execute();
  }

  async countRuns(prefix: string, status?: ModelRunStatus): Promise<number> {
    let query = this.db
      .selectFrom('model_runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(runVisibleTo(prefix));
    if (status) query = query.where('status', '=', status);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * The highest import batch a finished run of this scope has already covered (0 when
   * none has): a county's run covers only that county's batches, so it never stands in
   * for the whole country's.
   */
  async findCoveredBatchId(scopePrefix: string): Promise<number> {
    const row = await this.db
      .selectFrom('model_runs')
      .select((eb) => eb.fn.max('covered_batch_id').as('covered'))
      // A failed run's batches are taken again, so its failed models get another go.
      .where('status', 'in', ['succeeded', 'skipped'])
      .where('scope_prefix', '=', scopePrefix)
      .executeTakeFirst();
    return Number(row?.covered ?? 0);
  }

  /** The models and their durations of the `limit` newest runs that timed any, newest first. */
  async findRecentDurations(limit: number): Promise<RunDurations[]> {
    const rows = await this.db
      .selectFrom('model_runs')
      .select(['models', 'model_durations'])
      .where('status', 'in', ['succeeded', 'skipped', 'failed', 'cancelled'])
      .where('models_done', '>', 0)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      models: r.models as RunEntry[],
      durations: r.model_durations as Record<string, number>,
    }));
  }

  /** Runs left queued or running by a process that stopped. */
  async findUnfinishedRuns(): Promise<ModelRunRow[]> {
    return this.db.selectFrom('model_runs').selectAll().where('status', 'in', ['queued', 'running']).execute();
  }
}
