import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('divisions')
    .addColumn('code', 'char(12)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'char(12)')
    .execute();
  await db.schema.createIndex('divisions_parent_idx').on('divisions').column('parent_code').execute();
  await db.schema.createIndex('divisions_name_idx').on('divisions').column('name').execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('commission', 'office', 'unit')`))
    .addColumn('commission_level', 'text', (c) =>
      c.check(sql`commission_level in ('province', 'city', 'county', 'township')`),
    )
    .addColumn('office_type', 'text')
    .addColumn('unit_type', 'text', (c) =>
      c.check(sql`unit_type in ('department', 'soe', 'school', 'hospital', 'village', 'other')`),
    )
    .addColumn('parent_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('division_code', 'char(12)', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('organisations_parent_idx').on('organisations').column('parent_id').execute();
  await db.schema.createIndex('organisations_division_idx').on('organisations').column('division_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organisations').execute();
  await db.schema.dropTable('divisions').execute();
}
