import {
  type DatasetType,
  type FieldDef,
  type HeaderMatch,
  type LocalisedText,
  type MappingTemplate,
  type UnknownValueCount,
  UnknownValueTally,
  mappingTemplate,
  matchHeaders,
} from '@qingfeng/core';
import { AppError } from '../../../http/errors.js';
import type { Lake } from '../../../lake/index.js';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type StageSource, ensureLakeTables, loadBatch } from './datasets.lake.js';
import type { IdentifierSealer } from './sealed-register.lake.js';
import { engineCopyIn } from './engine-copies.js';
import { datasetLayout, type HeaderMapping } from '../../catalogue/index.js';
import { RejectedReportWriter } from './rejected-report.js';
import {
  type RowProblem,
  type StagedRow,
  createCellDecider,
  createRowNormaliser,
  rawCellText,
} from './row-normaliser.js';
import {
  type EngineCsv,
  prepareEngineCsv,
  type OpenSourceOptions,
  openRecordSource,
  type ReadLimits,
  type RecordSource,
} from '../../sources/index.js';
import { type StagePlan, duckDbCsvRelation, planStage } from './stage-sql.js';

/** A file whose columns cannot feed the dataset's required fields: nothing was imported. */
export class MappingRefusedError extends AppError {
  constructor(
    readonly reason: LocalisedText,
    readonly columnsFound: readonly string[],
    readonly missingRequired: readonly string[],
    readonly template: MappingTemplate,
  ) {
    super(400, 'mapping_refused', `${reason.zh}\n${reason.en}`);
  }
}

/** A file opened and its header matched, ready to load. */
export interface OpenedImport {
  /** The file on disk (the engine may read it itself). */
  readonly file: string;
  readonly source: RecordSource;
  readonly match: HeaderMatch;
}

/**
 * Opens a file for import as a dataset type and matches its header (by key, label or
 * synonym, or the explicit mapping). Throws MappingRefusedError, with the columns found
 * and a mapping template, when a required field has no column or the mapping is wrong.
 */
