import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type DatasetType, type FieldDef, listDatasets, usccCheckCharacter } from '@qingfeng/core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { systemActor } from '../../audit/audit.service.js';
import { importDatasetFile } from './import.service.js';
import { makeIdNumber } from '../../../testing/test-data.js';

const USCC_BODY = '91330106000000000';
const USCC = `${USCC_BODY}${usccCheckCharacter(USCC_BODY)}`;

/** One valid raw value for a field, in the form a department would write it. */
function sampleValue(field: FieldDef): string {
  switch (field.type) {
    case 'id':
    case 'subject':
      return makeIdNumber('19800101', 7);
    case 'uscc':
      return USCC;
    case 'division':
      return '330106001001';
    case 'date':
      return '2024-03-05';
    case 'datetime':
      return '2024-03-05 08:30';
    case 'month':
      return '2024-03';
    case 'money':
      return '1,234.50';
    case 'bool':
      return '是';
    case 'enum':
      return field.values[0]?.label.zh ?? '';
    case 'phone':
      return '13812345678';
    case 'account':
      return '6222020200112233';
    case 'int':
      return '3';
    case 'decimal':
      return '1.5';
    case 'lat':
      return '30.25';
    case 'lon':
      return '120.15';
    case 'text':
      return '测试';
  }
}

type Format = 'utf8-csv' | 'gbk-csv' | 'xlsx' | 'json';
const FORMATS: Format[] = ['utf8-csv', 'gbk-csv', 'xlsx', 'json'];

function csvText(dataset: DatasetType): string {
  const header = dataset.fields.map((f) => f.label.zh).join(',');
  const row = dataset.fields.map((f) => `"${sampleValue(f)}"`).join(',');
  return `${header}\n${row}\n`;
}

async function writeSample(dir: string, dataset: DatasetType, format: Format): Promise<string> {
  const base = path.join(dir, `${dataset.key}-${format}`);
  switch (format) {
    case 'utf8-csv':
      writeFileSync(`${base}.csv`, csvText(dataset));
      return `${base}.csv`;
    case 'gbk-csv':
      writeFileSync(`${base}.csv`, iconv.encode(csvText(dataset), 'gbk'));
      return `${base}.csv`;
    case 'json':
      writeFileSync(
        `${base}.json`,
        JSON.stringify([Object.fromEntries(dataset.fields.map((f) => [f.key, sampleValue(f)]))]),
      );
      return `${base}.json`;
    case 'xlsx': {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('数据');
      sheet.addRow(dataset.fields.map((f) => f.label.zh));
      sheet.addRow(dataset.fields.map((f) => sampleValue(f)));
      await workbook.xlsx.writeFile(`${base}.xlsx`);
      return `${base}.xlsx`;
    }
  }
}

describe.each(testEngines())('every dataset type of the standard imports in every format (%s)', (engine) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform(engine);
  });
  afterAll(async () => platform?.close());

  // Reading a file does not depend on the store: the embedded platform imports each type in
  // all four formats; on PostgreSQL each type comes in one of them, in turn, so every format
  // and every type still reach that store while the slowest file of the suite does a third of the work.
  const formatsOf = (index: number): Format[] =>
    engine === 'pglite' ? FORMATS : [FORMATS[index % FORMATS.length] as Format];

  it.each(listDatasets().map((d, index) => [d.key, d, index] as const))('%s', async (_key, dataset, index) => {
    for (const format of formatsOf(index)) {
      const file = await writeSample(platform.dataDir, dataset, format);
      const { batch } = await importDatasetFile(platform.services, systemActor('test'), {
        datasetType: dataset.key,
        file,
        fileName: path.basename(file),
        runModels: false,
      });
      expect({ format, loaded: batch.rows_loaded, rejected: batch.rows_rejected }).toEqual({
        format,
        loaded: 1,
        rejected: 0,
      });
    }
  });
});
