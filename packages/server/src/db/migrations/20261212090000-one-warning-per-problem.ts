import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // A warning gathers every row of one problem (all the months a dead person was paid), so
  // each evidence row keeps what it adds to the warning's summary: the item it is (its
  // natural key's md5: a re-imported row is the same item), its period and its amount.
  await db.schema
    .alterTable('warning_evidence')
    .addColumn('item_key', 'text')
    .addColumn('period', 'text')
    .addColumn('amount', 'numeric(18, 2)')
    .execute();
  // The summary the list shows and sorts without reading the evidence: how many rows and
  // items, the period they span ('YYYY-MM' or a date) and the items' total in yuan.
  await db.schema
    .alterTable('warnings')
    .addColumn('evidence_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('amount_total', 'numeric(18, 2)')
    .execute();
  await sql`UPDATE warnings SET evidence_count = (
    SELECT count(*) FROM warning_evidence e WHERE e.warning_id = warnings.id)`.execute(db);
  // A run that adds rows to a warning someone already judged records it in the trace.
  await sql`ALTER TABLE warning_events DROP CONSTRAINT IF EXISTS warning_events_kind_check`.execute(db);
  await sql`ALTER TABLE warning_events ADD CONSTRAINT warning_events_kind_check
    CHECK (kind in ('status', 'retired', 'restored', 'not_found', 'evidence_added'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM warning_events WHERE kind = 'evidence_added'`.execute(db);
  await sql`ALTER TABLE warning_events DROP CONSTRAINT IF EXISTS warning_events_kind_check`.execute(db);
  await sql`ALTER TABLE warning_events ADD CONSTRAINT warning_events_kind_check
    CHECK (kind in ('status', 'retired', 'restored', 'not_found'))`.execute(db);
  await db.schema
    .alterTable('warnings')
    .dropColumn('amount_total')
    .dropColumn('period_to')
    .dropColumn('period_from')
    .dropColumn('item_count')
    .dropColumn('evidence_count')
    .execute();
  await db.schema
    .alterTable('warning_evidence')
    .dropColumn('amount')
    .dropColumn('period')
    .dropColumn('item_key')
    .execute();
}
