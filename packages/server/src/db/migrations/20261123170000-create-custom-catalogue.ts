import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Dataset types administrators define. Built-in types live in code (core) and are never stored.
  await db.schema
    .createTable('custom_dataset_types')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // `x_` prefix keeps user types apart from the standard's, today's and future ones.
    .addColumn('key', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`key ~ '^x_[a-z][a-z0-9_]{1,38}$'`),
    )
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('source_zh', 'text', (c) => c.notNull())
    .addColumn('source_en', 'text', (c) => c.notNull())
    // JSON array of field definitions, the same shape as core's FieldDef. Never updated:
    // the lake table ds_<key> is laid out from it.
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Header texts added to fields of any dataset type, built-in or custom.
  await db.schema
    .createTable('catalogue_synonyms')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('dataset_type', 'text', (c) => c.notNull())
    .addColumn('field_key', 'text', (c) => c.notNull())
    .addColumn('synonym', 'text', (c) => c.notNull())
    // The synonym as header matching compares it (half width, lower case, no spaces).
    .addColumn('folded', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One folded word per dataset, whatever the field: two administrators adding the same
  // word to two fields at once cannot make a header ambiguous.
  await db.schema
    .createIndex('catalogue_synonyms_word_idx')
    .on('catalogue_synonyms')
    .columns(['dataset_type', 'folded'])
    .unique()
    .execute();

  // A department's saved mapping for a dataset type: header text → field key.
  await db.schema
    .createTable('mapping_templates')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('dataset_type', 'text', (c) => c.notNull())
    .addColumn('mapping', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('mapping_templates_department_type_key', ['department_code', 'dataset_type'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mapping_templates').execute();
  await db.schema.dropTable('catalogue_synonyms').execute();
  await db.schema.dropTable('custom_dataset_types').execute();
}
