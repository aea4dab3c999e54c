import {
  type FieldDef,
  type HeaderMatch,
  type SqlDialect,
  accountSql,
  blankSql,
  boolSql,
  cleanTextSql,
  compactCodeSql,
  dateSql,
  datetimeSql,
  decimalSql,
  divisionSql,
  enumSql,
  idCheckDigitSql,
  idFromCompactSql,
  intSql,
  latSql,
  lonSql,
  moneySql,
  monthSql,
  phoneSql,
  usccFromCompactSql,
} from '@qingfeng/core';
import { columnTypeSql, quoteIdentifier } from '../../../lake/index.js';
import {
  type RawRelation,
  type StagePlan,
  type StageTables,
  type Statement,
  rowFlaggedSql,
  dictionaryFields,
} from './stage-sql.js';

/*
 * Column values repeat (a person is paid every month; a handful of programmes, amounts and
 * dates), so each column's DISTINCT values are normalised once, by core's SQL forms, into
 * a small dictionary: raw text `k` → blank `b`, value `v` (NULL when the SQL form does not
 * accept it), what an identifier says of its holder, and whether the cell is acceptable
 * (`ok`). Rows then join their dictionaries instead of running the forms themselves.
 */

/** The SQL form of a field's normaliser over cleaned text `t`. */
function valueSql(dialect: SqlDialect, field: FieldDef, t: string, moneyUnit: string | null): string {
  switch (field.type) {
    // Identifier forms read the pre-computed compact column `c` of the dictionary.
    case 'id':
      return idFromCompactSql(dialect, 'c');
    case 'uscc':
      return usccFromCompactSql(dialect, 'c');
    case 'subject':
      return `coalesce(${idFromCompactSql(dialect, 'c')}, ${usccFromCompactSql(dialect, 'c')})`;
    case 'division':
      return divisionSql(dialect, t);
    case 'date':
      return dateSql(dialect, t);
    case 'datetime':
      return datetimeSql(dialect, t);
    case 'month':
      return monthSql(dialect, t);
    case 'money':
      return moneySql(dialect, t, (moneyUnit ?? '元') as '元');
    case 'bool':
      return boolSql(dialect, t);
    case 'enum':
      return enumSql(dialect, t, field.values);
    case 'phone':
      return phoneSql(dialect, t);
    case 'account':
      return accountSql(dialect, t);
    case 'text':
      return t;
    case 'int':
      return intSql(dialect, t);
    case 'decimal':
      return decimalSql(dialect, t);
    case 'lat':
      return latSql(dialect, t);
    case 'lon':
      return lonSql(dialect, t);
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

/**
 * `value` in the type of the dataset's lake column `name` where that column holds a closed
 * set of values (an ENUM on DuckDB): the cast is paid per dictionary entry, not per row.
 */
function closedValueSql(dialect: SqlDialect, plan: StagePlan, name: string, value: string): string {
  const column = plan.layout.tableDef.columns.find((c) => c.name === name);
  return column?.values === undefined ? value : `CAST(${value} AS ${columnTypeSql(column, dialect)})`;
}

/** Dictionary columns a field carries beside its value: what an identifier says of its holder. */
export function dictionaryExtras(field: FieldDef): readonly string[] {
  if (field.type === 'id') return ['kind', 'birth', 'sex', 'region'];
  return field.type === 'uscc' || field.type === 'subject' ? ['kind'] : [];
}

function dictionaryExtrasSql(dialect: SqlDialect, plan: StagePlan, field: FieldDef, v: string): string[] {
  switch (field.type) {
    case 'id':
      return [
        `CASE WHEN ${v} IS NOT NULL THEN 'person' END AS kind`,
        `CASE WHEN ${v} IS NOT NULL THEN make_date(CAST(substr(${v}, 7, 4) AS INTEGER), CAST(substr(${v}, 11, 2) AS INTEGER), CAST(substr(${v}, 13, 2) AS INTEGER)) END AS birth`,
        `${closedValueSql(dialect, plan, `${field.key}_sex`, `CASE WHEN ${v} IS NOT NULL THEN CASE WHEN CAST(substr(${v}, 17, 1) AS INTEGER) % 2 = 1 THEN 'male' ELSE 'female' END END`)} AS sex`,
        `substr(${v}, 1, 6) AS region`,
      ];
    case 'uscc':
      return [`CASE WHEN ${v} IS NOT NULL THEN 'organisation' END AS kind`];
    case 'subject':
      return [
        `CASE WHEN ${v} IS NULL THEN NULL WHEN ${idCheckDigitSql(dialect, v)} IS NOT NULL THEN 'person' ELSE 'organisation' END AS kind`,
      ];
    default:
      return [];
  }
}

/**
 * The statements that count the raw rows and build every dictionary, reading the raw
 * relation once (a CSV is parsed once for all of them): one GROUPING SETS aggregate gives
 * every column's distinct values and, in its grand-total row (`total`), the row count `n`
 * and the count of rows bad whatever their dictionaries say (`flagged`). It is a plain
 * hash aggregate, so a column with millions of distinct values spills to disk on DuckDB
 * instead of growing memory.
 */
export function dictionaryStatements(
  dialect: SqlDialect,
  plan: StagePlan,
  match: HeaderMatch,
  raw: RawRelation,
  tables: StageTables,
): Statement[] {
  const q = quoteIdentifier;
  const unitByField = new Map(
    match.columns.filter((c) => c.field !== null).map((c) => [c.field as string, c.moneyUnit]),
  );
  const indexed = dictionaryFields(plan);
  const keys = indexed.map(({ s, i }) => `coalesce(src.${q(s.rawColumn)}, '') AS k${i}`);
  const cells = `SELECT ${[...keys, `${rowFlaggedSql(dialect, plan)} AS flagged`].join(', ')} FROM ${raw.from} src`;
  const total = indexed.length > 0 ? indexed.map(({ i }) => `GROUPING(k${i}) = 1`).join(' AND ') : 'TRUE';
  const sets = [...indexed.map(({ i }) => `(k${i})`), '()'].join(', ');
  const statements: Statement[] = [
    {
      sql:
        `CREATE TEMP TABLE ${q(tables.values)} AS SELECT ${indexed.map(({ i }) => `k${i}, GROUPING(k${i}) AS g${i}, `).join('')}` +
        `${total} AS total, count(*) AS n, count(*) FILTER (WHERE flagged) AS flagged ` +
        `FROM (${cells}) c${indexed.length > 0 ? ` GROUP BY GROUPING SETS (${sets})` : ''}`,
      params: raw.params,
    },
  ];
  for (const { s, i } of indexed) {
    // g<i> is 0 exactly in the rows of column i's own grouping set.
    const distinct = { sql: `SELECT k${i} AS k FROM ${q(tables.values)} WHERE g${i} = 0` };
    // Two statements, so the cleaned and compacted text is computed once per value, not once per use.
    statements.push({
      sql:
        `CREATE TEMP TABLE ${q(tables.pre(i))} AS SELECT k, t, ${compactCodeSql('t')} AS c ` +
        `FROM (SELECT k, ${cleanTextSql(dialect, 'k')} AS t FROM (${distinct.sql}) d) x`,
      params: [],
    });
    const v = closedValueSql(
      dialect,
      plan,
      s.field.key,
      valueSql(dialect, s.field, 't', unitByField.get(s.field.key) ?? null),
    );
    const valued = `SELECT k, ${blankSql('t')} AS b, CASE WHEN ${blankSql('t')} THEN NULL ELSE ${v} END AS v FROM ${q(tables.pre(i))}`;
    const extras = dictionaryExtrasSql(dialect, plan, s.field, 'v');
    const ok = `CASE WHEN b THEN ${s.field.required ? 'FALSE' : 'TRUE'} ELSE v IS NOT NULL END AS ok`;
    // kept: an optional field's value no form could read; set by settleRefusedEntries (kept-cells.lake.ts).
    statements.push({
      sql: `CREATE TEMP TABLE ${q(tables.dictionary(i))} AS SELECT k, b, v${extras.map((e) => `, ${e}`).join('')}, ${ok}, FALSE AS kept FROM (${valued}) w`,
      params: [],
    });
    statements.push({ sql: `DROP TABLE ${q(tables.pre(i))}`, params: [] });
  }
  return statements;
}

/** SQL reading the raw row count `n` and the flagged count from the dictionaries' aggregate. */
export function rowCountsSql(tables: StageTables): string {
  return `SELECT n, flagged FROM ${quoteIdentifier(tables.values)} WHERE total`;
}

/** SQL counting the dictionary entries no row may carry (each is a cell of at least one bad row). */
export function refusedEntriesSql(plan: StagePlan, tables: StageTables): string {
  const parts = dictionaryFields(plan).map(
    ({ i }) => `(SELECT count(*) FROM ${quoteIdentifier(tables.dictionary(i))} WHERE NOT ok)`,
  );
  return `SELECT ${parts.length > 0 ? parts.join(' + ') : '0'} AS n`;
}
