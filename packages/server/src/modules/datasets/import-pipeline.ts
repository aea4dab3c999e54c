import {
  type DatasetType,
  type HeaderMatch,
  type LocalisedText,
  type MappingTemplate,
  mappingTemplate,
  matchHeaders,
} from '@qingfeng/core';
import { AppError } from '../../http/errors.js';
import type { Lake } from '../../lake/index.js';
import type { FieldCrypto } from '../../security/field-crypto.js';
import { ensureLakeTables, loadBatch } from './datasets.lake.js';
import { datasetLayout } from './lake-layout.js';
import { RejectedReportWriter } from './rejected-report.js';
import { createRowNormaliser } from './row-normaliser.js';
import { type OpenSourceOptions, openRecordSource } from './sources/open-source.js';
import type { RecordSource } from './sources/record-source.js';

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

/** Header text → field key, as the user gives it (the CLI's --mapping file, the form's field). */
export type HeaderMapping = Readonly<Record<string, string>>;

/** A file opened and its header matched, ready to load. */
export interface OpenedImport {
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
  const userMapping = Object.fromEntries(Object.entries(options.mapping ?? {}).map(([header, field]) => [field, header]));
  const match = matchHeaders(dataset, source.headers, userMapping);
  const problems = [...match.mappingProblems, ...(match.refusal ? [match.refusal] : [])];
  if (problems.length > 0) {
    await source.close();
    const reason = { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') };
    throw new MappingRefusedError(reason, source.headers, match.missingRequired, mappingTemplate(dataset, source.headers));
  }
  return { source, match };
}

/** What a batch did, row by row. */
export interface ImportCounts {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
}

export interface LoadImportInput {
  lake: Lake;
  crypto: FieldCrypto;
  dataset: DatasetType;
  opened: OpenedImport;
  batchId: number;
  mode: 'append' | 'replace';
  reportFile: string;
  /** Called with rows read so far, every few thousand rows. */
  onRows?: (rowsRead: number) => void;
}

const PROGRESS_EVERY_ROWS = 5000;

/**
 * Streams an opened file into the lake as one batch, in one lake transaction: every record
 * is normalised; good rows are appended, bad rows go to the rejected-rows report with row,
 * column, raw value and reason. Nothing is dropped without a report line.
 */
export async function loadImport(input: LoadImportInput): Promise<ImportCounts & { reportLines: number }> {
  const { opened } = input;
  const layout = datasetLayout(input.dataset);
  const normalise = createRowNormaliser(input.dataset, opened.match, input.crypto);
  const report = new RejectedReportWriter(input.reportFile);
  let rowsRead = 0;
  let rowsRejected = 0;

  async function* goodRows(): AsyncGenerator<unknown[]> {
    for await (const item of opened.source.items) {
      rowsRead += 1;
      if (input.onRows && rowsRead % PROGRESS_EVERY_ROWS === 0) input.onRows(rowsRead);
      if (item.kind === 'problem') {
        rowsRejected += 1;
        await report.write({ rowNo: item.rowNo, column: '', field: '', raw: item.raw, reason: item.reason });
        continue;
      }
      const row = normalise(item);
      if (row.ok) {
        yield row.values;
        continue;
      }
      rowsRejected += 1;
      for (const p of row.problems) {
        await report.write({ rowNo: item.rowNo, column: p.column, field: p.field, raw: p.raw, reason: p.reason });
      }
    }
  }

  try {
    await ensureLakeTables(input.lake, layout);
    const rowsLoaded = await loadBatch(input.lake, {
      layout,
      batchId: input.batchId,
      mode: input.mode,
      rows: goodRows(),
      counts: () => ({ rowsRead, rowsRejected }),
    });
    input.onRows?.(rowsRead);
    return { rowsRead, rowsLoaded, rowsRejected, reportLines: report.lineCount };
  } finally {
    await report.close();
    await opened.source.close();
  }
}
