import {
  type ColumnAccounting,
  type DatasetType,
  type HeaderMatch,
  type MappingTemplate,
  type RawValue,
  UnknownValueTally,
  type ValueMappings,
  isBlank,
  mappingTemplate,
  matchHeaders,
  normaliseValue,
} from '@qingfeng/core';
import type { ImportFormat } from '../../../db/schema.js';
import { AppError } from '../../../http/errors.js';
import { type HeaderMapping, findTemplateMapping, requireDataset } from '../../catalogue/index.js';
import type { DatasetServices } from '../batches/batch-events.js';
import { openRecordSource } from '../../sources/index.js';
import { accountImportColumns } from './column-accounting.js';
import { withValueMappings } from './value-mappings.js';

/** What the console's mapping screen shows before an import. */
export interface ImportPreview {
  format: ImportFormat;
  encoding: string | null;
  headers: readonly string[];
  /** The first records as read, cells aligned with `headers`. */
  rows: { rowNo: number; values: RawValue[] }[];
  match: HeaderMatch;
  template: MappingTemplate;
  /**
   * The columns that would feed no field (with suggestions), fields left empty, models left
   * blind, and the unknown values of coded fields in the rows scanned (with suggested codes).
   */
  columns: ColumnAccounting;
  /** Records read for the unknown values (all of the file when it has no more). */
  rowsScanned: number;
}

const DEFAULT_PREVIEW_ROWS = 20;
/** Records a console preview reads for unknown values: enough for a department's words, quick to read. */
const DEFAULT_SCAN_ROWS = 10_000;

/** Tallies, for each coded field a column feeds, the cells the field's normaliser (with the value mappings) cannot read. */
function unknownValueScanner(
  dataset: DatasetType,
  match: HeaderMatch,
): ((values: readonly RawValue[]) => void) & { tally: UnknownValueTally } {
  const tally = new UnknownValueTally();
  const coded = match.columns.flatMap((c) => {
    const field = dataset.fields.find((f) => f.key === c.field);
    return field?.type === 'enum' ? [{ field, index: c.index }] : [];
  });
  const scan = (values: readonly RawValue[]): void => {
    for (const { field, index } of coded) {
      const raw = values[index];
      if (isBlank(raw) || normaliseValue(field, raw).ok) continue;
      tally.add(field.key, String(raw));
    }
  };
  return Object.assign(scan, { tally });
}

/**
 * Reads the header and first rows of a file and matches the header against the dataset
 * type (with the user's mapping, if any), without importing anything.
 */
export async function previewDatasetFile(
  services: DatasetServices,
  request: {
    datasetType: string;
    file: string;
    sheet?: string;
    mapping?: HeaderMapping;
    valueMappings?: ValueMappings;
    departmentCode?: string | null;
    /** Records returned to show (default 20). */
    limit?: number;
    /** Records read for unknown values of coded fields (default 10,000; Infinity reads the whole file). */
    scanRows?: number;
  },
): Promise<ImportPreview> {
  const db = services.database.db;
  const dataset = withValueMappings(
    await requireDataset(services.database.db, request.datasetType),
    request.valueMappings,
  );
  let source;
  try {
    source = await openRecordSource(request.file, request.sheet ? { sheet: request.sheet } : {});
  } catch (error) {
    throw new AppError(400, 'unreadable_file', (error as Error).message);
  }
  try {
    // Without a mapping of its own, the department's saved template suggests one.
    const mapping =
      request.mapping ?? (await findTemplateMapping(db, dataset.key, request.departmentCode, source.headers));
    const userMapping = Object.fromEntries(Object.entries(mapping ?? {}).map(([h, f]) => [f, h]));
    const match = matchHeaders(dataset, source.headers, userMapping);
    const rows: ImportPreview['rows'] = [];
    const limit = request.limit ?? DEFAULT_PREVIEW_ROWS;
    const scanRows = Math.max(request.scanRows ?? DEFAULT_SCAN_ROWS, limit);
    const scan = unknownValueScanner(dataset, match);
    let rowsScanned = 0;
    if (scanRows > 0) {
      for await (const item of source.items) {
        if (item.kind !== 'record') continue;
        rowsScanned += 1;
        if (rows.length < limit) rows.push({ rowNo: item.rowNo, values: [...item.values] });
        scan(item.values);
        if (rowsScanned >= scanRows) break;
      }
    }
    return {
      format: source.format,
      encoding: source.encoding,
      headers: source.headers,
      rows,
      match,
      template: mappingTemplate(dataset, source.headers),
      columns: await accountImportColumns(services, dataset, match, null, scan.tally.counts()),
      rowsScanned,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'unreadable_file', (error as Error).message);
  } finally {
    await source.close();
  }
}
