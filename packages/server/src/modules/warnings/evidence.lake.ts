import { findDataset } from '@qingfeng/core';
import { type Lake, quoteIdentifier } from '../../lake/index.js';
import { attachAccountCiphertexts } from '../datasets/index.js';
import {
  datasetTablesOf,
  rowDivisionSql,
  type RowJurisdiction,
  rowsWithinSql,
} from '../../models-engine/model-engine.js';

/*
 * Lake SQL of the warnings domain: reading the source rows behind warnings. Only portable
 * SQL, written once for DuckDB and PostgreSQL; every value is bound.
 */

/** A source row's address in the lake. */
export interface RowRef {
  readonly dataset: string;
  readonly batchId: number;
  readonly rowNo: number;
}

/** Subject keys per lookup. */
const CHUNK = 300;
/**
 * Row numbers per lookup of source rows. Large: each lookup reads the batch's rows in its
 * range (a PostgreSQL lake has no index on them, so all of the table) and, for a row that
 * belongs to another record, that record's table too; a run with a hundred thousand hits
 * makes a few dozen of them rather than hundreds. Far below PostgreSQL's 65,535 parameters.
 */
const ROW_CHUNK = 5_000;

export function refKey(ref: RowRef): string {
  return `${ref.dataset}/${ref.batchId}/${ref.rowNo}`;
}

/** The lake table of a dataset type of the catalogue, or undefined for anything else. */
function tableOf(dataset: string): string | undefined {
  return findDataset(dataset) ? `ds_${dataset}` : undefined;
}

/**
 * The row numbers of `refs` per dataset of the catalogue and batch, each list sorted and
 * without repeats, so that consecutive slices cover narrow ranges (see rowSlices).
 */
function rowsByBatch(refs: readonly RowRef[]): Map<string, Map<number, number[]>> {
  const byTable = new Map<string, Map<number, Set<number>>>();
  for (const ref of refs) {
    if (!tableOf(ref.dataset)) continue;
    const batches = byTable.get(ref.dataset) ?? new Map<number, Set<number>>();
    byTable.set(ref.dataset, batches);
    const rows = batches.get(ref.batchId) ?? new Set<number>();
    batches.set(ref.batchId, rows);
    rows.add(ref.rowNo);
  }
  return new Map(
    [...byTable].map(([dataset, batches]) => [
      dataset,
      new Map([...batches].map(([batchId, rows]) => [batchId, [...rows].sort((a, b) => a - b)])),
    ]),
  );
}

/**
 * Sorted row numbers in slices of ROW_CHUNK, each with the bounds of its range: a query that
 * also says `_row_no BETWEEN first AND last` reads only the part of the batch where the
 * slice lies (DuckDB skips the row groups outside it, PostgreSQL walks its index), so a
 * model with many hits reads its rows once instead of the whole table once per slice.
 */
function rowSlices(rowNos: readonly number[]): { part: number[]; first: number; last: number }[] {
  const out: { part: number[]; first: number; last: number }[] = [];
  for (let i = 0; i < rowNos.length; i += ROW_CHUNK) {
    const part = rowNos.slice(i, i + ROW_CHUNK);
    out.push({ part, first: part[0] as number, last: part[part.length - 1] as number });
  }
  return out;
}

/**
 * The source rows at these addresses, keyed `dataset/batch/row`. Rows a rollback removed
 * are simply absent, and so, with `scope`, are rows outside that jurisdiction (by the
 * rule every row follows: its own division, else that of the record it belongs to, else
 * its batch's). `columns` limits what is
 * read (all columns when omitted).
 */
