import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // A model saved from the builder is a draft until a second person approves it; a returned
  // draft waits for its author. Every model registered before this step stays approved, so
  // the custom models a commission already runs keep running.
  await db.schema
    .alterTable('models')
    .addColumn('review_status', 'text', (c) => c.notNull().defaultTo('approved'))
    // Who submitted the version under review: the one person who may never approve it.
    .addColumn('submitted_by', 'integer')
    // The jurisdiction of the draft's author: a draft is seen and reviewed only there and above.
    .addColumn('owner_prefix', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`ALTER TABLE models ADD CONSTRAINT models_review_status_check
    CHECK (review_status in ('draft', 'returned', 'approved'))`.execute(db);
  // Each step of a review, for the model's history: submitted, approved, returned (with why).
  await db.schema
    .createTable('model_reviews')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('model_id', 'text', (c) => c.notNull().references('models.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull().check(sql`step in ('submitted', 'approved', 'returned')`))
    .addColumn('by_user_id', 'integer')
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('model_reviews_model_idx').on('model_reviews').columns(['model_id', 'id']).execute();
  // A deployment whose roles were seeded before this step: the leader receives the new
  // approving permission, or no one could enable a draft. A new deployment (no rows yet)
  // is seeded with the defaults, which include it, at start-up.
  await sql`INSERT INTO role_permissions (role, permission)
    SELECT 'leader', 'model.approve' WHERE EXISTS (SELECT 1 FROM role_permissions)
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM role_permissions WHERE permission = 'model.approve'`.execute(db);
  await db.schema.dropTable('model_reviews').execute();
  await sql`ALTER TABLE models DROP CONSTRAINT IF EXISTS models_review_status_check`.execute(db);
  await db.schema
    .alterTable('models')
    .dropColumn('owner_prefix')
    .dropColumn('submitted_by')
    .dropColumn('review_status')
    .execute();
}
