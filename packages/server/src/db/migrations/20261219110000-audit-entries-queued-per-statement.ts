import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

/*
 * Audit entries reach the transparency log's queue once per statement, not once per row.
 * Entries written outside a transaction now commit in groups (modules/audit/audit-writer.ts),
 * and a row trigger still ran its function once per entry: on the embedded store that was
 * half of what a group cost. A statement trigger with the statement's new rows queues them
 * all with one INSERT, in the order of their ids, as the row trigger did. The shared row
 * function, transparency_enqueue, keeps its branch for audit_log, unreached now: down()
 * puts the row trigger back on it.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION audit_log_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO transparency_queue (kind, source_id) SELECT 'audit', e.id::text FROM new_entries AS e ORDER BY e.id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`DROP TRIGGER audit_log_to_transparency ON audit_log`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_to_transparency AFTER INSERT ON audit_log
    REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_enqueue()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER audit_log_to_transparency ON audit_log`.execute(db);
  await sql`DROP FUNCTION audit_log_enqueue()`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_to_transparency AFTER INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION transparency_enqueue()`.execute(db);
}
