import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type FieldDef, findDataset, normaliseCell } from '@qingfeng/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/audit.service.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { testEngines } from '../../../testing/test-databases.js';
import { makeIdNumber, withBadCheckDigit } from '../../../testing/test-data.js';
import { readRejectedRows } from './records-import.js';
import { importDatasetFile } from './import.service.js';
import { getBatchQuality } from '../quality/dataset-quality.service.js';

/*
 * An optional field loses a value, never the row: on both engines and both staging paths (the
 * engine reading a CSV itself, the JavaScript readers filling a table), the rows loaded, the
 * values they hold and the report's lines are exactly what core's TypeScript reference
 * (normaliseCell, cell by cell) says, whichever path the SQL forms sent each row down.
 */

const person = findDataset('person')!;
const fieldOf = (key: string): FieldDef => person.fields.find((f) => f.key === key)!;
const OPTIONAL = ['gender', 'birth_date', 'phone', 'status', 'household_role'] as const;
const HEADER = ['id', 'name', 'division', ...OPTIONAL];

const cellsOf = {
  gender: ['男', '女', '1', '', '男士', '不详', 'M?'],
  birth_date: ['1980-01-02', '1980/13/01', '', '19800230', 'abc', '1980年1月2日'],
  phone: ['13812345678', '123', '', '138-1234-5678', 'none'],
  status: ['正常', '在册', '', '停用', '已故', 'null'],
  household_role: ['户主', '子', '侄子', '', '本人', '表亲'],
} as const;

const rowArb = fc.record({
  badId: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  gender: fc.constantFrom(...cellsOf.gender),
  birth_date: fc.constantFrom(...cellsOf.birth_date),
  phone: fc.constantFrom(...cellsOf.phone),
  status: fc.constantFrom(...cellsOf.status),
  household_role: fc.constantFrom(...cellsOf.household_role),
});
type Row = { badId: boolean } & Record<(typeof OPTIONAL)[number], string>;

function cells(row: Row, i: number): string[] {
  const id = makeIdNumber('19800101', i + 1);
  return [row.badId ? withBadCheckDigit(id) : id, `n${i}`, '330106', ...OPTIONAL.map((k) => row[k])];
}

/** What the reference says of each row: refused, or loaded with these values and these kept fields. */
function expected(rows: readonly Row[]) {
  return rows.map((row, i) => {
    const [id] = cells(row, i);
    const refused = normaliseCell(fieldOf('id'), id).outcome === 'rejected';
    const values: Record<string, unknown> = {};
    const kept: string[] = [];
    for (const key of OPTIONAL) {
      const cell = normaliseCell(fieldOf(key), row[key]);
      if (cell.outcome === 'value') values[key] = cell.value;
      else {
        values[key] = null;
        kept.push(key);
      }
    }
    return { refused, values, kept };
  });
}

function csvOf(rows: readonly Row[]): string {
  return [HEADER, ...rows.map(cells)].map((r) => r.join(',')).join('\n') + '\n';
}

function jsonlOf(rows: readonly Row[]): string {
  return (
    rows.map((row, i) => JSON.stringify(Object.fromEntries(HEADER.map((h, k) => [h, cells(row, i)[k]])))).join('\n') +
    '\n'
  );
}