export async function openImport(
  file: string,
  dataset: DatasetType,
  options: OpenSourceOptions & { mapping?: HeaderMapping } = {},
): Promise<OpenedImport> {
  const source = await openRecordSource(file, options);
  // core takes field → header; users write header → field, as the file reads left to right.
  const userMapping = Object.fromEntries(
    Object.entries(options.mapping ?? {}).map(([header, field]) => [field, header]),
  );
  const match = matchHeaders(dataset, source.headers, userMapping);
  const problems = [...match.mappingProblems, ...(match.refusal ? [match.refusal] : [])];
  if (problems.length > 0) {
    await source.close();
    const reason = { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') };
    throw new MappingRefusedError(
      reason,
      source.headers,
      match.missingRequired,
      mappingTemplate(dataset, source.headers),
    );
  }
  return { file, source, match };
}

/** What a batch did, row by row. */
export interface ImportCounts {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
}

/** What a batch did beyond its rows: the report, the cells it kept without a value, the unknown codes it met. */
export interface LoadOutcome extends ImportCounts {
  reportLines: number;
  /** Cells of optional fields whose value could not be read, in rows that loaded. */
  cellsKept: number;
  keptByField: Record<string, number>;
  /** Values of coded fields that are none of their codes (at most 50 distinct per field), with cell counts. */
  unknownValues: UnknownValueCount[];
}

export interface LoadImportInput {
  lake: Lake;
  crypto: IdentifierSealer;
  dataset: DatasetType;
  opened: OpenedImport;
  batchId: number;
  mode: 'append' | 'replace';
  reportFile: string;
  /** Called with rows read so far, every few thousand rows (once, when staged, if the engine reads the file). */
  onRows?: (rowsRead: number) => void;
  /** Called with file bytes read so far when the engine reads the file itself. */
  onBytes?: (total: number) => void;
  /**
   * The engine's copy of the file, when the caller prepared it already (prepareForEngine);
   * loadImport then owns it and deletes it. Left out, loadImport prepares it itself.
   */
  engineCsv?: EngineCsv | null;
  /** How long a line and the header may be, when loadImport prepares the engine's copy itself. */
  limits?: ReadLimits;
}

/**
 * The copy of an opened CSV that DuckDB reads itself (see prepareEngineCsv), written to
 * `tempFile`; null when the JavaScript reader must read the file (other formats, the
 * PostgreSQL lake, an irregular or undecodable file). Throws ReadLimitError (400) at a
 * line longer than `limits` allow.
 */
export async function prepareForEngine(
  lake: Lake,
  opened: OpenedImport,
  tempFile: string,
  onBytes?: (total: number) => void,
  limits?: ReadLimits,
): Promise<EngineCsv | null> {
  if (lake.engine !== 'duckdb' || opened.source.format !== 'csv') return null;
  await mkdir(path.dirname(tempFile), { recursive: true });
  return prepareEngineCsv(opened.file, opened.source.encoding, opened.source.headers.length, tempFile, {
    ...(onBytes ? { onBytes } : {}),
    ...(limits ? { limits } : {}),
  });
}

const PROGRESS_EVERY_ROWS = 5000;
/** Reasons of kept values remembered at once: a file of distinct bad values must not grow memory. */
const MAX_CACHED_REASONS = 10_000;

/**
 * Streams an opened file into the lake as one batch, in one lake transaction. The file is
 * staged through the engine's bulk path (DuckDB reads a line-numbered UTF-8 copy of a UTF-8
 * or GBK CSV itself; other formats and PostgreSQL stream raw text through the appender or COPY), then
 * normalised and validated in SQL by core's SQL forms; rows those do not accept are
 * decided by core's TypeScript normalisers, which also write the rejected-rows report with
 * row, column, raw value and reason. Nothing is dropped without a report line.
 */
export async function loadImport(input: LoadImportInput): Promise<LoadOutcome> {
  const { opened, lake } = input;
  const layout = datasetLayout(input.dataset);
  const plan = planStage(layout, opened.match);
  const normalise = createRowNormaliser(input.dataset, opened.match, plan);
  const decide = createCellDecider(opened.match);
  const unknown = new UnknownValueTally();
  const report = new RejectedReportWriter(input.reportFile);
  const keptByField: Record<string, number> = {};
  // A kept value repeats over many rows (a department's word for a code): its reason is worked out once.
  const reasons = new Map<string, LocalisedText>();
  const keptReason = (field: FieldDef, raw: string): LocalisedText => {
    const key = `${field.key}\u0000${raw}`;
    let reason = reasons.get(key);
    if (reason === undefined) {
      const decided = decide(field, raw);
      reason = decided.outcome === 'value' ? { zh: '', en: '' } : decided.reason;
      if (reasons.size >= MAX_CACHED_REASONS) reasons.clear();
      reasons.set(key, reason);
    }
    return reason;
  };
  const writeKept = async (rowNo: number, p: RowProblem): Promise<void> => {
    keptByField[p.field] = (keptByField[p.field] ?? 0) + 1;
    await report.write({ rowNo, column: p.column, field: p.field, raw: p.raw, reason: p.reason, kept: true });
  };
  let engineCsv: EngineCsv | null = input.engineCsv ?? null;
  try {
    await ensureLakeTables(lake, layout);
    // The engine reads files only in its import folder (none on PostgreSQL, which reads the rows as they stream).
    if (input.engineCsv === undefined && lake.importDir !== null) {
      engineCsv = await prepareForEngine(lake, opened, engineCopyIn(lake.importDir), input.onBytes, input.limits);
    }
    const review = async (row: StagedRow): Promise<unknown[] | null> => {
      const result = normalise(row);
      const rowNo = Number(row._row_no);
      if (result.ok) {
        for (const p of result.kept) await writeKept(rowNo, p);
        return result.values;
      }
      for (const p of result.problems) {
        await report.write({ rowNo, column: p.column, field: p.field, raw: p.raw, reason: p.reason });
      }
      return null;
    };
    let source: StageSource;
    if (engineCsv !== null) {
      await opened.source.close();
      source = {
        kind: 'relation',
        relation: duckDbCsvRelation(plan, engineCsv, opened.source.headers.length),
      };
    } else {
      source = { kind: 'rows', rows: rawStageRows(opened.source, plan, input.onRows) };
    }
    const counts = await loadBatch(lake, {
      plan,
      match: opened.match,
      batchId: input.batchId,
      mode: input.mode,
      source,
      review,
      decisions: { decide, unknown },
      onKept: async (cell) => {
        const reason = keptReason(cell.field, cell.raw);
        await writeKept(cell.rowNo, { column: cell.header, field: cell.field.key, raw: cell.raw, reason });
      },
      sealer: input.crypto,
      onStaged: (rowsRead) => input.onRows?.(rowsRead),
    });
    const cellsKept = Object.values(keptByField).reduce((a, b) => a + b, 0);
    return { ...counts, reportLines: report.lineCount, cellsKept, keptByField, unknownValues: unknown.counts() };
  } finally {
    await report.close();
    await opened.source.close();
    await engineCsv?.cleanup();
  }
}

/** The records of a JavaScript reader as raw stage rows (`plan.rawColumns` order), all cells as text. */
async function* rawStageRows(
  source: RecordSource,
  plan: StagePlan,
  onRows: ((rowsRead: number) => void) | undefined,
): AsyncGenerator<unknown[]> {
  let rowsRead = 0;
  for await (const item of source.items) {
    rowsRead += 1;
    if (onRows && rowsRead % PROGRESS_EVERY_ROWS === 0) onRows(rowsRead);
    if (item.kind === 'problem') {
      yield [item.rowNo, 0, item.raw, item.reason.zh, item.reason.en, ...plan.staged.map(() => null)];
      continue;
    }
    yield [item.rowNo, item.extraCells, null, null, null, ...plan.staged.map((s) => rawCellText(item.values[s.index]))];
  }
}
