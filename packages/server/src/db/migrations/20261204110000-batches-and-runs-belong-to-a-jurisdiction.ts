import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

/** The country's division code: a batch of it is seen only by whole-country viewers. */
const COUNTRY = '000000000000';

export async function up(db: Kysely<any>): Promise<void> {
  // Batches loaded from the command line or the demo before this migration belong to no
  // organisation, and every county could open them. They become the root's: only viewers of
  // the whole country see them (failing closed), until `qingfeng batch assign` gives each to
  // the commission it came from. From now on every batch names its jurisdiction.
  await db.updateTable('import_batches').set({ division_code: COUNTRY }).where('division_code', 'is', null).execute();
  await db.schema
    .alterTable('import_batches')
    .alterColumn('division_code', (c) => c.setDefault(COUNTRY))
    .execute();
  await db.schema
    .alterTable('import_batches')
    .alterColumn('division_code', (c) => c.setNotNull())
    .execute();

  // A warning whose driving row had no division of its own was stored without one and
  // listed to nobody but the whole country; it takes the division of its evidence's batch.
  await sql`
    UPDATE warnings SET division_code = (
      SELECT b.division_code FROM warning_evidence e JOIN import_batches b ON b.id = e.batch_id
      WHERE e.warning_id = warnings.id ORDER BY e.batch_id, e.row_no LIMIT 1)
    WHERE division_code IS NULL`.execute(db);
  await db.updateTable('warnings').set({ division_code: COUNTRY }).where('division_code', 'is', null).execute();

  // The jurisdiction a run was started in ('' = the whole country): what it read, what it
  // may retire, and who may see it; and the organisation that asked, under which the
  // runner's own audit entries are filed (null for the whole country's runs).
  await db.schema
    .alterTable('model_runs')
    .addColumn('scope_prefix', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scope_org_id', 'integer', (c) => c.references('organisations.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('model_runs').dropColumn('scope_org_id').dropColumn('scope_prefix').execute();
  await db.schema
    .alterTable('import_batches')
    .alterColumn('division_code', (c) => c.dropNotNull())
    .execute();
  await db.schema
    .alterTable('import_batches')
    .alterColumn('division_code', (c) => c.dropDefault())
    .execute();
}
