import {
  type FieldDef,
  type HeaderMatch,
  type SqlDialect,
  accountSql,
  blankSql,
  boolSql,
  cleanTextSql,
  dateSql,
  datetimeSql,
  decimalSql,
  divisionSql,
  enumSql,
  compactCodeSql,
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
import type { LakeColumn } from '../../lake/index.js';
import { quoteIdentifier } from '../../lake/index.js';
import type { DatasetLayout } from './lake-layout.js';

/*
 * The SQL that normalises a staged batch inside the engine. Every field's raw text goes
 * through core's SQL form of its normaliser; a row all of whose cells pass is final. A row
 * with any cell the SQL form does not accept is kept with its raw text and handed to core's
 * TypeScript normalisers (the reference), which either accept it (the SQL forms only cover
 * the common shapes) or report each bad cell. So the engine does the bulk work and the
 * rules, and the reasons a clerk reads, still come from one place.
 */

/** Columns every raw stage row has before its cells. */
export const RAW_META_COLUMNS: LakeColumn[] = [
  { name: '_row_no', type: 'integer', nullable: false },
  { name: '_extra', type: 'integer' },
  { name: '_problem_raw', type: 'text' },
  { name: '_problem_zh', type: 'text' },
  { name: '_problem_en', type: 'text' },
];

/** One field fed by a column of the file. */
export interface StagedField {
  readonly field: FieldDef;
  /** Column of the raw stage holding the field's text. */
  readonly rawColumn: string;
  /** The file's header text, for the report. */
  readonly header: string;
  /** 0-based position of the column in the file. */
  readonly index: number;
}

/** What the staging SQL needs to know about a batch. */
export interface StagePlan {
  readonly layout: DatasetLayout;
  readonly staged: readonly StagedField[];
  /** Columns of the raw stage: meta columns, then one text column per staged field. */
  readonly rawColumns: LakeColumn[];
  /** Columns of the normalised stage: `_row_no`, `_ok`, the layout's stage columns, then the raw ones. */
  readonly normColumns: LakeColumn[];
  /** The normalised columns the TS reference fills for a row it accepts (`layout.stageColumns` order). */
  readonly valueColumns: readonly string[];
}

/** Plans the stages of a dataset for a matched header. */
export function planStage(layout: DatasetLayout, match: HeaderMatch): StagePlan {
  const byField = new Map(match.columns.filter((c) => c.field !== null).map((c) => [c.field as string, c]));
  const staged: StagedField[] = [];
  for (const field of layout.dataset.fields) {
    const column = byField.get(field.key);
    if (column) staged.push({ field, rawColumn: `_r_${field.key}`, header: column.header, index: column.index });
  }
  const rawCells: LakeColumn[] = staged.map((s) => ({ name: s.rawColumn, type: 'text' }));
  const rawColumns = [...RAW_META_COLUMNS, ...rawCells];
  const values = layout.stageColumns.slice(1);
  const normColumns: LakeColumn[] = [
    { name: '_row_no', type: 'integer', nullable: false },
    { name: '_ok', type: 'boolean', nullable: false },
    ...values,
    ...RAW_META_COLUMNS.slice(1),
    ...rawCells,
  ];
  return { layout, staged, rawColumns, normColumns, valueColumns: ['_row_no', ...values.map((c) => c.name)] };
}

/** The SQL form of a field's normaliser over cleaned text `t`, or null for types without a fast path. */
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

/** Extra dictionary columns a field carries beside its value. */
function dictionaryExtras(dialect: SqlDialect, field: FieldDef, v: string): string[] {
  switch (field.type) {
    case 'id':
      return [
        `CASE WHEN ${v} IS NOT NULL THEN 'person' END AS kind`,
        `CASE WHEN ${v} IS NOT NULL THEN make_date(CAST(substr(${v}, 7, 4) AS INTEGER), CAST(substr(${v}, 11, 2) AS INTEGER), CAST(substr(${v}, 13, 2) AS INTEGER)) END AS birth`,
        `CASE WHEN ${v} IS NOT NULL THEN CASE WHEN CAST(substr(${v}, 17, 1) AS INTEGER) % 2 = 1 THEN 'male' ELSE 'female' END END AS sex`,
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

/** Whether a field is normalised through a dictionary of its distinct values (all but free text). */
function usesDictionary(field: FieldDef): boolean {
  return field.type !== 'text';
}

/**
 * The statements that normalise the raw stage into the normalised stage. Column values
 * repeat (a person is paid every month, a handful of programmes and dates), so each
 * column's DISTINCT values are normalised once, by core's SQL forms, into a small
 * dictionary that the rows then join; free text is cleaned in line. `dictionary(i)` names
 * the temp table of staged field i.
 */
export function normaliseStatements(
  dialect: SqlDialect,
  plan: StagePlan,
  match: HeaderMatch,
  raw: string,
  norm: string,
  dictionary: (i: number) => string,
): string[] {
  const q = quoteIdentifier;
  const unitByField = new Map(
    match.columns.filter((c) => c.field !== null).map((c) => [c.field as string, c.moneyUnit]),
  );
  const statements: string[] = [];
  plan.staged.forEach((s, i) => {
    if (!usesDictionary(s.field)) return;
    const v = valueSql(dialect, s.field, 't', unitByField.get(s.field.key) ?? null);
    const distinct = `SELECT DISTINCT coalesce(${q(s.rawColumn)}, '') AS k FROM ${q(raw)}`;
    // Two statements, so the cleaned and compacted text is computed once per value, not once per use.
    statements.push(
      `CREATE TEMP TABLE ${q(`${dictionary(i)}_pre`)} AS SELECT k, t, ${compactCodeSql('t')} AS c ` +
        `FROM (SELECT k, ${cleanTextSql(dialect, 'k')} AS t FROM (${distinct}) d) x`,
    );
    const valued = `SELECT k, ${blankSql('t')} AS b, CASE WHEN ${blankSql('t')} THEN NULL ELSE ${v} END AS v FROM ${q(`${dictionary(i)}_pre`)}`;
    const extras = dictionaryExtras(dialect, s.field, 'v');
    statements.push(
      `CREATE TEMP TABLE ${q(dictionary(i))} AS SELECT k, b, v${extras.map((e) => `, ${e}`).join('')} FROM (${valued}) w`,
    );
    statements.push(`DROP TABLE ${q(`${dictionary(i)}_pre`)}`);
  });
  const stagedByKey = new Map(plan.staged.map((s, i) => [s.field.key, { s, i }]));
  const joins: string[] = [];
  const inner: string[] = ['src.*'];
  const cellOk: string[] = [];
  const values: string[] = [];
  for (const field of plan.layout.dataset.fields) {
    const entry = stagedByKey.get(field.key);
    const nulls = field.type === 'id' ? 5 : field.type === 'uscc' || field.type === 'subject' ? 2 : 1;
    if (entry === undefined) {
      if (field.required) cellOk.push('FALSE');
      values.push(...Array.from({ length: nulls }, () => 'NULL'));
      continue;
    }
    const { s, i } = entry;
    if (usesDictionary(field)) {
      joins.push(`LEFT JOIN ${q(dictionary(i))} d${i} ON d${i}.k = coalesce(src.${q(s.rawColumn)}, '')`);
      inner.push(`d${i}.b AS b${i}`, `d${i}.v AS v${i}`);
      if (field.type === 'id')
        inner.push(
          `d${i}.kind AS kind${i}`,
          `d${i}.birth AS birth${i}`,
          `d${i}.sex AS sex${i}`,
          `d${i}.region AS region${i}`,
        );
      if (field.type === 'uscc' || field.type === 'subject') inner.push(`d${i}.kind AS kind${i}`);
    } else {
      const t = cleanTextSql(dialect, `src.${q(s.rawColumn)}`);
      inner.push(`${t} AS v${i}`);
      inner.push(`${blankSql(`(${t})`)} AS b${i}`);
    }
    cellOk.push(`(CASE WHEN l1.b${i} THEN ${field.required ? 'FALSE' : 'TRUE'} ELSE l1.v${i} IS NOT NULL END)`);
    const v = usesDictionary(field) ? `l2.v${i}` : `(CASE WHEN l2.b${i} THEN NULL ELSE l2.v${i} END)`;
    if (field.type === 'id') values.push(v, `l2.kind${i}`, `l2.birth${i}`, `l2.sex${i}`, `l2.region${i}`);
    else if (field.type === 'uscc' || field.type === 'subject') values.push(v, `l2.kind${i}`);
    else values.push(v);
  }
  const level1 = `SELECT ${inner.join(', ')} FROM ${q(raw)} src ${joins.join(' ')}`;
  const okSql = ['l1._problem_raw IS NULL', 'coalesce(l1._extra, 0) = 0', ...cellOk].join(' AND ');
  const level2 = `SELECT l1.*, (${okSql}) AS ok FROM (${level1}) l1`;
  const carried = plan.normColumns.filter(
    (c) => c.name.startsWith('_r_') || c.name.startsWith('_problem') || c.name === '_extra',
  );
  const out = ['l2._row_no', 'l2.ok', ...values, ...carried.map((c) => `CASE WHEN NOT l2.ok THEN l2.${q(c.name)} END`)];
  const target = plan.normColumns.map((c) => q(c.name)).join(', ');
  statements.push(`INSERT INTO ${q(norm)} (${target}) SELECT ${out.join(', ')} FROM (${level2}) l2`);
  return statements;
}

/**
 * The engine's own CSV reader shaped like the raw stage (DuckDB only): every cell as text,
 * the file line as `_row_no` (valid because the caller checked the file has one record per
 * line), cells past the header counted into `_extra`. The file name is bound as $1.
 */
export function duckDbCsvSourceSql(plan: StagePlan, columnCount: number, headerCount: number): string {
  const columns = Array.from({ length: columnCount }, (_v, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const extra =
    columnCount > headerCount
      ? Array.from(
          { length: columnCount - headerCount },
          (_v, i) => `(CASE WHEN coalesce(trim(c${headerCount + i}, ${JS_SPACE}), '') = '' THEN 0 ELSE 1 END)`,
        ).join(' + ')
      : '0';
  const cells = plan.staged.map((s) => `c${s.index} AS ${quoteIdentifier(s.rawColumn)}`);
  const read =
    `read_csv($1, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `strict_mode = true, null_padding = true, all_varchar = true, columns = {${columns}})`;
  const numbered = `SELECT CAST(row_number() OVER () AS INTEGER) AS _row_no, * FROM ${read}`;
  return (
    `(SELECT f._row_no, CAST(${extra} AS INTEGER) AS _extra, CAST(NULL AS VARCHAR) AS _problem_raw, ` +
    `CAST(NULL AS VARCHAR) AS _problem_zh, CAST(NULL AS VARCHAR) AS _problem_en` +
    `${cells.length > 0 ? ', ' : ''}${cells.map((c) => `f.${c}`).join(', ')} FROM (${numbered}) f WHERE f._row_no > 1)`
  );
}

// What JavaScript's trim() removes, for counting non-empty cells past the header as alignCells does.
const JS_SPACE = `'${'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'}'`;
