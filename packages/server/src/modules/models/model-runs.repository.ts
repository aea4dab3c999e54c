import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, ModelRunRow, ModelRunStatus, ModelRunTable } from '../../db/schema.js';
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

  async findRuns(limit: number, offset: number, status?: ModelRunStatus): Promise<ModelRunRow[]> {
    let query = this.db.selectFrom('model_runs').selectAll();
    if (status) query = query.where('status', '=', status);
    return query.orderBy('id', 'desc').limit(limit).offset(offset).execute();
  }

  async countRuns(status?: ModelRunStatus): Promise<number> {
    let query = this.db.selectFrom('model_runs').select((eb) => eb.fn.countAll<number>().as('n'));
    if (status) query = query.where('status', '=', status);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The highest import batch a finished run has already covered (0 when none has). */
  async findCoveredBatchId(): Promise<number> {
    const row = await this.db
      .selectFrom('model_runs')
      .select((eb) => eb.fn.max('covered_batch_id').as('covered'))
      .where('status', '=', 'succeeded')
      .executeTakeFirst();
    return Number(row?.covered ?? 0);
  }

  /** The models and their durations of the `limit` newest runs that timed any, newest first. */
  async findRecentDurations(limit: number): Promise<RunDurations[]> {
    const rows = await this.db
      .selectFrom('model_runs')
      .select(['models', 'model_durations'])
      .where('status', 'in', ['succeeded', 'failed', 'cancelled'])
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
