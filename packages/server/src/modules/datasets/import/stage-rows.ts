import type { SqlDialect } from '@qingfeng/core';
import { quoteIdentifier } from '../../../lake/index.js';
import { isSubjectField } from '../../catalogue/index.js';
import { dictionaryExtras } from './stage-dictionary.js';
import {
  RAW_META_COLUMNS,
  type RawRelation,
  type StagePlan,
  type StageTables,
  type Statement,
  cleanedTextSql,
  dictionaryFields,
  isBlankTextSql,
  rowFlaggedSql,
  usesDictionary,
} from './stage-sql.js';

/*
 * The row passes of a batch, over its raw relation and its dictionaries
 * (stage-dictionary.ts): the bad rows for the TS reference, then the good rows straight
 * into the dataset's table. A row is good exactly when it is not flagged and every cell is
 * in its dictionary's accepted entries; the bad pass selects the complement, and the
 * caller checks the two counts add up.
 */

const q = quoteIdentifier;

/** The rows the TS reference must decide, numbered `_seq` in row order, with their raw cells. */
export function badRowsSql(dialect: SqlDialect, plan: StagePlan, raw: RawRelation, tables: StageTables): Statement {
  const refused = dictionaryFields(plan).map(
    ({ s, i }) => `coalesce(src.${q(s.rawColumn)}, '') IN (SELECT k FROM ${q(tables.dictionary(i))} WHERE NOT ok)`,
  );
  const columns = [...RAW_META_COLUMNS.map((c) => c.name), ...plan.staged.map((s) => s.rawColumn)];
  return {
    sql:
      `CREATE TEMP TABLE ${q(tables.bad)} AS SELECT row_number() OVER (ORDER BY src._row_no) AS _seq, ` +
      `${columns.map((c) => `src.${q(c)}`).join(', ')} FROM ${raw.from} src ` +
      `WHERE ${[rowFlaggedSql(dialect, plan), ...refused].join(' OR ')}`,
    params: raw.params,
  };
}

/** Dictionary `i` of a subject field, accepted entries only, with each value's subject key `sk`. */
export function keyedDictionarySql(tables: StageTables, i: number): string {
  return (
    `CREATE TEMP TABLE ${q(tables.keyed(i))} AS SELECT d.*, kk.subject_key AS sk ` +
    `FROM ${q(tables.dictionary(i))} d LEFT JOIN ${q(tables.keys)} kk ON kk.ident = d.v WHERE d.ok`
  );
}

function batchIdSql(batchId: number): string {
  if (!Number.isSafeInteger(batchId)) throw new Error(`batch id ${batchId} is not an integer`);
  return `CAST(${batchId} AS INTEGER)`;
}

/** The dataset table's columns a batch writes: `_batch_id`, the copied columns, the subject keys. */
function targetColumns(plan: StagePlan): string[] {
  const layout = plan.layout;
  return ['_batch_id', ...layout.copiedColumns, ...layout.subjectFields.map((f) => `${f.key}_sk`)];
}

/** The parts of the good rows' SELECT: its columns, joins, blank-required tests and each target column's value. */
interface GoodRowParts {
  inner: string[];
  joins: string[];
  blankRequired: string[];
  value: Map<string, string>;
}

/**
 * The good rows, read straight from the raw relation: each dictionary field joins its
 * accepted entries (so a refused cell drops its row; an entry kept without its value joins
 * with a NULL value), free text is cleaned in line.
 */
function goodRowParts(dialect: SqlDialect, plan: StagePlan, tables: StageTables): GoodRowParts {
  const inner = ['src._row_no'];
  const joins: string[] = [];
  const blankRequired: string[] = [];
  const value = new Map<string, string>([['_row_no', 'l._row_no']]);
  const stagedByKey = new Map(plan.staged.map((s, i) => [s.field.key, { s, i }]));
  for (const field of plan.layout.dataset.fields) {
    const entry = stagedByKey.get(field.key);
    if (entry === undefined) continue; // absent optional field: NULL (an absent required one flags every row)
    const { s, i } = entry;
    if (!usesDictionary(field)) {
      inner.push(`${cleanedTextSql(dialect, s.rawColumn)} AS t${i}`);
      value.set(field.key, `CASE WHEN ${isBlankTextSql(dialect, `l.t${i}`)} THEN NULL ELSE l.t${i} END`);
      if (field.required) blankRequired.push(`NOT ${isBlankTextSql(dialect, `l.t${i}`)}`);
      continue;
    }
    const keyed = isSubjectField(field);
    const table = keyed ? tables.keyed(i) : tables.dictionary(i);
    joins.push(
      `JOIN ${q(table)} d${i} ON d${i}.k = coalesce(src.${q(s.rawColumn)}, '')${keyed ? '' : ` AND d${i}.ok`}`,
    );
    inner.push(`d${i}.v AS v${i}`, ...dictionaryExtras(field).map((e) => `d${i}.${e} AS ${e}${i}`));
    if (keyed) inner.push(`d${i}.sk AS sk${i}`);
    value.set(field.key, `l.v${i}`);
    value.set(`${field.key}_sk`, `l.sk${i}`);
    if (field.type === 'id') {
      value.set(`${field.key}_birth_date`, `l.birth${i}`);
      value.set(`${field.key}_sex`, `l.sex${i}`);
      value.set(`${field.key}_region`, `l.region${i}`);
    }
  }
  return { inner, joins, blankRequired, value };
}

