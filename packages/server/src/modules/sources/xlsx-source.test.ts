import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SourceHead, SourceItem } from './record-source.js';
import { readXlsx } from './xlsx-source.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qf-xlsx-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** A two-sheet workbook as exceljs writes it (worksheets, then shared strings, the workbook part last). */
async function workbookBuffer(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRow(['本表为测试']);
  const data = workbook.addWorksheet('数据 & 明细');
  data.addRow(['姓名', '金额']);
  data.addRow(['张三', 300]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same parts re-zipped in `order` (by path; the rest after, in their own order). */
async function reordered(buffer: Buffer, order: readonly string[]): Promise<Buffer> {
  const source = await JSZip.loadAsync(buffer);
  const paths = Object.keys(source.files).filter((p) => !source.files[p]?.dir);
  const sorted = [...order.filter((p) => paths.includes(p)), ...paths.filter((p) => !order.includes(p))];
  const target = new JSZip();
  for (const p of sorted) target.file(p, await (source.file(p) as JSZip.JSZipObject).async('nodebuffer'));
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function readAll(file: string, sheet?: string): Promise<(SourceHead | SourceItem)[]> {
  const out: (SourceHead | SourceItem)[] = [];
  for await (const item of readXlsx(file, sheet)) out.push(item);
  return out;
}

it('reads a sheet by name whatever the order of the parts in the zip', async () => {
  const buffer = await workbookBuffer();
  // Shared strings before the worksheets and the workbook part last: exceljs's streaming
  // reader alone fails on this order ("Cannot read properties of undefined (reading 'sheets')").
  const shapes = [
    [],
    ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'],
  ];
  for (const [i, order] of shapes.entries()) {
    const file = path.join(dir, `order-${i}.xlsx`);
    await writeFile(file, order.length === 0 ? buffer : await reordered(buffer, order));
    const items = await readAll(file, '数据 & 明细');
    expect(items[0]).toEqual({ headers: ['姓名', '金额'], encoding: null });
    expect(items[1]).toMatchObject({ kind: 'record', rowNo: 2, values: ['张三', 300] });
    expect((await readAll(file))[0]).toEqual({ headers: ['本表为测试'], encoding: null });
  }
});

it('says a file that is not a zip is not an XLSX file', async () => {
  const file = path.join(dir, 'not.xlsx');
  await writeFile(file, 'id,name\n1,张三\n');
  await expect(readAll(file)).rejects.toThrow(/not a valid XLSX/);
});

it('reads shared strings as Excel shows them: rich text runs joined, phonetic guides left out', async () => {
  const source = await JSZip.loadAsync(await workbookBuffer());
  // The header row of 数据 & 明细 reads shared strings 1 and 2 (0 is the first sheet's text).
  const strings =
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">' +
    '<si><t>本表为测试</t></si>' +
    '<si><r><rPr><b/></rPr><t>姓</t></r><r><t xml:space="preserve">名 &amp; </t></r><rPh sb="0" eb="1"><t>ㄒㄧㄥˋ</t></rPh></si>' +
    '<si><t>金额&lt;元&gt;</t></si><si><t>张三</t></si></sst>';
  source.file('xl/sharedStrings.xml', strings);
  const file = path.join(dir, 'rich.xlsx');
  await writeFile(file, await source.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const items = await readAll(file, '数据 & 明细');
  expect(items[0]).toEqual({ headers: ['姓名 &', '金额<元>'], encoding: null });
  expect(items[1]).toMatchObject({ values: ['张三', 300] });
});
