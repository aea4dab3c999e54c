import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareEngineCsv } from './csv-engine.js';
import { openRecordSource } from './open-source.js';
import { type ReadLimits, ReadLimitError, excerpt } from './read-limits.js';

// Small limits keep the files small; the defaults are the same code with larger numbers.
const LIMITS: ReadLimits = { maxRecordBytes: 4096, maxHeaderBytes: 1024 };
const MiB = 1 << 20;

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qf-limits-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function fileOf(content: string | Buffer, extension = 'csv'): Promise<string> {
  n += 1;
  const file = path.join(dir, `${n}.${extension}`);
  await writeFile(file, content);
  return file;
}

/** Reads a file to the end as an import would, returning the error it stops with and the bytes it read. */
async function readToEnd(file: string, limits = LIMITS): Promise<{ error: unknown; bytesRead: number; items: number }> {
  let bytesRead = 0;
  let items = 0;
  try {
    const source = await openRecordSource(file, { limits, onBytes: (total) => (bytesRead = total) });
    for await (const _item of source.items) items += 1;
    return { error: undefined, bytesRead, items };
  } catch (error) {
    return { error, bytesRead, items };
  }
}

function expectRefusal(error: unknown, code: 'record_too_long' | 'header_too_long'): ReadLimitError {
  expect(error).toBeInstanceOf(ReadLimitError);
  const refusal = error as ReadLimitError;
  expect(refusal).toMatchObject({ status: 400, code, field: 'file' });
  // Two languages, each quoting at most 200 characters of the file.
  expect(refusal.message.length).toBeLessThan(800);
  return refusal;
}

describe('read limits', () => {
  it('refuses a CSV line without a line feed after reading about one limit of it, not the whole file', async () => {
    const file = await fileOf(`a,b\n1,${'x'.repeat(8 * MiB)}`);
    const { error, bytesRead } = await readToEnd(file);
    expect(expectRefusal(error, 'record_too_long').place).toEqual({ line: 2 });
    expect(bytesRead).toBeLessThan(MiB);
  });

  it('holds the header line to its own, smaller limit', async () => {
    const file = await fileOf(`${'h,'.repeat(1000)}h\n1\n`);
    expectRefusal((await readToEnd(file)).error, 'header_too_long');
  });

  it('refuses a quoted CSV field that runs on over many short lines', async () => {
    const file = await fileOf(`a,b\n1,"${'x\n'.repeat(5000)}"\n`);
    expectRefusal((await readToEnd(file)).error, 'record_too_long');
  });

  it('quotes the start of an overlong GBK line decoded, as the clerk wrote it', async () => {
    const file = await fileOf(iconv.encode(`姓名,金额\n张三,${'壹'.repeat(5000)}\n`, 'gb18030'));
    const refusal = expectRefusal((await readToEnd(file)).error, 'record_too_long');
    expect(refusal.message).toContain('张三,壹壹');
  });

  it('refuses an overlong line in the engine copy, numbered in the upload, whichever part holds it', async () => {
    const lines = ['a,b', ...Array.from({ length: 3000 }, (_, i) => `${i},x`)];
    lines[2500] = `2500,${'y'.repeat(10_000)}`;
    const file = await fileOf(`${lines.join('\n')}\n`);
    const copy = prepareEngineCsv(file, 'utf-8', 2, path.join(dir, `copy-${n}.numbered.csv.tmp`), {
      parts: 2,
      limits: LIMITS,
    });
    const refusal = expectRefusal(
      await copy.then(
        () => undefined,
        (e: unknown) => e,
      ),
      'record_too_long',
    );
    expect(refusal.place).toEqual({ line: 2501 });
  });

  it('refuses one endless element of a JSON array, and one nested too deeply', async () => {
    const endless = await fileOf(`[{"a":"${'x'.repeat(MiB)}`, 'json');
    const { error, bytesRead } = await readToEnd(endless);
    expect(expectRefusal(error, 'record_too_long').place).toEqual({ element: 1 });
    expect(bytesRead).toBeLessThan(MiB);
    const deep = await fileOf(`[{"a":${'['.repeat(1000)}${']'.repeat(1000)}}]`, 'json');
    expect(String((await readToEnd(deep)).error)).toContain('nested deeper than 64 levels');
  });

  it('refuses an overlong JSON Lines line, and reports a line nested too deeply to keep', async () => {
    const endless = await fileOf(`{"a":1}\n{"a":"${'x'.repeat(MiB)}"}\n`, 'jsonl');
    expect(expectRefusal((await readToEnd(endless)).error, 'record_too_long').place).toEqual({ line: 2 });
    const depth = 200_000;
    const deep = await fileOf(`{"a":1}\n{"a":${'['.repeat(depth)}${']'.repeat(depth)}}\n`, 'jsonl');
    const source = await openRecordSource(deep, { format: 'jsonl' });
    const items = [];
    for await (const item of source.items) items.push(item);
    expect(items[1]).toMatchObject({
      kind: 'problem',
      rowNo: 2,
      reason: { en: 'a value of the record is nested too deeply' },
    });
  });

  it('refuses a JSON header (the keys of the first records) longer than the header limit', async () => {
    const keys = Array.from({ length: 100 }, (_, i) => `"key_${i}_kkkk":1`).join(',');
    const file = await fileOf(`{${keys}}\n`, 'jsonl');
    expectRefusal((await readToEnd(file)).error, 'header_too_long');
  });

  async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
    const book = new ExcelJS.Workbook();
    fill(book.addWorksheet('数据'));
    return fileOf(Buffer.from(await book.xlsx.writeBuffer()), 'xlsx');
  }

  it('refuses an XLSX cell or shared string longer than a record, before exceljs reads it', async () => {
    const shared = await workbook((sheet) => {
      sheet.addRow(['姓名', '备注']);
      sheet.addRow(['张三', 'z'.repeat(10_000)]);
    });
    expectRefusal((await readToEnd(shared)).error, 'record_too_long');
    const number = await workbook((sheet) => {
      sheet.addRow(['金额']);
      sheet.addRow([{ formula: `1+${'1'.repeat(10_000)}`, result: 1 }]);
    });
    expectRefusal((await readToEnd(number)).error, 'record_too_long');
  });

  it('refuses an XLSX row of many short cells longer than four records of markup', async () => {
    const file = await workbook((sheet) => {
      sheet.addRow(['a']);
      sheet.addRow(Array.from({ length: 2000 }, (_, i) => i));
    });
    expectRefusal((await readToEnd(file)).error, 'record_too_long');
  });

  it('reads files within the limits as before', async () => {
    const csv = await fileOf(`a,b\n1,${'x'.repeat(4000)}\n2,y\n`);
    expect(await readToEnd(csv)).toMatchObject({ error: undefined, items: 2 });
    const xlsx = await workbook((sheet) => {
      sheet.addRow(['姓名', '金额']);
      for (let i = 0; i < 50; i++) sheet.addRow(['张三'.repeat(100), i]);
    });
    expect(await readToEnd(xlsx)).toMatchObject({ error: undefined, items: 50 });
  });

  it('quotes at most 200 characters, never half a character', () => {
    expect(excerpt('x'.repeat(5000))).toHaveLength(201);
    const emoji = `${'x'.repeat(199)}😀tail`;
    expect(excerpt(emoji)).toBe(`${'x'.repeat(199)}…`);
  });
});
