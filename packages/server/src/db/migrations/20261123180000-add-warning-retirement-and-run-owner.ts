import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // A warning whose evidence is gone (its batch rolled back) or that a full run no longer
  // finds is retired: a state beside the handlers' status, never one of its values, so the
  // human judgement survives and a later run that finds the hit again can bring it back.
  await db.schema
    .alterTable('warnings')
    .addColumn('retired_at', 'timestamptz')
    .addColumn('retired_reason', 'text', (c) =>
      c.check(sql`retired_reason in ('evidence_rolled_back', 'no_longer_found')`),
    )
    .execute();
  await sql`alter table warnings add constraint warnings_retired_pair check ((retired_at is null) = (retired_reason is null))`.execute(
    db,
  );
  // The rollback looks up the warnings citing one batch.
  await db.schema.createIndex('warning_evidence_batch_idx').on('warning_evidence').column('batch_id').execute();

  // The trace now holds what the platform did too (retired, restored, no longer found),
  // with the run or batch that caused it; earlier rows are all handlers' status changes.
  await db.schema
    .alterTable('warning_events')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('status')
        .check(sql`kind in ('status', 'retired', 'restored', 'not_found')`),
    )
    .addColumn('run_id', 'integer', (c) => c.references('model_runs.id'))
    .addColumn('batch_id', 'integer')
    .execute();

  // A run left queued or running by a process that died is failed at the next start-up;
  // `runner_key` names the process (its PostgreSQL advisory lock) so a live one's runs are spared.
  await db.schema.alterTable('model_runs').addColumn('error', 'text').addColumn('runner_key', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('model_runs').dropColumn('runner_key').dropColumn('error').execute();
  await db.schema.alterTable('warning_events').dropColumn('batch_id').dropColumn('run_id').dropColumn('kind').execute();
  await db.schema.dropIndex('warning_evidence_batch_idx').execute();
  await sql`alter table warnings drop constraint warnings_retired_pair`.execute(db);
  await db.schema.alterTable('warnings').dropColumn('retired_reason').dropColumn('retired_at').execute();
}
