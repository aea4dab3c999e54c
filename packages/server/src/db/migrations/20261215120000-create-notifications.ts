import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('recipient_user_id', 'integer', (c) => c.notNull().references('users.id'))
    // assigned, approval_waiting, deadline_close, overdue, red_warning: the console words each.
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    // What it is about (clue, case or warning) and where that lies: read again at every send.
    .addColumn('subject_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('division_code', 'varchar(12)', (c) => c.notNull())
    // Codes and values, never words: each reader sees them in their own language.
    .addColumn('params', 'jsonb', (c) => c.notNull())
    // One notice per recipient for one occasion (a reminder step of one deadline): a sweep
    // that runs again, before or after a restart, adds nothing.
    .addColumn('occasion', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  // A user's list, newest first, by keyset; and their unread ones (the bell's count).
  await db.schema
    .createIndex('notifications_recipient_idx')
    .on('notifications')
    .columns(['recipient_user_id', 'id'])
    .execute();
  await sql`CREATE INDEX notifications_unread_idx ON notifications (recipient_user_id, id)
    WHERE read_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX notifications_occasion_idx ON notifications (recipient_user_id, occasion)
    WHERE occasion IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
}