/** The good rows' relation `l` and its filter: unless `anyFlagged`, no row is flagged, and the row filter is left out. */
function goodRowsFrom(raw: RawRelation, parts: GoodRowParts, anyFlagged: boolean): { from: string; where: string[] } {
  const rows =
    `SELECT ${parts.inner.join(', ')} FROM ${raw.from} src ${parts.joins.join(' ')}` +
    (anyFlagged ? ` WHERE src._problem_raw IS NULL AND coalesce(src._extra, 0) = 0` : '');
  return { from: `(${rows}) l`, where: anyFlagged ? parts.blankRequired : [] };
}

/** Inserts the good rows straight from the raw relation through the dictionaries. */
export function insertGoodRowsSql(
  dialect: SqlDialect,
  plan: StagePlan,
  raw: RawRelation,
  tables: StageTables,
  batch: { id: number; anyFlagged: boolean },
): Statement {
  const parts = goodRowParts(dialect, plan, tables);
  const target = targetColumns(plan);
  const select = [batchIdSql(batch.id), ...target.slice(1).map((c) => parts.value.get(c) ?? 'NULL')];
  const { from, where } = goodRowsFrom(raw, parts, batch.anyFlagged);
  return {
    sql:
      `INSERT INTO ${q(plan.layout.table)} (${target.map((c) => q(c)).join(', ')}) ` +
      `SELECT ${select.join(', ')} FROM ${from}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`,
    params: raw.params,
  };
}

/**
 * The good rows holding a cell kept without its value (a dictionary entry of an optional
 * field the reference could not read either), numbered `_seq` in row order: `_row_no`, and
 * per field `i` of `keepable` the raw cell as `kept<i>` where it was kept, else NULL. The
 * rows the TS reference decides report their own kept cells.
 */
export function keptCellsSql(
  dialect: SqlDialect,
  plan: StagePlan,
  raw: RawRelation,
  tables: StageTables,
  batch: { anyFlagged: boolean; keepable: readonly number[] },
): Statement {
  const parts = goodRowParts(dialect, plan, tables);
  const cells = batch.keepable.map((i) => {
    const s = plan.staged[i];
    if (s === undefined) throw new Error(`no staged field ${i}`);
    return `CASE WHEN d${i}.kept THEN src.${q(s.rawColumn)} END AS kept${i}`;
  });
  parts.inner.push(...cells);
  const { from, where } = goodRowsFrom(raw, parts, batch.anyFlagged);
  const anyKept = `(${batch.keepable.map((i) => `l.kept${i} IS NOT NULL`).join(' OR ')})`;
  const columns = ['l._row_no', ...batch.keepable.map((i) => `l.kept${i}`)];
  return {
    sql:
      `CREATE TEMP TABLE ${q(tables.kept)} AS SELECT row_number() OVER (ORDER BY l._row_no) AS _seq, ` +
      `${columns.join(', ')} FROM ${from} WHERE ${[anyKept, ...where].join(' AND ')}`,
    params: raw.params,
  };
}

/** Inserts the rows the TS reference accepted (normalised values in `fixed`), resolving their subject keys. */
export function insertFixedRowsSql(plan: StagePlan, tables: StageTables, batchId: number): string {
  const layout = plan.layout;
  const select = [
    batchIdSql(batchId),
    ...layout.copiedColumns.map((c) => `fx.${q(c)}`),
    ...layout.subjectFields.map((_f, i) => `k${i}.subject_key`),
  ];
  const joins = layout.subjectFields.map((f, i) => `LEFT JOIN ${q(tables.keys)} k${i} ON k${i}.ident = fx.${q(f.key)}`);
  return (
    `INSERT INTO ${q(layout.table)} (${targetColumns(plan)
      .map((c) => q(c))
      .join(', ')}) ` + `SELECT ${select.join(', ')} FROM ${q(tables.fixed)} fx ${joins.join(' ')}`
  );
}
