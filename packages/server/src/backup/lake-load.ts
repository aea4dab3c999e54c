import type { Lake, LakeTableDef } from '../lake/index.js';
import { BackupError } from './backup-error.js';
import type { BackupLineReader } from './read-backup.js';

/** The rows of the table the reader stands in, as value arrays, until its closing record. */
async function* rowsOfTable(reader: BackupLineReader): AsyncGenerator<unknown[]> {
  for (let line = await reader.peek(); line !== null && 'row' in line; line = await reader.peek()) {
    await reader.next();
    const values: unknown = JSON.parse(line.row);
    if (!Array.isArray(values)) throw new BackupError('A lake row in the backup is not a list of values');
    yield values;
  }
}

/**
 * Creates the backup's lake tables and fills them in one lake transaction through the
 * engine's bulk path (DuckDB's appender, PostgreSQL's COPY), rows streaming from the file.
 * Definitions are the portable ones, so a lake backed up on one engine loads on the other.
 * Returns the number of rows written.
 */
export async function loadLake(lake: Lake, defs: LakeTableDef[], reader: BackupLineReader): Promise<number> {
  for (const def of defs) await lake.createTable(def);
  const byName = new Map(defs.map((def) => [def.name, def]));
  return lake.transaction(async (tx) => {
    let rows = 0;
    for (let line = await reader.peek(); line !== null && 'record' in line; line = await reader.peek()) {
      const record = line.record;
      if (record.kind !== 'lake-table') break;
      await reader.next();
      const def = byName.get(record.def.name);
      if (def === undefined) throw new BackupError('The backup changed during the restore');
      const appended = await tx.appendRows(
        def.name,
        def.columns.map((column) => column.name),
        rowsOfTable(reader),
      );
      const end = await reader.nextRecord();
      if (end.kind !== 'table-end' || end.rows !== appended) {
        throw new BackupError(
          `Lake table ${def.name} ended differently from the check: the file changed during the restore`,
        );
      }
      rows += appended;
    }
    return rows;
  });
}
