import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

/*
 * Changes are announced as they commit, so kept answers know when they stop holding
 * without asking the store on every request (db/store-revisions.ts): each revision's
 * trigger also sends a NOTIFY on qf_store_changed naming its topic. PostgreSQL folds the
 * same notice sent many times in one transaction into one.
 *
 * A new topic, auth_reads, is what a request's session says about its user: the session
 * itself (but not last_seen_at, which every active session updates twice a minute), the
 * user, their organisation, the two-step policy and the grants of every role.
 */

const CHANNEL = 'qf_store_changed';
const SESSION_COLUMNS = ['user_id', 'csrf_token', 'mfa_pending', 'expires_at', 'revoked_at'];
const AUTH_TABLES = ['users', 'organisations', 'security_policies', 'role_permissions'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION warning_reads_advance() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM nextval('warning_reads_revision');
      PERFORM pg_notify(${sql.lit(CHANNEL)}, 'warning_reads');
      RETURN NULL;
    END $$`.execute(db);

  await sql`CREATE SEQUENCE auth_reads_revision`.execute(db);
  await sql`
    CREATE FUNCTION auth_reads_advance() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM nextval('auth_reads_revision');
      PERFORM pg_notify(${sql.lit(CHANNEL)}, 'auth_reads');
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER sessions_advance_auth_reads
    AFTER UPDATE OF ${sql.raw(SESSION_COLUMNS.join(', '))} OR DELETE OR TRUNCATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION auth_reads_advance()`.execute(db);
  for (const table of AUTH_TABLES) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_advance_auth_reads`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION auth_reads_advance()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sessions', ...AUTH_TABLES]) {
    await sql`DROP TRIGGER ${sql.raw(`${table}_advance_auth_reads`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION auth_reads_advance()`.execute(db);
  await sql`DROP SEQUENCE auth_reads_revision`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION warning_reads_advance() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM nextval('warning_reads_revision');
      RETURN NULL;
    END $$`.execute(db);
}
