import {
  type DatasetType,
  type FieldDef,
  type HeaderMatch,
  type LocalisedText,
  type CellOutcome,
  type NormaliseContext,
  type RawValue,
  type Subject,
  isBlank,
  normaliseCell,
  normaliseIdNumber,
} from '@qingfeng/core';
import type { StagePlan } from './stage-sql.js';

/** One reason a row was refused, for the rejected-rows report. */
export interface RowProblem {
  readonly column: string;
  readonly field: string;
  readonly raw: string;
  readonly reason: LocalisedText;
}

/** A staged row the SQL forms did not accept, as the engine returns it. */
export type StagedRow = Record<string, unknown>;

/**
 * A row accepted (with the cells of optional fields it keeps without a value, each with its
 * reason), or refused with one problem per bad cell.
 */
export type NormalisedRow = { ok: true; values: unknown[]; kept: RowProblem[] } | { ok: false; problems: RowProblem[] };

/** Turns a staged row into normalised stage values, or the list of what is wrong with it. */
export type RowNormaliser = (row: StagedRow) => NormalisedRow;

/**
 * A raw cell as the stage keeps it: text. Readers that deliver numbers or booleans (XLSX,
 * JSON) are staged through this, which is how `normaliseValue` itself reads them.
 */
export function rawCellText(raw: RawValue): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isInteger(raw) ? BigInt(raw).toString() : String(raw);
  return String(raw);
}

/** The context each field's cells are read in: the money unit its header declares. */
function contextsOf(match: HeaderMatch): Map<string, NormaliseContext> {
  return new Map(
    match.columns
      .filter((c) => c.field !== null)
      .map((c) => [c.field as string, c.moneyUnit ? { moneyUnit: c.moneyUnit } : {}]),
  );
}

/**
 * Decides one cell of a field as the reference does (core's `normaliseCell`, in the field's
 * context): for the dictionary entries the SQL forms did not accept.
 */
export function createCellDecider(match: HeaderMatch): (field: FieldDef, raw: string) => CellOutcome {
  const contexts = contextsOf(match);
  return (field, raw) => normaliseCell(field, raw, contexts.get(field.key) ?? {});
}

/**
 * Builds the reference normaliser for staged rows: every cell goes through core's
 * `normaliseCell`; identity numbers also through `normaliseIdNumber` for the derived birth
 * date, sex and region. It is the final word on rows the SQL forms did not accept.
 * Promises: a row with a bad cell of a required field (or a problem of the whole row) is
 * refused with one problem per bad cell; otherwise it is accepted, each unreadable cell of
 * an optional field empty and listed in `kept`.
 */
export function createRowNormaliser(dataset: DatasetType, match: HeaderMatch, plan: StagePlan): RowNormaliser {
  const stagedByField = new Map(plan.staged.map((s) => [s.field.key, s]));
  const contexts = contextsOf(match);
  const steps = dataset.fields.map((field) => {
    const staged = stagedByField.get(field.key);
    return { field, staged, context: contexts.get(field.key) ?? {} };
  });

  return (row) => {
    const values: unknown[] = [Number(row._row_no)];
    const problems: RowProblem[] = [];
    const kept: RowProblem[] = [];
    let refused = false;
    if (typeof row._problem_raw === 'string') {
      const reason = { zh: textOf(row._problem_zh), en: textOf(row._problem_en) };
      return { ok: false, problems: [{ column: '', field: '', raw: row._problem_raw, reason }] };
    }
    const extraCells = Number(row._extra ?? 0);
    if (extraCells > 0) {
      refused = true;
      problems.push({
        column: '',
        field: '',
        raw: '',
        reason: {
          zh: `该行有 ${extraCells} 个单元格超出表头范围，无法确定所属列`,
          en: `the row has ${extraCells} non-empty cell(s) beyond the header, belonging to no column`,
        },
      });
    }
    for (const { field, staged, context } of steps) {
      const raw = staged === undefined ? null : ((row[staged.rawColumn] ?? null) as string | null);
      const cell = normaliseCell(field, raw, context);
      if (cell.outcome === 'value') {
        pushValue(values, field, cell.value);
        continue;
      }
      const problem = { column: staged?.header ?? '', field: field.key, raw: raw ?? '', reason: cell.reason };
      if (cell.outcome === 'rejected') refused = true;
      problems.push(problem);
      if (cell.outcome === 'kept') kept.push(problem);
      pushEmpty(values, field);
    }
    return refused ? { ok: false, problems } : { ok: true, values, kept };
  };
}

function pushEmpty(values: unknown[], field: FieldDef): void {
  if (field.type === 'id') values.push(null, null, null, null, null);
  else if (field.type === 'uscc' || field.type === 'subject') values.push(null, null);
  else values.push(null);
}

function pushValue(values: unknown[], field: FieldDef, value: unknown): void {
  if (value === null || isBlank(value as RawValue)) return pushEmpty(values, field);
  switch (field.type) {
    case 'id': {
      // normaliseValue accepted it, so this succeeds; it adds what the number says of its holder.
      const info = normaliseIdNumber(value as string);
      if (!info.ok) return pushEmpty(values, field);
      values.push(info.value.id, 'person', info.value.birthDate, info.value.sex, info.value.regionCode);
      return;
    }
    case 'uscc':
      values.push(value, 'organisation');
      return;
    case 'subject': {
      const subject = value as Subject;
      values.push(subject.code, subject.kind);
      return;
    }
    default:
      values.push(value);
  }
}

/** A text column read back from the engine (null when the engine had nothing to say). */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
