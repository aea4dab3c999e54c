import { type FieldDef, type HeaderMatch, type SqlDialect, cleanTextSql } from '@qingfeng/core';
import { type LakeColumn, quoteIdentifier } from '../../../lake/index.js';
import { type DatasetLayout, isSubjectField } from '../../catalogue/index.js';
import type { EngineCsv } from '../../sources/index.js';

/*
 * The plan of a batch's staging in the engine. A batch's raw text is a relation of the
 * shape `rawColumns` (the engine's own CSV reader, or a temporary table the JavaScript
 * readers fill). Each column's distinct values are normalised once by core's SQL forms
 * into a dictionary (stage-dictionary.ts); rows are then read straight from the raw
 * relation into the dataset's table through those dictionaries (stage-rows.ts). A row with
 * any cell the SQL forms do not accept is handed, raw, to core's TypeScript normalisers
 * (the reference), which either accept it (the SQL forms only cover the common shapes) or
 * report each bad cell. So the engine does the bulk work and the reasons a clerk reads
 * still come from one place.
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
  /** Columns of the rows the TS reference accepted, normalised: `layout.stageColumns`. */
  readonly fixedColumns: LakeColumn[];
  /** Their names, the order in which the TS reference gives a row's values. */
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
  const fixedColumns = layout.stageColumns;
  return { layout, staged, rawColumns, fixedColumns, valueColumns: fixedColumns.map((c) => c.name) };
}

/** A batch's raw text as a relation: SQL to put after FROM, and the parameters it binds. */
export interface RawRelation {
  readonly from: string;
  readonly params: readonly unknown[];
}

/** A statement and the parameters it binds. */
export interface Statement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** The temporary tables of one batch; they live in the import's own session and are dropped before COMMIT. */
export function stageTables(batchId: number) {
  const at = (what: string) => `_qf_${what}_${batchId}`;
  return {
    raw: at('raw'),
    values: at('values'),
    pre: (i: number) => at(`pre${i}`),
    dictionary: (i: number) => at(`dict${i}`),
    keyed: (i: number) => at(`keyed${i}`),
    bad: at('bad'),
    fixed: at('fixed'),
    ids: at('ids'),
    hash: at('hash'),
    fresh: at('new'),
    keys: at('keys'),
    refused: (i: number) => at(`refused${i}`),
    keptKeys: (i: number) => at(`keptk${i}`),
    kept: at('kept'),
    accounts: at('accts'),
    accountHash: at('accthash'),
    accountFresh: at('acctnew'),
    accountKeys: at('acctkeys'),
  };
}

export type StageTables = ReturnType<typeof stageTables>;

/** Whether a field is normalised through a dictionary of its distinct values (all but free text). */
export function usesDictionary(field: FieldDef): boolean {
  return field.type !== 'text';
}

/** The staged fields normalised through a dictionary, with their index into `plan.staged`. */
export function dictionaryFields(plan: StagePlan): { s: StagedField; i: number }[] {
  return plan.staged.map((s, i) => ({ s, i })).filter(({ s }) => usesDictionary(s.field));
}

/** Indexes (into `plan.staged`) of the dictionaries of subject fields (identity numbers, credit codes). */
export function subjectDictionaries(plan: StagePlan): number[] {
  return dictionaryFields(plan)
    .filter(({ s }) => isSubjectField(s.field))
    .map(({ i }) => i);
}

/** Free text of raw column `column` of `src`, cleaned as `normaliseText` does. */
export function cleanedTextSql(dialect: SqlDialect, column: string): string {
  return cleanTextSql(dialect, `src.${quoteIdentifier(column)}`);
}

/**
 * `blankSql` of cleaned text, naming the text once in the word test: DuckDB turns `IN` into
 * one comparison per word and would evaluate the (costly) cleaning of a raw cell once per
 * comparison. No blank text is longer than four bytes ('null'), and the engines keep a
 * text's length with it: the length settles nearly every cell without lower-casing it
 * (a copy of each cell, most of the test's cost).
 */
export function isBlankTextSql(dialect: SqlDialect, cleaned: string): string {
  const text = `lower(coalesce(${cleaned}, ''))`;
  const words =
    dialect === 'duckdb' ? `list_contains(['', 'null', '\\n'], ${text})` : `(${text} IN ('', 'null', '\\n'))`;
  const bytes = dialect === 'duckdb' ? `strlen(${cleaned})` : `octet_length(${cleaned})`;
  return `(CASE WHEN ${bytes} > 4 THEN FALSE ELSE ${words} END)`;
}

