import { type Kysely, sql, type Transaction } from 'kysely';
import { BackupError } from './backup-error.js';
import { listSequences, listTablesParentsFirst, quotedName, writableColumnsOf } from './operational-catalogue.js';
import type { BackupLineReader } from './read-backup.js';

// Rows per INSERT, and characters of JSON: the batch goes as one parameter.
const INSERT_ROWS = 500;
const INSERT_CHARS = 4 << 20;

/**
 * Fills a freshly migrated operational store from the backup's operational part, in one
 * transaction: all or nothing. The rows the migrations seeded (and the migrations table the
 * migrator just wrote) are replaced by the backup's own. Triggers written for the running
 * application are switched off meanwhile: the append-only guards would refuse the clearing,
 * and the transparency log's queueing would queue again records the restored log already
 * holds. Tables come parents first, rows in key order, so foreign keys hold at every insert.
 * Returns the number of rows written.
 */
export async function loadOperationalStore(db: Kysely<any>, reader: BackupLineReader): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const tables = await listTablesParentsFirst(trx);
    const sequences = new Set(await listSequences(trx));
    for (const table of tables) await sql`alter table ${sql.table(table)} disable trigger user`.execute(trx);
    await sql`truncate ${sql.join(tables.map((table) => sql.table(table)))}`.execute(trx);
    let rows = 0;
    for (let line = await reader.peek(); line !== null && 'record' in line; line = await reader.peek()) {
      const record = line.record;
      if (record.kind === 'operational-table') {
        await reader.next();
        if (!tables.includes(record.name)) {
          throw new BackupError(`The backup holds table ${record.name}, which this schema level does not have`);
        }
        rows += await loadTable(trx, record.name, reader);
      } else if (record.kind === 'sequence') {
        await reader.next();
        if (!sequences.has(record.name)) throw new BackupError(`The backup holds unknown sequence ${record.name}`);
        await sql`select setval(${quotedName(record.name)}::regclass, ${record.lastValue}::bigint, ${record.isCalled})`.execute(
          trx,
        );
      } else {
        break;
      }
    }
    for (const table of tables) await sql`alter table ${sql.table(table)} enable trigger user`.execute(trx);
    return rows;
  });
}

async function loadTable(trx: Transaction<any>, table: string, reader: BackupLineReader): Promise<number> {
  const columns = (await writableColumnsOf(trx, table)).map((column) => sql.ref(column));
  const list = sql.join(columns);
  let batch: string[] = [];
  let chars = 0;
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    // json_populate_recordset reads each value with its column's own input function (bytea
    // from its hex text, timestamps from ISO text): the row_to_json the backup wrote, undone.
    await sql`insert into ${sql.table(table)} (${list}) overriding system value
      select ${list} from json_populate_recordset(null::${sql.table(table)}, ${`[${batch.join(',')}]`}::json)`.execute(
      trx,
    );
    rows += batch.length;
    batch = [];
    chars = 0;
  };
  for (let line = await reader.peek(); line !== null && 'row' in line; line = await reader.peek()) {
    await reader.next();
    batch.push(line.row);
    chars += line.row.length;
    if (batch.length >= INSERT_ROWS || chars >= INSERT_CHARS) await flush();
  }
  await flush();
  const end = await reader.nextRecord();
  if (end.kind !== 'table-end' || end.rows !== rows) {
    throw new BackupError(`Table ${table} ended differently from the check: the file changed during the restore`);
  }
  return rows;
}
