import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Quality figures are computed in the lake on demand; a snapshot keeps the last result so
  // a dataset of millions of rows is not scanned again on every page view. One snapshot per
  // (kind, dataset, batch, jurisdiction): figures differ with the rows a viewer may see.
  await db.schema
    .createTable('quality_snapshots')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('dataset', 'batch', 'rejections')`))
    .addColumn('dataset_type', 'text', (c) => c.notNull())
    // 0 for a whole-dataset snapshot, so the key has no NULL and ON CONFLICT can use it.
    .addColumn('batch_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('jurisdiction_prefix', 'text', (c) => c.notNull().defaultTo(''))
    // What the lake looked like when computed (loaded batches); a different one means stale.
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('quality_snapshots_pk', ['kind', 'dataset_type', 'batch_id', 'jurisdiction_prefix'])
    .execute();

  // A batch belongs to the division of the organisation that imported it, so batch lists
  // can be filtered by jurisdiction. NULL = loaded from the command line by the operator,
  // for the whole deployment.
  await db.schema.alterTable('import_batches').addColumn('division_code', 'char(12)').execute();
  await sql`
    UPDATE import_batches b SET division_code = o.division_code
    FROM users u JOIN organisations o ON o.id = u.org_id
    WHERE u.id = b.imported_by`.execute(db);
  await db.schema.createIndex('import_batches_division_idx').on('import_batches').column('division_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('import_batches_division_idx').execute();
  await db.schema.alterTable('import_batches').dropColumn('division_code').execute();
  await db.schema.dropTable('quality_snapshots').execute();
}
