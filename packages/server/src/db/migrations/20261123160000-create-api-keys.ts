import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // The department (an organisation of kind 'unit') that pushes with this key.
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // SHA-256 (hex) of the random part of the key; the key itself is shown once and never stored.
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    // JSON array of the dataset type keys the department may push.
    .addColumn('dataset_types', 'jsonb', (c) => c.notNull())
    .addColumn('rate_limit_per_minute', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(60)
        .check(sql`rate_limit_per_minute > 0`),
    )
    .addColumn('expires_at', 'timestamptz')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoke_reason', 'text')
    .execute();
  // Administrators list a department's keys.
  await db.schema.createIndex('api_keys_org_idx').on('api_keys').column('org_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_keys').execute();
}
