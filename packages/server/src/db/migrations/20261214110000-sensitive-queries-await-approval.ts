import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // A sensitive query (a person searched across all datasets, a dataset searched by identity
  // number, a batch's rejected rows downloaded whole) waiting for, or holding, a second person's approval. The query itself holds
  // personal data, so it is kept only masked (to show) and as a blind index (to match).
  await db.schema
    .createTable('sensitive_requests')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('person_search', 'dataset_search', 'rejected_download')`),
    )
    .addColumn('query_masked', 'text', (c) => c.notNull())
    .addColumn('query_hash', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    // The requester's jurisdiction: approvers see and decide a request only there and above.
    .addColumn('owner_prefix', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'approved', 'refused', 'used')`),
    )
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_by_name', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('valid_until', 'timestamptz')
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('sensitive_requests_requester_idx')
    .on('sensitive_requests')
    .columns(['requested_by', 'id'])
    .execute();
  await db.schema
    .createIndex('sensitive_requests_status_idx')
    .on('sensitive_requests')
    .columns(['status', 'owner_prefix'])
    .execute();
  // A deployment whose roles were seeded before this step: the leader receives the approving
  // permission, or nobody could approve once the policy is on. New deployments are seeded
  // with the defaults, which include it.
  await sql`INSERT INTO role_permissions (role, permission)
    SELECT 'leader', 'sensitive.approve' WHERE EXISTS (SELECT 1 FROM role_permissions)
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM role_permissions WHERE permission = 'sensitive.approve'`.execute(db);
  await db.schema.dropTable('sensitive_requests').execute();
}
