import { type Kysely, sql, type Transaction } from 'kysely';
import { type BackupRecord, RowSetHash, type TableSummary } from './backup-format.js';
import { listSequences, listTablesParentsFirst, primaryKeyOf } from './operational-catalogue.js';

const FETCH_ROWS = 2000;
const CURSOR = 'qf_backup_rows';

/** Where a reading of the operational store sends what it reads. */
export interface DumpTarget {
  record(record: BackupRecord): Promise<void>;
  /** A row's JSON (row_to_json's text), already added to its table's hash. */
  row(json: string): Promise<void>;
}

/**
 * Reads every table and sequence of the operational store inside one read-only
 * REPEATABLE READ transaction (one snapshot, so the tables agree with each other), table by
 * table through a cursor, so no table is ever held whole. Returns each table's summary.
 */
export async function dumpOperationalStore(
  db: Kysely<any>,
  target: DumpTarget,
): Promise<{ tables: TableSummary[]; sequences: number }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      // (PGlite begins every transaction alike, but it has one connection, which this
      // transaction holds throughout: nothing else writes while it reads.)
      await sql`set transaction read only`.execute(trx);
      // row_to_json writes instants in the session's zone: UTC on every engine, so hashes agree.
      await sql`set local timezone = 'UTC'`.execute(trx);
      const tables: TableSummary[] = [];
      for (const name of await listTablesParentsFirst(trx)) {
        await target.record({ kind: 'operational-table', name });
        const hash = await readTable(trx, name, (json) => target.row(json));
        await target.record({ kind: 'table-end', rows: hash.rows, hash: hash.digest() });
        tables.push({ name, rows: hash.rows, hash: hash.digest() });
      }
      const sequences = await listSequences(trx);
      for (const name of sequences) {
        const state = await sql<{ last_value: string; is_called: boolean }>`
          select last_value::text as last_value, is_called from ${sql.table(name)}`.execute(trx);
        const row = state.rows[0];
        if (row) await target.record({ kind: 'sequence', name, lastValue: row.last_value, isCalled: row.is_called });
      }
      return { tables, sequences: sequences.length };
    });
}

/**
 * Streams one table's rows as JSON in primary key order (a row pointing at another row of
 * its own table, such as an organisation's parent, then comes after it), hashing each.
 */
export async function readTable(
  trx: Transaction<any>,
  name: string,
  onRow: (json: string) => Promise<void> | void,
): Promise<RowSetHash> {
  const key = await primaryKeyOf(trx, name);
  const order = key.length > 0 ? sql` order by ${sql.join(key.map((column) => sql.ref(column)))}` : sql``;
  await sql`declare ${sql.raw(CURSOR)} no scroll cursor for
    select row_to_json(t)::text as j from ${sql.table(name)} t${order}`.execute(trx);
  const hash = new RowSetHash();
  for (;;) {
    const batch = await sql<{ j: string }>`fetch ${sql.raw(String(FETCH_ROWS))} from ${sql.raw(CURSOR)}`.execute(trx);
    if (batch.rows.length === 0) break;
    for (const { j } of batch.rows) {
      hash.add(j);
      await onRow(j);
    }
  }
  await sql`close ${sql.raw(CURSOR)}`.execute(trx);
  return hash;
}

/** Every table's summary and the sequences, read again from a store (after a restore). */
export async function summariseOperationalStore(db: Kysely<any>): Promise<TableSummary[]> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const tables: TableSummary[] = [];
    for (const name of await listTablesParentsFirst(trx)) {
      const hash = await readTable(trx, name, () => undefined);
      tables.push({ name, rows: hash.rows, hash: hash.digest() });
    }
    return tables;
  });
}
