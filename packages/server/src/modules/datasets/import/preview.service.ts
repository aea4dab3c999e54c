import {
  type ColumnAccounting,
  type HeaderMatch,
  type MappingTemplate,
  type RawValue,
  mappingTemplate,
  matchHeaders,
} from '@qingfeng/core';
import type { ImportFormat } from '../../../db/schema.js';
import { AppError } from '../../../http/errors.js';
import { type HeaderMapping, findTemplateMapping, requireDataset } from '../../catalogue/index.js';
import type { DatasetServices } from '../batches/batch-events.js';
import { openRecordSource } from '../../sources/index.js';
import { accountImportColumns } from './column-accounting.js';

/** What the console's mapping screen shows before an import. */
export interface ImportPreview {
  format: ImportFormat;
  encoding: string | null;
  headers: readonly string[];
  /** The first records as read, cells aligned with `headers`. */
  rows: { rowNo: number; values: RawValue[] }[];
  match: HeaderMatch;
  template: MappingTemplate;
  /** The columns that would feed no field (with suggestions), fields left empty, models left blind. */
  columns: ColumnAccounting;
}

const DEFAULT_PREVIEW_ROWS = 20;

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
    departmentCode?: string | null;
    limit?: number;
  },
): Promise<ImportPreview> {
  const db = services.database.db;
  const dataset = await requireDataset(services.database.db, request.datasetType);
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
    const rows: ImportPreview['rows'] = [];
    const limit = request.limit ?? DEFAULT_PREVIEW_ROWS;
    if (limit > 0) {
      for await (const item of source.items) {
        if (item.kind === 'record') rows.push({ rowNo: item.rowNo, values: [...item.values] });
        if (rows.length >= limit) break;
      }
    }
    const match = matchHeaders(dataset, source.headers, userMapping);
    return {
      format: source.format,
      encoding: source.encoding,
      headers: source.headers,
      rows,
      match,
      template: mappingTemplate(dataset, source.headers),
      columns: await accountImportColumns(services, dataset, match, null),
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'unreadable_file', (error as Error).message);
  } finally {
    await source.close();
  }
}
