import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('builtin', 'user')`))
    // Copied from the current version's document so lists filter without reading jsonb.
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('red', 'orange', 'yellow')`))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    // The document version the product shipped last; a higher shipped one is seeded as a new version.
    .addColumn('shipped_version', 'integer')
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('schedule', 'text')
    // When the schedule was set or last fired: the next occurrence is counted from here.
    .addColumn('schedule_anchor_at', 'timestamptz')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('model_versions')
    .addColumn('model_id', 'text', (c) => c.notNull().references('models.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('changed_by_name', 'text')
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('model_versions_pk', ['model_id', 'version'])
    .execute();

  await db.schema
    .createTable('model_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('full', 'incremental', 'scheduled')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    // [{ modelId, version, params }]: exactly what was run, so a result can be reproduced.
    .addColumn('models', 'jsonb', (c) => c.notNull())
    .addColumn('input_batch_ids', 'jsonb')
    // The highest import batch that existed when the run started: the next incremental run starts after it.
    .addColumn('covered_batch_id', 'integer')
    .addColumn('models_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('models_total', 'integer', (c) => c.notNull())
    .addColumn('hit_counts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('errors', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('new_warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_by_name', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('duration_ms', 'integer')
    .execute();
  await db.schema.createIndex('model_runs_status_idx').on('model_runs').column('status').execute();

  await db.schema
    .createTable('warnings')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // Stable across runs and re-imports: a re-found hit updates its warning, never duplicates it.
    .addColumn('hit_key', 'text', (c) => c.notNull().unique())
    .addColumn('model_id', 'text', (c) => c.notNull().references('models.id'))
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('red', 'orange', 'yellow')`))
    .addColumn('subject_key', 'text')
    .addColumn('subject_keys', 'jsonb', (c) => c.notNull())
    // Null only when neither the evidence nor the subject names a division: then only a
    // national jurisdiction sees it.
    .addColumn('division_code', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('new')
        .check(sql`status in ('new', 'under_review', 'confirmed', 'false_positive', 'not_actionable')`),
    )
    .addColumn('status_reason', 'text')
    .addColumn('status_changed_at', 'timestamptz')
    .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('first_run_id', 'integer', (c) => c.references('model_runs.id'))
    .addColumn('last_run_id', 'integer', (c) => c.references('model_runs.id'))
    .addColumn('facts', 'jsonb', (c) => c.notNull())
    .addColumn('explanation_zh', 'text', (c) => c.notNull())
    .addColumn('explanation_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warnings_model_idx').on('warnings').columns(['model_id', 'status']).execute();
  await db.schema.createIndex('warnings_division_idx').on('warnings').column('division_code').execute();
  await db.schema.createIndex('warnings_first_seen_idx').on('warnings').column('first_seen_at').execute();

  await db.schema
    .createTable('warning_evidence')
    .addColumn('warning_id', 'integer', (c) => c.notNull().references('warnings.id').onDelete('cascade'))
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'integer', (c) => c.notNull())
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('warning_evidence_pk', ['warning_id', 'dataset', 'batch_id', 'row_no', 'role'])
    .execute();

  await db.schema
    .createTable('warning_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('warning_id', 'integer', (c) => c.notNull().references('warnings.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('username', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('warning_events_warning_idx').on('warning_events').column('warning_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('warning_events').execute();
  await db.schema.dropTable('warning_evidence').execute();
  await db.schema.dropTable('warnings').execute();
  await db.schema.dropTable('model_runs').execute();
  await db.schema.dropTable('model_versions').execute();
  await db.schema.dropTable('models').execute();
}
