import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // How long each model of a run took, in ms, beside its hit count: the run history shows it,
  // and the next incremental run starts the models that took longest first.
  await db.schema
    .alterTable('model_runs')
    .addColumn('model_durations', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('model_runs').dropColumn('model_durations').execute();
}
