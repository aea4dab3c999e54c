import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { usccCheckCharacter } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/audit.service.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { testEngines } from '../../../testing/test-databases.js';
import { importDatasetFile } from './import.service.js';
import { previewDatasetFile } from './preview.service.js';

const uscc = (seq: number) => {
  const body = `91330106${String(seq).padStart(9, '0')}`;
  return body + usccCheckCharacter(body);
};

// Every tender field has a column, except that the division's is worded "建设地点" (no
// synonym), the award date's is empty in every row, and "序号" names no field at all.
const HEADER =
  '序号,项目编号,项目名称,采购人统一社会信用代码,采购人,采购方式,采购类别,预算金额,公告发布日期,投标截止时间,中标日期,中标人统一社会信用代码,中标人,中标金额,投标人数量,建设地点';
const tenderRow = (i: number) =>
  `${i},T-${i},道路工程${i},${uscc(i)},某局,公开招标,工程,100000,2024-03-01,2024-03-20 09:00,,${uscc(100 + i)},某公司,90000,3,330106`;
const TENDERS = `${[HEADER, tenderRow(1), tenderRow(2)].join('\n')}\n`;

for (const engine of testEngines()) {
  describe(`every file column accounted for (${engine})`, () => {
    let platform: TestPlatform;
    let n = 0;
    const writeFile = (content: string): string => {
      n += 1;
      const file = path.join(platform.dataDir, `${n}-tenders.csv`);
      writeFileSync(file, content);
      return file;
    };
    const importTenders = (content: string, mapping?: Record<string, string>) =>
      importDatasetFile(platform.services, systemActor(), {
        datasetType: 'tender',
        file: writeFile(content),
        fileName: 'tenders.csv',
        force: true,
        runModels: false,
        ...(mapping ? { mapping } : {}),
      });

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
    });
    afterAll(async () => platform?.close());

    it('reports the columns that fed no field, each with the fields it might feed', async () => {
      const { columns } = await importTenders(TENDERS);
      expect(columns).toMatchObject({ dataset: 'tender', columns: 16, matchedColumns: 14 });
      expect(columns.unusedColumns.map((c) => [c.header, c.suggestions.map((s) => s.field)])).toEqual([
        ['序号', []],
        ['建设地点', ['division']],
      ]);
    });

    it('reports the fields no column feeds and those empty in every row of the batch', async () => {
      const { columns } = await importTenders(TENDERS);
      expect(columns.emptyFields.map((f) => [f.field, f.reason, f.header])).toEqual([
        ['award_date', 'all_empty', '中标日期'],
        ['division', 'no_column', null],
      ]);
    });

    it('names the enabled models an empty field leaves blind, and forgets a disabled one', async () => {
      const { columns } = await importTenders(TENDERS);
      // PR01 and PR08 read the award date; no built-in model reads a tender's division.
      expect(columns.blindModels).toEqual([
        expect.objectContaining({ id: 'PR01', fields: ['award_date'] }),
        expect.objectContaining({ id: 'PR08', fields: ['award_date'] }),
      ]);
      expect(columns.blindModels[0]?.name.zh).not.toBe('');
      await platform.services.database.db
        .updateTable('models')
        .set({ enabled: false })
        .where('id', '=', 'PR08')
        .execute();
      try {
        const again = await importTenders(TENDERS);
        expect(again.columns.blindModels.map((m) => m.id)).toEqual(['PR01']);
      } finally {
        await platform.services.database.db
          .updateTable('models')
          .set({ enabled: true })
          .where('id', '=', 'PR08')
          .execute();
      }
    });

    it('accounts for nothing left once a person maps the suggested column', async () => {
      const { columns, batch } = await importTenders(TENDERS, { 建设地点: 'division' });
      expect(batch.rows_rejected).toBe(0);
      expect(columns.unusedColumns.map((c) => c.header)).toEqual(['序号']);
      expect(columns.emptyFields.map((f) => f.field)).toEqual(['award_date']);
    });

    it('shows the same accounting in the preview, before anything is imported', async () => {
      const preview = await previewDatasetFile(platform.services, { datasetType: 'tender', file: writeFile(TENDERS) });
      expect(preview.columns.unusedColumns.find((c) => c.header === '建设地点')?.suggestions[0]).toMatchObject({
        field: 'division',
        label: { zh: '行政区划', en: 'Administrative division' },
      });
      // Before the import only a field without a column is known to be empty.
      expect(preview.columns.emptyFields.map((f) => [f.field, f.reason])).toEqual([['division', 'no_column']]);
      expect(preview.columns.blindModels).toEqual([]);
    });
  });
}
