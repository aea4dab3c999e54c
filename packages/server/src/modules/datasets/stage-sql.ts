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
  idCheckDigitSql,
  intSql,
  latSql,
  lonSql,
  moneySql,
  monthSql,
  phoneSql,
  usccCheckDigitSql,
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
    case 'id':
      return idCheckDigitSql(dialect, t);
    case 'uscc':
      return usccCheckDigitSql(dialect, t);
    case 'subject':
      return `coalesce(${idCheckDigitSql(dialect, t)}, ${usccCheckDigitSql(dialect, t)})`;
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
 * `INSERT INTO <norm> SELECT …` normalising every row of `source`, a relation with the raw
 * stage's columns (the raw stage itself, or the engine's CSV reader shaped like it).
 */
export function insertNormalisedSql(
  dialect: SqlDialect,
  plan: StagePlan,
  match: HeaderMatch,
  norm: string,
  source: string,
): string {
  const q = quoteIdentifier;
  const unitByField = new Map(match.columns.filter((c) => c.field !== null).map((c) => [c.field as string, c.moneyUnit]));
  const stagedByKey = new Map(plan.staged.map((s) => [s.field.key, s]));
  const fields = plan.layout.dataset.fields;
  const meta = RAW_META_COLUMNS.map((c) => q(c.name));
  const raws = plan.staged.map((s) => q(s.rawColumn));
  // Level 1: cleaned text once per cell.
  const cleaned = fields.map((f, i) => {
    const staged = stagedByKey.get(f.key);
    return `${staged ? cleanTextSql(dialect, `src.${q(staged.rawColumn)}`) : 'CAST(NULL AS VARCHAR)'} AS t${i}`;
  });
  const level1 = `SELECT ${[...meta, ...raws].map((c) => `src.${c}`).join(', ')}, ${cleaned.join(', ')} FROM ${source} src`;
  // Level 2: blank flag and SQL value per field.
  const level2Cols = fields.map(
    (f, i) => `${blankSql(`l1.t${i}`)} AS b${i}, ${valueSql(dialect, f, `l1.t${i}`, unitByField.get(f.key) ?? null)} AS v${i}`,
  );
  const level2 = `SELECT ${[...meta, ...raws].map((c) => `l1.${c}`).join(', ')}, ${level2Cols.join(', ')} FROM (${level1}) l1`;
  // Level 3: whether the row passes as a whole.
  const cellOk = fields.map((f, i) => `(CASE WHEN l2.b${i} THEN ${f.required ? 'FALSE' : 'TRUE'} ELSE l2.v${i} IS NOT NULL END)`);
  const okSql = ['l2._problem_raw IS NULL', 'coalesce(l2._extra, 0) = 0', ...cellOk].join(' AND ');
  const level3 = `SELECT l2.*, (${okSql}) AS ok FROM (${level2}) l2`;
  // Level 4: the stage row.
  const out: string[] = ['l3._row_no', 'l3.ok'];
  fields.forEach((f, i) => {
    const v = `(CASE WHEN l3.b${i} THEN NULL ELSE l3.v${i} END)`;
    switch (f.type) {
      case 'id':
        out.push(v, `CASE WHEN ${v} IS NOT NULL THEN 'person' END`);
        out.push(
          `CASE WHEN ${v} IS NOT NULL THEN make_date(CAST(substr(${v}, 7, 4) AS INTEGER), CAST(substr(${v}, 11, 2) AS INTEGER), CAST(substr(${v}, 13, 2) AS INTEGER)) END`,
          `CASE WHEN ${v} IS NOT NULL THEN CASE WHEN CAST(substr(${v}, 17, 1) AS INTEGER) % 2 = 1 THEN 'male' ELSE 'female' END END`,
          `substr(${v}, 1, 6)`,
        );
        break;
      case 'uscc':
        out.push(v, `CASE WHEN ${v} IS NOT NULL THEN 'organisation' END`);
        break;
      case 'subject': {
        const t = `l3.b${i}`;
        out.push(
          v,
          `CASE WHEN ${t} THEN NULL WHEN ${idCheckDigitSql(dialect, `l3.v${i}`)} IS NOT NULL THEN 'person' WHEN l3.v${i} IS NOT NULL THEN 'organisation' END`,
        );
        break;
      }
      default:
        out.push(v);
    }
  });
  out.push(...RAW_META_COLUMNS.slice(1).map((c) => `CASE WHEN NOT l3.ok THEN l3.${q(c.name)} END`));
  out.push(...raws.map((c) => `CASE WHEN NOT l3.ok THEN l3.${c} END`));
  const target = plan.normColumns.map((c) => q(c.name)).join(', ');
  return `INSERT INTO ${q(norm)} (${target}) SELECT ${out.join(', ')} FROM (${level3}) l3`;
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
