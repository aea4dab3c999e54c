import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

/*
 * A third revision topic, clue_reads: what the clue registry, the overdue list, the search
 * by identity number and a clue's page read (db/store-revisions.ts). Fifty people reading
 * the registry at once had each page read from the store fifty times over; kept under this
 * revision, a page is read once per change. Any statement on a clue, its subjects, steps,
 * links, warnings or recusals, the problem types, the staff and offices a clue names, or
 * the divisions its figures are counted by moves it, and announces itself on qf_store_changed as the other topics do.
 *
 * A kept page is shared by the readers recused from the same clues, so each reader's
 * recusals are read by user: an index leads with the user.
 */

const CHANNEL = 'qf_store_changed';
const CLUE_TABLES = [
  'clues',
  'clue_subjects',
  'clue_steps',
  'clue_links',
  'clue_warnings',
  'clue_recusals',
  'clue_problem_types',
  'users',
  'organisations',
  'divisions',
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('clue_recusals_user_idx').on('clue_recusals').columns(['user_id', 'clue_id']).execute();
  await sql`CREATE SEQUENCE clue_reads_revision`.execute(db);
  await sql`
    CREATE FUNCTION clue_reads_advance() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM nextval('clue_reads_revision');
      PERFORM pg_notify(${sql.lit(CHANNEL)}, 'clue_reads');
      RETURN NULL;
    END $$`.execute(db);
  for (const table of CLUE_TABLES) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_advance_clue_reads`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION clue_reads_advance()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of CLUE_TABLES) {
    await sql`DROP TRIGGER ${sql.raw(`${table}_advance_clue_reads`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION clue_reads_advance()`.execute(db);
  await sql`DROP SEQUENCE clue_reads_revision`.execute(db);
  await db.schema.dropIndex('clue_recusals_user_idx').execute();
}