for (const engine of testEngines()) {
  describe(`cells kept without value (${engine})`, () => {
    let platform: TestPlatform;
    let n = 0;
    const actor = systemActor();

    function writeFile(name: string, content: string): string {
      n += 1;
      const file = path.join(platform.dataDir, `${n}-${name}`);
      writeFileSync(file, content);
      return file;
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
    });
    afterAll(async () => platform?.close());

    it('loads a row whose optional code is unknown with the field empty, lists the cell as kept, counts it per field', async () => {
      const id = makeIdNumber('19700101', 3);
      const file = writeFile(
        'death.csv',
        [
          '身份证号,姓名,死亡日期,信息来源',
          `${id},张三,2024-01-05,派出所户籍注销登记`,
          `${makeIdNumber('19700101', 4)},李四,2024-01-06,民政局`,
          `${makeIdNumber('19700101', 5)},王五,2024-13-40,派出所户籍注销登记`,
        ].join('\n') + '\n',
      );
      const outcome = await importDatasetFile(platform.services, actor, {
        datasetType: 'death',
        file,
        fileName: 'death.csv',
      });
      expect(outcome.batch).toMatchObject({ rows_read: 3, rows_loaded: 2, rows_rejected: 1, cells_kept: 1 });
      expect(outcome.batch.kept_by_field).toEqual({ source: 1 });
      const loaded = await platform.services.lake.query<{ _row_no: number; source: string | null }>(
        'SELECT _row_no, source FROM ds_death WHERE _batch_id = $1 ORDER BY _row_no',
        [outcome.batch.id],
      );
      expect(loaded.map((r) => [Number(r._row_no), r.source])).toEqual([
        [2, null],
        [3, 'civil_affairs'],
      ]);
      const { rows } = await readRejectedRows(outcome.reportPath, 10);
      expect(rows.map((r) => [r.row, r.field, r.value, r.kept])).toEqual(
        expect.arrayContaining([
          [2, 'source', '派出所户籍注销登记', true],
          [4, 'death_date', '2024-13-40', false],
        ]),
      );
      // The rejected row's optional cell is listed too (its row was refused, so not as kept).
      expect(rows.find((r) => r.row === 4 && r.field === 'source')?.kept).toBe(false);
      const report = await readFile(outcome.reportPath as string, 'utf8');
      expect(report).toContain('kept without value');
      // The quality report counts the kept cell under its field, and the refused row under its own.
      const quality = await getBatchQuality(platform.services, { jurisdictionPrefix: '' }, outcome.batch.id, true);
      expect(quality.batches).toMatchObject({ rowsRejected: 1, cellsKept: 1 });
      expect(quality.fields.find((f) => f.key === 'source')?.keptWithoutValue).toBe(1);
      expect(quality.fields.find((f) => f.key === 'death_date')?.keptWithoutValue).toBe(0);
      // The unknown value comes back with the code it contains, for a person to map.
      expect(outcome.columns.unknownValues).toEqual([
        expect.objectContaining({
          field: 'source',
          value: '派出所户籍注销登记',
          count: 2,
          suggestions: [expect.objectContaining({ code: 'public_security', how: 'contains' })],
        }),
      ]);
    });

    it('keeps an optional identifier it cannot read (a subject field) without refusing the row', async () => {
      const file = writeFile(
        'roll.csv',
        [
          'program,id,name,division,start_date,approver_id,end_date',
          `dibao,${makeIdNumber('19600101', 1)},甲,330106,2024-01-01,${withBadCheckDigit(makeIdNumber('19700101', 9))},2024-99-01`,
          `dibao,${makeIdNumber('19600101', 2)},乙,330106,2024-01-01,${makeIdNumber('19700101', 9)},`,
        ].join('\n') + '\n',
      );
      const outcome = await importDatasetFile(platform.services, actor, {
        datasetType: 'benefit_roll',
        file,
        fileName: 'roll.csv',
      });
      expect(outcome.batch).toMatchObject({ rows_loaded: 2, rows_rejected: 0, cells_kept: 2 });
      expect(outcome.batch.kept_by_field).toEqual({ approver_id: 1, end_date: 1 });
      // An identity number lives only as its subject key (and what it says of its holder).
      const loaded = await platform.services.lake.query<{ sk: unknown; birth: unknown }>(
        'SELECT approver_id_sk AS sk, approver_id_birth_date AS birth FROM ds_benefit_roll WHERE _batch_id = $1 ORDER BY _row_no',
        [outcome.batch.id],
      );
      expect(loaded[0]).toEqual({ sk: null, birth: null });
      expect(loaded[1]?.sk).not.toBeNull();
    });

    it('refuses value mappings that redefine a word of the standard, and reads the ones that add words', async () => {
      const content =
        ['身份证号,姓名,死亡日期,信息来源', `${makeIdNumber('19500101', 1)},赵六,2024-02-01,派出所`].join('\n') + '\n';
      await expect(
        importDatasetFile(platform.services, actor, {
          datasetType: 'death',
          file: writeFile('d.csv', content),
          fileName: 'd.csv',
          valueMappings: { source: { 医院: 'public_security' } },
        }),
      ).rejects.toMatchObject({ status: 400, code: 'value_mapping_refused' });
      const outcome = await importDatasetFile(platform.services, actor, {
        datasetType: 'death',
        file: writeFile('d.csv', content),
        fileName: 'd.csv',
        valueMappings: { source: { 派出所: 'public_security' } },
      });
      expect(outcome.batch).toMatchObject({ rows_loaded: 1, cells_kept: 0 });
      expect(outcome.columns.unknownValues).toEqual([]);
      const [row] = await platform.services.lake.query<{ source: string }>(
        'SELECT source FROM ds_death WHERE _batch_id = $1',
        [outcome.batch.id],
      );
      expect(row?.source).toBe('public_security');
    });

    for (const format of ['csv', 'jsonl'] as const) {
      it(`agrees with the TypeScript reference on random rows, cell by cell (${format})`, async () => {
        const rows: Row[] = fc.sample(rowArb, { numRuns: 80, seed: format === 'csv' ? 1211 : 1212 });
        const want = expected(rows);
        // Every outcome occurs, so the comparison says something.
        expect(want.some((w) => w.refused) && want.some((w) => w.kept.length > 0)).toBe(true);
        const file = writeFile(`people.${format}`, format === 'csv' ? csvOf(rows) : jsonlOf(rows));
        const outcome = await importDatasetFile(platform.services, actor, {
          datasetType: 'person',
          file,
          fileName: `people.${format}`,
          force: true,
        });
        const firstRow = format === 'csv' ? 2 : 1;
        const loaded = await platform.services.lake.query<Record<string, unknown>>(
          `SELECT _row_no, ${OPTIONAL.join(', ')} FROM ds_person WHERE _batch_id = $1 ORDER BY _row_no`,
          [outcome.batch.id],
        );
        const got = loaded.map((r) => ({
          row: Number(r._row_no),
          values: Object.fromEntries(OPTIONAL.map((k) => [k, r[k] instanceof Date ? r[k] : (r[k] ?? null)])),
        }));
        const wanted = want.flatMap((w, i) => (w.refused ? [] : [{ row: i + firstRow, values: w.values }]));
        expect(got).toEqual(wanted);
        const { rows: report } = await readRejectedRows(outcome.reportPath, 100_000);
        const keptLines = report.filter((r) => r.kept).map((r) => `${r.row} ${r.field}`);
        const wantedKept = want.flatMap((w, i) => (w.refused ? [] : w.kept.map((k) => `${i + firstRow} ${k}`)));
        expect(keptLines.sort()).toEqual(wantedKept.sort());
        const refusedRows = new Set(report.filter((r) => !r.kept).map((r) => r.row));
        expect([...refusedRows].sort()).toEqual(want.flatMap((w, i) => (w.refused ? [i + firstRow] : [])).sort());
        expect(outcome.batch.cells_kept).toBe(wantedKept.length);
      });
    }
  });
}
