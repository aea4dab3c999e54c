import { LakeError } from './errors.js';
import { assertIdentifier, quoteIdentifier } from './identifiers.js';
import type { LakeColumn, LakeColumnType, LakeEngine, LakeTableDef } from './lake.js';

const DEFAULT_PRECISION = 18;
const DEFAULT_SCALE = 2;

/**
 * Engine type per portable type. `timestamp` is an instant stored in UTC: PostgreSQL gets
 * `timestamptz` (a plain `timestamp` there silently drops an input's offset) and its
 * sessions run with TimeZone=UTC; DuckDB gets TIMESTAMP holding UTC, and the DuckDB lake
 * converts offsets itself before appending.
 */
const ENGINE_TYPES: Record<LakeEngine, Record<Exclude<LakeColumnType, 'decimal'>, string>> = {
  duckdb: {
    text: 'VARCHAR',
    integer: 'INTEGER',
    bigint: 'BIGINT',
    double: 'DOUBLE',
    boolean: 'BOOLEAN',
    date: 'DATE',
    timestamp: 'TIMESTAMP',
  },
  postgres: {
    text: 'text',
    integer: 'integer',
    bigint: 'bigint',
    double: 'double precision',
    boolean: 'boolean',
    date: 'date',
    timestamp: 'timestamptz',
  },
};

/** The engine's type of a column, as written in its table's definition. */
export function columnTypeSql(column: LakeColumn, engine: LakeEngine): string {
  if (column.type === 'decimal') {
    const precision = column.precision ?? DEFAULT_PRECISION;
    const scale = column.scale ?? DEFAULT_SCALE;
    const valid =
      Number.isInteger(precision) &&
      Number.isInteger(scale) &&
      precision >= 1 &&
      precision <= 38 &&
      scale >= 0 &&
      scale <= precision;
    if (!valid) {
      throw new LakeError(
        'LAKE_INVALID_DEFINITION',
        `Column "${column.name}": decimal(${precision}, ${scale}) is out of range`,
      );
    }
    // Same precision and scale on both engines, so values print with the same digits.
    return engine === 'duckdb' ? `DECIMAL(${precision}, ${scale})` : `numeric(${precision}, ${scale})`;
  }
  if (column.values !== undefined) return closedTextTypeSql(column, engine);
  const sql = ENGINE_TYPES[engine][column.type] as string | undefined;
  if (sql === undefined) {
    throw new LakeError(
      'LAKE_INVALID_DEFINITION',
      `Column "${column.name}": unknown type ${JSON.stringify(column.type)}`,
    );
  }
  return sql;
}

/**
 * A text column with a closed set of values: an ENUM on DuckDB, its values in byte order so
 * the engine sorts them as it sorts text; text on PostgreSQL, whose text costs no more.
 */
function closedTextTypeSql(column: LakeColumn, engine: LakeEngine): string {
  const values = column.values ?? [];
  // Checked before any value is written into the definition's SQL.
  const valid =
    column.type === 'text' &&
    values.length > 0 &&
    new Set(values).size === values.length &&
    values.every((v) => typeof v === 'string' && /^[\x20-\x7e]+$/.test(v));
  if (!valid) {
    throw new LakeError(
      'LAKE_INVALID_DEFINITION',
      `Column "${column.name}": values need a text column and distinct, non-empty, printable ASCII text`,
    );
  }
  if (engine === 'postgres') return 'text';
  // Printable ASCII sorts in byte order in JavaScript too.
  const list = [...values].sort().map((v) => `'${v.replace(/'/g, "''")}'`);
  return `ENUM(${list.join(', ')})`;
}

/** Builds `CREATE TABLE IF NOT EXISTS` for a validated definition. */
export function buildCreateTableSql(def: LakeTableDef, engine: LakeEngine): string {
  assertIdentifier(def.name, 'table name');
  if (!Array.isArray(def.columns) || def.columns.length === 0) {
    throw new LakeError('LAKE_INVALID_DEFINITION', `Table "${def.name}" needs at least one column`);
  }
  const names = new Set<string>();
  const parts = def.columns.map((column) => {
    const name = quoteIdentifier(column.name, 'column name');
    if (names.has(column.name)) {
      throw new LakeError('LAKE_INVALID_DEFINITION', `Table "${def.name}": column "${column.name}" is defined twice`);
    }
    names.add(column.name);
    const notNull = column.nullable === false ? ' NOT NULL' : '';
    return `${name} ${columnTypeSql(column, engine)}${notNull}`;
  });
  if (def.primaryKey && def.primaryKey.length > 0) {
    for (const key of def.primaryKey) {
      if (!names.has(key)) {
        throw new LakeError(
          'LAKE_INVALID_DEFINITION',
          `Table "${def.name}": primary key column "${key}" is not defined`,
        );
      }
    }
    parts.push(`PRIMARY KEY (${def.primaryKey.map((key) => quoteIdentifier(key)).join(', ')})`);
  }
  return `CREATE TABLE IF NOT EXISTS ${quoteIdentifier(def.name)} (${parts.join(', ')})`;
}
