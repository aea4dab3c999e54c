import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findDataset, matchHeaders } from '@qingfeng/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLake, createTextTable, type TestLake, testDatabaseUrl } from '../../../testing/test-lake.js';
import type { LakeEngine } from '../../../lake/index.js';
import { datasetLayout } from '../../catalogue/lake-layout.js';
import { prepareEngineCsv } from '../../sources/csv-engine.js';
import { cleanedTextSql, duckDbCsvRelation, isBlankRawTextSql, isBlankTextSql, planStage } from './stage-sql.js';
import { BENEFIT_PAYMENT_HEADER, benefitPaymentRow } from '../../../testing/test-data.js';

// Characters around the edge of blankness: the NULL markers' letters in both cases and full
// width, spaces the cleaning turns plain or trims, invisible ones it deletes, and others.
const ALPHABET = [...'nulNUL\\ｎｕｌＮＵＬ＼ \t\u3000\u00a0\u200b\ufeffaZ09张-'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 6 }).map((chars) => chars.join(''));
const COMMON = [
  '',
  ' ',
  'null',
  ' NULL ',
  '\\N',
  '\\n',
  'ｎｕｌｌ',
  '\u3000null\u200b',
  'nul',
  'nulls',
  '张三',
  'P001',
];

const engines: LakeEngine[] = testDatabaseUrl() ? ['duckdb', 'postgres'] : ['duckdb'];

for (const engine of engines) {
  describe(`blank text in SQL (${engine})`, () => {
    let testLake: TestLake;
    beforeAll(async () => {
      testLake = await createTestLake(engine);
    });
    afterAll(async () => testLake?.cleanup());

    it('says what the cleaned text test says, on any text and on NULL', async () => {
      const lake = testLake.lake;
      const inputs: (string | null)[] = [...COMMON, null, ...fc.sample(text, { numRuns: 400, seed: 20261203 })];
      await createTextTable(lake, 'blank_inputs', inputs);
      const rows = await lake.query<{ fast: boolean; full: boolean }>(
        `SELECT ${isBlankRawTextSql(engine, 'src.x')} AS fast, ${isBlankTextSql(engine, cleanedTextSql(engine, 'x'))} AS full ` +
          `FROM blank_inputs src ORDER BY i`,
      );
      const disagreements = inputs.filter((_x, i) => rows[i]?.fast !== rows[i]?.full);
      expect(disagreements).toEqual([]);
      // Both answers occur, so the comparison says something.
      expect(new Set(rows.map((r) => r.full))).toEqual(new Set([true, false]));
    });

    it('isBlankTextSql says what the word test alone says, the length shortcut aside', async () => {
      const lake = testLake.lake;
      // Cleaned texts of every length around four bytes, multi-byte ones included.
      const cleaned = fc.array(fc.constantFrom(...'nulNUL\\张 aé'), { maxLength: 7 }).map((c) => c.join(''));
      const inputs: (string | null)[] = [
        ...COMMON,
        null,
        'NULL',
        'Null',
        ...fc.sample(cleaned, { numRuns: 400, seed: 3 }),
      ];
      await createTextTable(lake, 'cleaned_inputs', inputs);
      const rows = await lake.query<{ fast: boolean; words: boolean }>(
        `SELECT ${isBlankTextSql(engine, 'x')} AS fast, lower(coalesce(x, '')) IN ('', 'null', '\\n') AS words ` +
          `FROM cleaned_inputs ORDER BY i`,
      );
      expect(inputs.filter((_x, i) => rows[i]?.fast !== rows[i]?.words)).toEqual([]);
      expect(new Set(rows.map((r) => r.words))).toEqual(new Set([true, false]));
    });
  });
}

describe('duckDbCsvRelation over a copy in parts', () => {
  it('gives every record its line number in the upload, once, whatever part it is in', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'qf-relation-'));
    const testLake = await createTestLake('duckdb');
    try {
      // A blank line in the middle would be irregular; trailing ones are not, and shift nothing.
      const rows = Array.from({ length: 300 }, (_v, i) => benefitPaymentRow(i).join(','));
      const file = path.join(dir, 'payments.csv');
      await writeFile(file, `${BENEFIT_PAYMENT_HEADER.join(',')}\n${rows.join('\n')}\n\n`);
      // The locked engine reads files only in its import folder.
      const importDir = testLake.lake.importDir ?? dir;
      const copy = await prepareEngineCsv(file, 'utf-8', BENEFIT_PAYMENT_HEADER.length, path.join(importDir, 'c.tmp'), {
        parts: 3,
      });
      expect(copy?.parts.length).toBe(3);
      const dataset = findDataset('benefit_payment');
      if (dataset === undefined || copy === null) throw new Error('no benefit_payment dataset or no copy');
      const plan = planStage(datasetLayout(dataset), matchHeaders(dataset, BENEFIT_PAYMENT_HEADER, {}));
      const relation = duckDbCsvRelation(plan, copy, BENEFIT_PAYMENT_HEADER.length);
      const got = await testLake.lake.query<{ _row_no: number; id: string }>(
        `SELECT src._row_no, src."_r_payment_id" AS id FROM ${relation.from} src ORDER BY src._row_no`,
        [...relation.params],
      );
      // Line 1 is the header; record i is on line i + 2.
      expect(got.map((r) => [Number(r._row_no), r.id])).toEqual(rows.map((_r, i) => [i + 2, benefitPaymentRow(i)[0]]));
      await copy.cleanup();
    } finally {
      await testLake.cleanup();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
