import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

/** The country's division code: a warning of it is seen only by whole-country viewers. */
const COUNTRY = '000000000000';

export async function up(db: Kysely<any>): Promise<void> {
  // Every warning lies in a jurisdiction. Those saved without one since the last backfill
  // take the division of their first evidence row's batch, else the country's (failing
  // closed); from now on the store refuses a warning without a division.
  await sql`
    UPDATE warnings SET division_code = (
      SELECT b.division_code FROM warning_evidence e JOIN import_batches b ON b.id = e.batch_id
      WHERE e.warning_id = warnings.id ORDER BY e.batch_id, e.row_no LIMIT 1)
    WHERE division_code IS NULL`.execute(db);
  await db.updateTable('warnings').set({ division_code: COUNTRY }).where('division_code', 'is', null).execute();
  await db.schema
    .alterTable('warnings')
    .alterColumn('division_code', (c) => c.setNotNull())
    .execute();

  // A model whose input datasets hold no rows is skipped, with the datasets it waits for,
  // rather than failed or counted as succeeded; a run in which every model was skipped
  // ends `skipped`.
  await db.schema
    .alterTable('model_runs')
    .addColumn('skipped', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await sql`ALTER TABLE model_runs DROP CONSTRAINT IF EXISTS model_runs_status_check`.execute(db);
  await sql`ALTER TABLE model_runs ADD CONSTRAINT model_runs_status_check
    CHECK (status in ('queued', 'running', 'succeeded', 'skipped', 'failed', 'cancelled'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`UPDATE model_runs SET status = 'succeeded' WHERE status = 'skipped'`.execute(db);
  await sql`ALTER TABLE model_runs DROP CONSTRAINT IF EXISTS model_runs_status_check`.execute(db);
  await sql`ALTER TABLE model_runs ADD CONSTRAINT model_runs_status_check
    CHECK (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled'))`.execute(db);
  await db.schema.alterTable('model_runs').dropColumn('skipped').execute();
  await db.schema
    .alterTable('warnings')
    .alterColumn('division_code', (c) => c.dropNotNull())
    .execute();
}
