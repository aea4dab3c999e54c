import type { CellOutcome, FieldDef, UnknownValueTally } from '@qingfeng/core';
import { type Lake, type LakeTx, quoteIdentifier } from '../../../lake/index.js';
import { keptCellsSql } from './stage-rows.js';
import { type RawRelation, type StagePlan, type StageTables, dictionaryFields } from './stage-sql.js';
import { countRows, createTempTableSql, pages } from './stage-tx.js';

/*
 * Cells kept without a value, on the engine's fast path. A dictionary entry the SQL forms
 * refuse is decided once by the TypeScript reference (core's normaliseCell), not once per
 * row: when the reference cannot read it either and the field is optional, the entry is
 * marked `kept` (accepted, value NULL), so its rows still go straight from the raw text into
 * the table; a separate pass then lists those rows' kept cells for the report. Only entries
 * the reference does read (shapes the SQL forms do not cover) send their rows to the TS path.
 */

const q = quoteIdentifier;

/** What deciding refused entries needs from the import. */
export interface EntryDecisions {
  /** The reference's decision for one cell of a field (core's normaliseCell in the field's context). */
  readonly decide: (field: FieldDef, raw: string) => CellOutcome;
  /** Unknown values of coded fields, counted per cell, for the value suggestions. */
  readonly unknown: UnknownValueTally;
}

/** Dictionary indexes (into `plan.staged`) of optional fields, whose entries may be kept. */
export function keepableDictionaries(plan: StagePlan): number[] {
  return dictionaryFields(plan)
    .filter(({ s }) => !s.field.required)
    .map(({ i }) => i);
}

/**
 * Decides every refused, non-blank entry of the dictionaries of optional fields and of coded
 * fields: an optional field's entry the reference refuses too becomes `kept`; each coded
 * field's entry the reference refuses is tallied as an unknown value with the cells holding
 * it (from the distinct-values aggregate). Returns the number of entries kept.
 */
export async function settleRefusedEntries(
  tx: LakeTx,
  engine: Lake['engine'],
  plan: StagePlan,
  tables: StageTables,
  decisions: EntryDecisions,
): Promise<number> {
  let keptEntries = 0;
  for (const { s, i } of dictionaryFields(plan)) {
    if (s.field.required && s.field.type !== 'enum') continue;
    const refused = tables.refused(i);
    await tx.execute(
      `CREATE TEMP TABLE ${q(refused)} AS SELECT row_number() OVER (ORDER BY d.k) AS _seq, d.k, c.n ` +
        `FROM ${q(tables.dictionary(i))} d JOIN ${q(tables.values)} c ON c.g${i} = 0 AND c.k${i} = d.k ` +
        `WHERE NOT d.ok AND NOT d.b`,
    );
    const total = await countRows(tx, `SELECT count(*) AS n FROM ${q(refused)}`);
    if (total === 0) continue;
    const keptKeys = tables.keptKeys(i);
    await tx.execute(createTempTableSql(keptKeys, [{ name: 'k', type: 'text' }], engine));
    for await (const page of pages<{ k: string; n: number | string }>(tx, refused, 'k, n', total)) {
      const kept: unknown[][] = [];
      for (const entry of page) {
        const cell = decisions.decide(s.field, entry.k);
        if (cell.outcome === 'value') continue;
        if (s.field.type === 'enum') decisions.unknown.add(s.field.key, entry.k, Number(entry.n));
        if (cell.outcome === 'kept') kept.push([entry.k]);
      }
      if (kept.length > 0) await tx.appendRows(keptKeys, ['k'], kept);
    }
    keptEntries += await tx.execute(
      `UPDATE ${q(tables.dictionary(i))} SET ok = TRUE, kept = TRUE WHERE k IN (SELECT k FROM ${q(keptKeys)})`,
    );
  }
  return keptEntries;
}

/** One cell kept without its value, for the report. */
export interface KeptCell {
  readonly rowNo: number;
  readonly field: FieldDef;
  readonly header: string;
  readonly raw: string;
}

/**
 * Lists, in row order, the kept cells of the rows loaded straight from the raw text (one
 * more pass over it, only when an entry was kept), handing each to `onCell`.
 */
export async function reportKeptCells(
  tx: LakeTx,
  engine: Lake['engine'],
  plan: StagePlan,
  raw: RawRelation,
  tables: StageTables,
  anyFlagged: boolean,
  onCell: (cell: KeptCell) => Promise<void>,
): Promise<void> {
  const keepable = keepableDictionaries(plan);
  if (keepable.length === 0) return;
  const statement = keptCellsSql(engine, plan, raw, tables, { anyFlagged, keepable });
  await tx.execute(statement.sql, [...statement.params]);
  const total = await countRows(tx, `SELECT count(*) AS n FROM ${q(tables.kept)}`);
  const columns = ['_row_no', ...keepable.map((i) => `kept${i}`)].join(', ');
  for await (const page of pages<Record<string, unknown>>(tx, tables.kept, columns, total)) {
    for (const row of page) {
      for (const i of keepable) {
        const cell = row[`kept${i}`];
        const s = plan.staged[i];
        if (typeof cell !== 'string' || s === undefined) continue;
        await onCell({ rowNo: Number(row._row_no), field: s.field, header: s.header, raw: cell });
      }
    }
  }
}