export async function fetchRows(
  lake: Lake,
  refs: readonly RowRef[],
  columns?: readonly string[],
  scope?: RowJurisdiction,
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  const byTable = rowsByBatch(refs);
  for (const [dataset, batches] of byTable) {
    const table = tableOf(dataset) as string;
    if (!(await lake.hasTable(table))) continue;
    const select = columns ? ['_batch_id', '_row_no', ...columns].map((c) => quoteIdentifier(c)).join(', ') : '*';
    const from = scope
      ? `(${rowsWithinSql(dataset, scope, await datasetTablesOf(lake, [dataset]))}) AS bounded`
      : quoteIdentifier(table);
    for (const [batchId, rowNos] of batches) {
      for (const { part, first, last } of rowSlices(rowNos)) {
        const placeholders = part.map((_r, j) => `$${j + 4}`).join(', ');
        const rows = await lake.query(
          `SELECT ${select} FROM ${from} WHERE _batch_id = $1 AND _row_no BETWEEN $2 AND $3 AND _row_no IN (${placeholders})`,
          [batchId, first, last, ...part],
        );
        // Bank accounts are kept as their key: the ciphertext goes beside it (`<field>__enc`).
        await attachAccountCiphertexts(lake, findDataset(dataset)?.fields ?? [], rows);
        for (const row of rows) out.set(refKey({ dataset, batchId, rowNo: Number(row._row_no) }), row);
      }
    }
  }
  return out;
}

/**
 * The division of each row at these addresses, keyed `dataset/batch/row`, by the rule of
 * the data standard: the row's own, else that of the record it belongs to (a ledger entry's
 * organisation, a bid's tender, a tender's buyer). Rows with neither are absent (their
 * batch places them), as are rows of datasets that can have no division.
 */
export async function fetchRowDivisions(lake: Lake, refs: readonly RowRef[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byTable = rowsByBatch(refs);
  for (const [dataset, batches] of byTable) {
    const tables = await datasetTablesOf(lake, [dataset]);
    if (!tables.has(dataset)) continue;
    const division = rowDivisionSql(dataset, 't', tables);
    if (division.expr === undefined) continue;
    for (const [batchId, rowNos] of batches) {
      for (const { part, first, last } of rowSlices(rowNos)) {
        const placeholders = part.map((_r, j) => `$${j + 4}`).join(', ');
        const rows = await lake.query<{ row_no: unknown; division: unknown }>(
          `SELECT t._row_no AS row_no, ${division.expr} AS division FROM ${quoteIdentifier(tableOf(dataset) as string)} AS t` +
            `${division.joins} WHERE t._batch_id = $1 AND t._row_no BETWEEN $2 AND $3 AND t._row_no IN (${placeholders})`,
          [batchId, first, last, ...part],
        );
        for (const row of rows) {
          if (typeof row.division === 'string')
            out.set(refKey({ dataset, batchId, rowNo: Number(row.row_no) }), row.division);
        }
      }
    }
  }
  return out;
}

/** The row of `rows` at `ref`, if it was found. */
export function rowAt(rows: Map<string, Record<string, unknown>>, ref: RowRef): Record<string, unknown> | undefined {
  return rows.get(refKey(ref));
}

/** The identifier and kind of each subject key, still encrypted as the lake keeps them. */
export async function findSubjectIdentifiers(
  lake: Lake,
  subjectKeys: readonly number[],
): Promise<Map<number, { kind: string; enc: string }>> {
  const out = new Map<number, { kind: string; enc: string }>();
  if (subjectKeys.length === 0 || !(await lake.hasTable('subject_index'))) return out;
  // Bounded lists: an export asks for the subjects of a whole page of warnings at once.
  for (let i = 0; i < subjectKeys.length; i += CHUNK) {
    const part = subjectKeys.slice(i, i + CHUNK);
    const placeholders = part.map((_k, j) => `$${j + 1}`).join(', ');
    const rows = await lake.query<{ subject_key: number; kind: string; identifier_enc: string }>(
      `SELECT subject_key, kind, identifier_enc FROM subject_index WHERE subject_key IN (${placeholders})`,
      [...part],
    );
    for (const row of rows) out.set(Number(row.subject_key), { kind: row.kind, enc: row.identifier_enc });
  }
  return out;
}
