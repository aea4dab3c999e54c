/**
 * Reads a generated department file back into header and raw cells, whatever its encoding
 * or format. Used by the tests to check the files as an importer would see them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawValue } from '@qingfeng/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { DemoFile } from './file-writer.js';

export interface ReadFile {
  headers: string[];
  rows: RawValue[][];
}

/** Decodes and parses one file of the manifest. */
export async function readDemoFile(outDir: string, file: DemoFile): Promise<ReadFile> {
  const bytes = await readFile(join(outDir, file.path));
  if (file.format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const all: RawValue[][] = [];
    sheet?.eachRow((row) => {
      const values: RawValue[] = [];
      for (let c = 1; c <= file.columns.length; c++) {
        const v = row.getCell(c).value;
        values.push(
          v instanceof Date
            ? v.toISOString().slice(0, 10)
            : v === null || v === undefined
              ? null
              : typeof v === 'object'
                ? String((v as { text?: string }).text ?? '')
                : v,
        );
      }
      all.push(values);
    });
    return { headers: (all[0] ?? []).map(String), rows: all.slice(1) };
  }
  const text = file.encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8').replace(/^\uFEFF/, '');
  const records: string[][] = parse(text);
  return { headers: records[0] ?? [], rows: records.slice(1) };
}
