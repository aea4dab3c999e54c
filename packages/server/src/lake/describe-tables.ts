import { LakeError } from './errors.js';
import type { Lake, LakeColumn, LakeColumnType, LakeTableDef } from './lake.js';

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: string;
  numeric_precision: number | null;
  numeric_scale: number | null;
}

const PORTABLE: Record<string, Exclude<LakeColumnType, 'decimal'>> = {
  VARCHAR: 'text',
  text: 'text',
  INTEGER: 'integer',
  integer: 'integer',
  BIGINT: 'bigint',
  bigint: 'bigint',
  DOUBLE: 'double',
  'double precision': 'double',
  BOOLEAN: 'boolean',
  boolean: 'boolean',
  DATE: 'date',
  date: 'date',
  TIMESTAMP: 'timestamp',
  'timestamp with time zone': 'timestamp',
};

/**
 * Every table of the lake's schema as the portable definition `createTable` would take,
 * read back from the engine's catalogue, in name order: what a backup needs to rebuild the
 * lake on either engine. A column of a type no definition makes is refused by name.
 */
export async function describeLakeTables(lake: Lake): Promise<LakeTableDef[]> {
  const where =
    lake.engine === 'duckdb'
      ? 't.table_catalog = current_database() AND t.table_schema = current_schema()'
      : 't.table_schema = current_schema()';
  const columns = await lake.query<ColumnRow>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable,
            c.numeric_precision::INTEGER AS numeric_precision, c.numeric_scale::INTEGER AS numeric_scale
     FROM information_schema.tables t
     JOIN information_schema.columns c
       ON c.table_catalog = t.table_catalog AND c.table_schema = t.table_schema AND c.table_name = t.table_name
     WHERE ${where} AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const keys = await primaryKeys(lake);
  const tables = new Map<string, LakeColumn[]>();
  for (const row of columns) {
    const list = tables.get(row.table_name) ?? [];
    list.push(portableColumn(row));
    tables.set(row.table_name, list);
  }
  return [...tables].map(([name, cols]) => {
    const primaryKey = keys.get(name);
    return { name, columns: cols, ...(primaryKey ? { primaryKey } : {}) };
  });
}

function portableColumn(row: ColumnRow): LakeColumn {
  const nullable = row.is_nullable === 'YES';
  const base = { name: row.column_name, ...(nullable ? {} : { nullable: false }) };
  if (row.data_type.startsWith('DECIMAL') || row.data_type === 'numeric') {
    return { ...base, type: 'decimal', precision: row.numeric_precision ?? 18, scale: row.numeric_scale ?? 2 };
  }
  if (row.data_type.startsWith('ENUM(')) return { ...base, type: 'text', values: enumValues(row.data_type) };
  const type = PORTABLE[row.data_type];
  if (type === undefined) {
    throw new LakeError(
      'LAKE_INVALID_DEFINITION',
      `Table "${row.table_name}" column "${row.column_name}" has type ${row.data_type}, which no lake definition makes`,
    );
  }
  return { ...base, type };
}

/** The values of DuckDB's `ENUM('a', 'b')` type text (single quotes doubled inside a value). */
function enumValues(typeText: string): string[] {
  return [...typeText.matchAll(/'((?:[^']|'')*)'/g)].map((match) => (match[1] as string).replaceAll("''", "'"));
}

async function primaryKeys(lake: Lake): Promise<Map<string, string[]>> {
  const rows =
    lake.engine === 'duckdb'
      ? await lake.query<{ table_name: string; columns: string[] }>(
          `SELECT table_name, constraint_column_names AS columns FROM duckdb_constraints()
           WHERE constraint_type = 'PRIMARY KEY' AND database_name = current_database()
             AND schema_name = current_schema()`,
        )
      : await lake.query<{ table_name: string; columns: string[] }>(
          `SELECT tc.table_name, array_agg(k.column_name::text ORDER BY k.ordinal_position) AS columns
           FROM information_schema.table_constraints tc
           JOIN information_schema.key_column_usage k
             ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
           WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()
           GROUP BY tc.table_name`,
        );
  return new Map(rows.map((row) => [row.table_name, row.columns]));
}
