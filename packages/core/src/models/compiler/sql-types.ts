import type { FieldDef } from '../../standard/catalogue-types.js';
import type { FactType } from '../spec-types.js';
import type { Dialect } from './dialect.js';

/** The type of a compiled expression, as far as the compiler needs it. */
export type SqlType = 'text' | 'int' | 'num' | 'money' | 'date' | 'timestamp' | 'bool' | 'sk' | 'null';

/** A compiled expression. */
export interface Compiled {
  readonly sql: string;
  readonly type: SqlType;
}

/** The lake column type of a catalogue field (see server: modules/catalogue/lake-layout.ts). */
export function fieldSqlType(field: FieldDef): SqlType {
  switch (field.type) {
    case 'id':
    case 'uscc':
    case 'subject':
      return 'sk';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamp';
    case 'money':
      return 'money';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'decimal':
    case 'lat':
    case 'lon':
      return 'num';
    case 'division':
    case 'month':
    case 'enum':
    case 'phone':
    case 'account':
    case 'text':
      return 'text';
  }
}

/** The fact type a template column is declared with, as a compiled type. */
export function factSqlType(type: FactType): SqlType {
  const map: Record<FactType, SqlType> = {
    text: 'text',
    int: 'int',
    number: 'num',
    ratio: 'num',
    money: 'money',
    date: 'date',
    timestamp: 'timestamp',
    bool: 'bool',
    subject: 'sk',
  };
  return map[type];
}

/**
 * The same text on both engines for a value of any type: keys hash it and facts show it,
 * so DuckDB and PostgreSQL must print 1.50, 2024-03-01 and 0.9800 identically. Doubles
 * go through DECIMAL(38,4) because the engines print floating point differently. A
 * timestamp prints in UTC: the natural keys of trips and fuel fills hash it, so a change
 * of form would re-key their hits (facts use jsonValue's wall-clock form instead).
 */
export function portableText(c: Compiled, d: Dialect): string {
  switch (c.type) {
    case 'text':
      return c.sql;
    case 'int':
    case 'sk':
    case 'date':
      return `CAST(${c.sql} AS ${d.text})`;
    case 'money':
      return `CAST(CAST(${c.sql} AS DECIMAL(18,2)) AS ${d.text})`;
    case 'num':
      return `CAST(CAST(${c.sql} AS DECIMAL(38,4)) AS ${d.text})`;
    case 'timestamp':
      return d.timestampText(c.sql);
    case 'bool':
      return `(CASE WHEN ${c.sql} THEN 'true' WHEN NOT ${c.sql} THEN 'false' END)`;
    case 'null':
      return `CAST(NULL AS ${d.text})`;
  }
}

/**
 * A JSON value text for a fact: numbers stay numbers, dates and text become strings. A
 * timestamp becomes its wall-clock reading with the offset (2024-03-02T01:30:00+08:00),
 * which people read as the county's time and explanations can still tell is an instant.
 */
export function jsonValue(c: Compiled, d: Dialect): string {
  switch (c.type) {
    case 'int':
    case 'sk':
    case 'money':
    case 'num':
    case 'bool':
      return `COALESCE(${portableText(c, d)}, 'null')`;
    case 'null':
      return `'null'`;
    case 'text':
    case 'date':
      return `COALESCE(${d.jsonString(portableText(c, d))}, 'null')`;
    case 'timestamp':
      return `COALESCE(${d.jsonString(d.wallClockText(c.sql))}, 'null')`;
  }
}

/** Whether a type is numeric (for arithmetic and comparisons). */
export function isNumeric(type: SqlType): boolean {
  return type === 'int' || type === 'num' || type === 'money' || type === 'sk';
}
