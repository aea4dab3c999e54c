import { createReadStream } from 'node:fs';
import type { RawValue } from '@qingfeng/core';
import type ExcelJS from 'exceljs';
import { ByteCounter } from './byte-counter.js';
import { DEFAULT_READ_LIMITS, type ReadLimits, ReadLimitError } from './read-limits.js';
import { alignCells, type SourceHead, type SourceItem } from './record-source.js';
import { readWorkbookDirectory } from './xlsx-directory.js';

/** Formats the wall-clock time exceljs gives for a date cell (it encodes local time as UTC). */
function dateCellText(date: Date): string {
  const iso = date.toISOString();
  const midnight = iso.endsWith('T00:00:00.000Z');
  return midnight ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** A cell as the normalisers take it: formulas give their result, rich text its plain text. */
export function cellValue(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateCellText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellValue(value.result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
    // Any other cell object (a hyperlink without text, a shared formula) is kept as JSON so
    // the rejected-row report shows what was there rather than "[object Object]".
    return JSON.stringify(value);
  }
  return null;
}

/**
 * Reads one worksheet of an XLSX workbook with exceljs's streaming reader: the first sheet,
 * or the one named. The first row is the header; row numbers are the sheet's own. Shared
 * strings are cached by exceljs (the format puts them before the sheets), so memory grows
 * with the number of distinct strings, not with the number of rows. Every cell, shared
 * string and row is first held to the limits (xlsx-directory.ts), the header to its own.
 */
export async function* readXlsx(
  file: string,
  sheet: string | undefined,
  onBytes?: (total: number) => void,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<SourceHead | SourceItem, void, undefined> {
  // Loaded on the first XLSX rather than at start: exceljs and its dependencies hold ~25 MB
  // that an instance importing CSV and JSON would carry for nothing.
  const { default: excel } = await import('exceljs');
  const directory = await readWorkbookDirectory(file, limits);
  const input = createReadStream(file).pipe(new ByteCounter(onBytes));
  const workbook = new excel.stream.xlsx.WorkbookReader(input, {
    // Shared strings already read through the directory are not parsed a second time.
    sharedStrings: directory?.sharedStrings ? 'ignore' : 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // Known before the stream starts, so a worksheet is named whatever the order of the parts.
  if (directory !== undefined)
    Object.assign(workbook, {
      model: { sheets: directory.sheets },
      workbookRels: directory.rels,
      ...(directory.sharedStrings ? { sharedStrings: directory.sharedStrings } : {}),
    });
  const seen: string[] = [];
  try {
    for await (const worksheet of workbook) {
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      if (sheet !== undefined && name !== sheet) {
        // The zip entry must be drained before the next sheet can be read.
        for await (const _row of worksheet) void _row;
        continue;
      }
      let headers: string[] | undefined;
      for await (const row of worksheet) {
        // row.values is 1-based and sparse: index 0 is always empty.
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellValue(v));
        if (headers === undefined) {
          headers = cells.map((c) => (c === null ? '' : String(c).trim()));
          if (Buffer.byteLength(headers.join(',')) > limits.maxHeaderBytes) {
            throw new ReadLimitError('header', limits.maxHeaderBytes, { line: row.number }, headers.join(','));
          }
          yield { headers, encoding: null };
          continue;
        }
        if (cells.every((c) => c === null || String(c).trim() === '')) continue;
        const { values, extraCells } = alignCells(headers.length, cells);
        yield { kind: 'record', rowNo: row.number, values, extraCells };
      }
      if (headers === undefined) yield { headers: [], encoding: null };
      return;
    }
    throw new Error(
      sheet === undefined
        ? '工作簿中没有工作表 / the workbook has no worksheet'
        : `工作簿中没有名为「${sheet}」的工作表（有：${seen.join('、')}）/ no worksheet named "${sheet}" (found: ${seen.join(', ')})`,
    );
  } finally {
    input.destroy();
  }
}
