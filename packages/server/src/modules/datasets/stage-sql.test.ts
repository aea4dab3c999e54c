import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLake, type TestLake, testDatabaseUrl } from '../../lake/testing.js';
import type { LakeEngine } from '../../lake/index.js';
import { cleanedTextSql, isBlankRawTextSql, isBlankTextSql } from './stage-sql.js';

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
  describe(`isBlankRawTextSql (${engine})`, () => {
    let testLake: TestLake;
    beforeAll(async () => {
      testLake = await createTestLake(engine);
    });
    afterAll(async () => testLake?.cleanup());

    it('says what the cleaned text test says, on any text and on NULL', async () => {
      const lake = testLake.lake;
      const inputs: (string | null)[] = [...COMMON, null, ...fc.sample(text, { numRuns: 400, seed: 20261203 })];
      await lake.createTable({
        name: 'blank_inputs',
        columns: [
          { name: 'i', type: 'integer' },
          { name: 'x', type: 'text' },
        ],
      });
      await lake.appendRows(
        'blank_inputs',
        ['i', 'x'],
        inputs.map((x, i) => [i, x]),
      );
      const rows = await lake.query<{ fast: boolean; full: boolean }>(
        `SELECT ${isBlankRawTextSql(engine, 'src.x')} AS fast, ${isBlankTextSql(engine, cleanedTextSql(engine, 'x'))} AS full ` +
          `FROM blank_inputs src ORDER BY i`,
      );
      const disagreements = inputs.filter((_x, i) => rows[i]?.fast !== rows[i]?.full);
      expect(disagreements).toEqual([]);
      // Both answers occur, so the comparison says something.
      expect(new Set(rows.map((r) => r.full))).toEqual(new Set([true, false]));
    });
  });
}
