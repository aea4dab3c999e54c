import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { testEngines } from '../../../testing/test-databases.js';
import { systemActor } from '../../audit/audit.service.js';
import { importDatasetFile } from './import.service.js';
import { JsonArraySplitter } from '../../sources/json-array-splitter.js';
import { makeIdNumber, withBadCheckDigit } from '../../../testing/test-data.js';

const A = makeIdNumber('19800101', 11);
const B = makeIdNumber('19751231', 33);

describe('JsonArraySplitter', () => {
  it('splits elements across arbitrary chunk boundaries, strings with brackets and escapes included', () => {
    const text = ' [ {"a":"x]},\\"y"}, {"b":[1,{"c":2}]} ,3,"s",null ]\n';
    for (let size = 1; size <= text.length; size++) {
      const splitter = new JsonArraySplitter();
      const out: string[] = [];
      for (let i = 0; i < text.length; i += size) out.push(...splitter.push(text.slice(i, i + size)));
      splitter.end();
      expect(out.map((e) => JSON.parse(e) as unknown)).toEqual([{ a: 'x]},"y' }, { b: [1, { c: 2 }] }, 3, 's', null]);
    }
  });
});

for (const engine of testEngines()) {
  describe(`dataset import formats (${engine})`, () => {
    let platform: TestPlatform;
    let n = 0;
    const file = (name: string) => path.join(platform.dataDir, `${++n}-${name}`);

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
    });
    afterAll(async () => platform?.close());

    async function load(name: string, extra: { sheet?: string } = {}) {
      return importDatasetFile(platform.services, systemActor(), {
        datasetType: 'benefit_payment',
        file: name,
        fileName: path.basename(name),
        ...extra,
      });
    }

    it('imports the second sheet of an XLSX workbook, with Excel date cells and serial numbers', async () => {
      const name = file('payments.xlsx');
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('说明').addRow(['这一页不是数据']);
      const sheet = workbook.addWorksheet('发放明细');
      sheet.addRow(['惠民惠农项目', '身份证号码', '姓名', '行政区划代码', '发放金额', '发放日期']);
      sheet.addRow(['dibao', A, '张三', '330106', 1234.5, new Date(Date.UTC(2024, 2, 5))]);
      sheet.addRow(['dibao', B, '李四', '330106', 100, 45356]);
      sheet.addRow(['dibao', withBadCheckDigit(B), '李四', '330106', 100, 45356]);
      await workbook.xlsx.writeFile(name);
      const { batch } = await load(name, { sheet: '发放明细' });
      expect(batch).toMatchObject({ format: 'xlsx', status: 'loaded', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
      expect(
        await platform.services.lake.query(
          'SELECT _row_no, amount, paid_on FROM ds_benefit_payment WHERE _batch_id = $1 ORDER BY _row_no',
          [batch.id],
        ),
      ).toEqual([
        { _row_no: 2, amount: '1234.50', paid_on: '2024-03-05' },
        { _row_no: 3, amount: '100.00', paid_on: '2024-03-05' },
      ]);
    });

    it('imports a JSON array, reporting elements that are not objects', async () => {
      const name = file('payments.json');
      const rows = [
        { program: 'dibao', id: A, name: '张三', division: '330106', amount: 10, paid_on: '2024-03-05' },
        [1, 2],
        {
          program: 'dibao',
          id: B,
          name: '李四',
          division: '330106',
          amount: '20.5',
          paid_on: '20240305',
          bank: '农商银行',
        },
      ];
      writeFileSync(name, JSON.stringify(rows, null, 2));
      const { batch, reportPath } = await load(name);
      expect(batch).toMatchObject({ format: 'json', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
      expect(reportPath).not.toBeNull();
    });

    it('imports JSON Lines, reporting a malformed line by its line number', async () => {
      const name = file('payments.jsonl');
      const line = (id: string, amount: number) =>
        JSON.stringify({ program: 'dibao', id, name: '张三', division: '330106', amount, paid_on: '2024-03-05' });
      writeFileSync(name, `${line(A, 1)}\n\n{"program": broken\n${line(B, 2)}\n`);
      const { batch } = await load(name);
      expect(batch).toMatchObject({ format: 'jsonl', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
      expect(
        await platform.services.lake.query(
          'SELECT _row_no FROM ds_benefit_payment WHERE _batch_id = $1 ORDER BY _row_no',
          [batch.id],
        ),
      ).toEqual([{ _row_no: 1 }, { _row_no: 4 }]);
    });

    it('reads UTF-8 with BOM', async () => {
      const name = file('bom.csv');
      writeFileSync(name, `\uFEFF项目,身份证号,姓名,区划,金额,发放日期\ndibao,${A},张三,330106,5,2024-03-05\n`);
      const { batch } = await load(name);
      expect(batch).toMatchObject({ format: 'csv', rows_loaded: 1, rows_rejected: 0 });
    });
  });
}
