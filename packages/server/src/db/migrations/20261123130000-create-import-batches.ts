import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('dataset_type', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('csv', 'xlsx', 'json', 'jsonl')`))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('append', 'replace')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('loading', 'loaded', 'failed', 'rolled_back')`),
    )
    // A forced re-import of a file already loaded: kept so the duplicate is deliberate on record.
    .addColumn('forced', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('rows_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_loaded', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_by', 'integer', (c) => c.references('users.id'))
    // The later replace-mode batch that removed this batch's rows from the lake.
    .addColumn('replaced_by', 'integer', (c) => c.references('import_batches.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('error', 'text')
    .execute();
  // Duplicate detection looks a file up by dataset type and hash on every import.
  await db.schema
    .createIndex('import_batches_hash_idx')
    .on('import_batches')
    .columns(['dataset_type', 'content_hash'])
    .execute();
  // Start-up reconciliation looks for batches left 'loading'.
  await db.schema.createIndex('import_batches_status_idx').on('import_batches').column('status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_batches').execute();
}
