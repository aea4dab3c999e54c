import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // An optional field's unreadable value no longer refuses its row: the row loads with the
  // field empty and the batch counts such cells, in all and per field (its quality report
  // reads them), beside its rejected rows.
  await db.schema
    .alterTable('import_batches')
    .addColumn('cells_kept', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kept_by_field', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_batches').dropColumn('cells_kept').dropColumn('kept_by_field').execute();
}