// A character cleanText keeps as it is and no blank text has in any case ('', 'null', '\N'):
// an ASCII digit or letter but l, n, u, or a common CJK ideograph.
const NOT_IN_BLANK = '[0-9A-KMO-TV-Za-kmo-tv-z\u4e00-\u9fff]';

/**
 * `isBlankTextSql` of raw text once cleaned, cleaning only text without a character of
 * NOT_IN_BLANK: nearly every cell of a required text field has one (a name, a number),
 * and the cleaning was most of the cost of the pass that counts flagged rows.
 */
export function isBlankRawTextSql(dialect: SqlDialect, raw: string): string {
  const pattern = `'${NOT_IN_BLANK}'`;
  const telling = dialect === 'duckdb' ? `regexp_matches(${raw}, ${pattern})` : `(${raw} ~ ${pattern})`;
  return `(CASE WHEN ${telling} THEN FALSE ELSE ${isBlankTextSql(dialect, cleanTextSql(dialect, raw))} END)`;
}

/**
 * True for a raw row (alias `src`) that is bad whatever its dictionaries say: a problem
 * the reader reported, cells past the header, or a required field left blank or without a
 * column. Such rows, and rows with a cell its dictionary refuses, go to the TS reference.
 */
export function rowFlaggedSql(dialect: SqlDialect, plan: StagePlan): string {
  const stagedKeys = new Set(plan.staged.map((s) => s.field.key));
  const flags = ['src._problem_raw IS NOT NULL', 'coalesce(src._extra, 0) <> 0'];
  for (const field of plan.layout.dataset.fields) {
    if (field.required && !stagedKeys.has(field.key)) flags.push('TRUE');
  }
  for (const s of plan.staged) {
    if (s.field.required && !usesDictionary(s.field))
      flags.push(isBlankRawTextSql(dialect, `src.${quoteIdentifier(s.rawColumn)}`));
  }
  return `(${flags.join(' OR ')})`;
}

/**
 * The engine's own CSV reader shaped like the raw stage (DuckDB only), over the numbered
 * copy prepareEngineCsv wrote, part after part: its first column, the line number in the
 * part plus the part's offset, as `_row_no`, every cell as text, cells past the header
 * counted into `_extra`. The parts' file names are bound as $1, $2, …; only the first
 * starts with the header. The copy is read once per pass: parsing is cheaper than writing
 * the text to a table.
 */
export function duckDbCsvRelation(
  plan: StagePlan,
  copy: Pick<EngineCsv, 'parts' | 'columnCount'>,
  headerCount: number,
): RawRelation {
  const { columnCount } = copy;
  const cellColumns = Array.from({ length: columnCount }, (_v, i) => `'c${i}': 'VARCHAR'`);
  const columns = [`'_line': 'INTEGER'`, ...cellColumns].join(', ');
  const extra =
    columnCount > headerCount
      ? Array.from(
          { length: columnCount - headerCount },
          (_v, i) => `(CASE WHEN coalesce(trim(c${headerCount + i}, ${JS_SPACE}), '') = '' THEN 0 ELSE 1 END)`,
        ).join(' + ')
      : '0';
  const cells = plan.staged.map((s) => `c${s.index} AS ${quoteIdentifier(s.rawColumn)}`);
  // buffer_size: DuckDB sizes its CSV buffers from the file (31-61 MB here on large files);
  // 8 MB buffers held a 10-million-row import's peak lower and made it faster (26.3 s to 21.8 s).
  const read = (k: number) =>
    `read_csv($${k + 1}, header = false, skip = ${k === 0 ? 1 : 0}, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `strict_mode = true, null_padding = true, all_varchar = true, buffer_size = ${CSV_BUFFER_BYTES}, columns = {${columns}})`;
  const parts = copy.parts.map((part, k) => {
    if (!Number.isSafeInteger(part.lineOffset)) throw new Error(`line offset ${part.lineOffset} is not an integer`);
    return (
      `SELECT CAST(f._line + ${part.lineOffset} AS INTEGER) AS _row_no, CAST(${extra} AS INTEGER) AS _extra, ` +
      `CAST(NULL AS VARCHAR) AS _problem_raw, CAST(NULL AS VARCHAR) AS _problem_zh, CAST(NULL AS VARCHAR) AS _problem_en` +
      `${cells.length > 0 ? ', ' : ''}${cells.map((c) => `f.${c}`).join(', ')} FROM ${read(k)} f`
    );
  });
  return { from: `(${parts.join(' UNION ALL ')})`, params: copy.parts.map((part) => part.file) };
}

const CSV_BUFFER_BYTES = 8 * 1024 * 1024;

// What JavaScript's trim() removes, for counting non-empty cells past the header as alignCells does.
const JS_SPACE = `'${'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'}'`;
