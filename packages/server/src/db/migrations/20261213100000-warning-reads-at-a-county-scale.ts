import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

/** The tables the warning list and the overview read; a change to any of them moves the revision. */
const READ_TABLES = ['warnings', 'models', 'model_versions', 'import_batches', 'divisions'];

export async function up(db: Kysely<any>): Promise<void> {
  // The list and the overview read live warnings (not retired) inside a jurisdiction, a
  // division prefix: a partial index in division order finds them without the retired
  // ones, and `text_pattern_ops` lets LIKE '330199%' use it whatever the collation.
  await sql`CREATE INDEX warnings_live_division_idx ON warnings (division_code text_pattern_ops, status, severity)
    WHERE retired_at IS NULL`.execute(db);
  // Sorting by first or last sight breaks ties by id: one index gives both in order.
  await db.schema.dropIndex('warnings_first_seen_idx').execute();
  await db.schema.createIndex('warnings_first_seen_idx').on('warnings').columns(['first_seen_at', 'id']).execute();
  await db.schema.createIndex('warnings_last_seen_idx').on('warnings').columns(['last_seen_at', 'id']).execute();

  // The revision of what the list and the overview read: a sequence every statement that
  // changes one of those tables advances. A sequence takes no row lock, so writers never
  // wait on each other for it; readers compare it to decide whether an answer they keep
  // still holds (see db/revision-cache.ts).
  await sql`CREATE SEQUENCE warning_reads_revision`.execute(db);
  await sql`
    CREATE FUNCTION warning_reads_advance() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM nextval('warning_reads_revision');
      RETURN NULL;
    END $$`.execute(db);
  for (const table of READ_TABLES) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_advance_warning_reads`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION warning_reads_advance()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of READ_TABLES) {
    await sql`DROP TRIGGER ${sql.raw(`${table}_advance_warning_reads`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION warning_reads_advance()`.execute(db);
  await sql`DROP SEQUENCE warning_reads_revision`.execute(db);
  await db.schema.dropIndex('warnings_last_seen_idx').execute();
  await db.schema.dropIndex('warnings_first_seen_idx').execute();
  await db.schema.createIndex('warnings_first_seen_idx').on('warnings').column('first_seen_at').execute();
  await sql`DROP INDEX warnings_live_division_idx`.execute(db);
}
