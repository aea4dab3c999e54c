import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/audit.service.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { testEngines } from '../../../testing/test-databases.js';
import { getBatch, rollbackBatch } from '../batches/datasets.service.js';
import { MappingRefusedError } from './import-pipeline.js';
import { importDatasetFile } from './import.service.js';
import { makeIdNumber, withBadCheckDigit } from '../../../testing/test-data.js';

const ALICE = makeIdNumber('19800101', 11);
const BOB = makeIdNumber('19751231', 34);
const CAROL = makeIdNumber('19620704', 57);

function csv(rows: string[][]): string {
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

for (const engine of testEngines()) {
  describe(`dataset imports (${engine})`, () => {
    let platform: TestPlatform;
    let n = 0;
    const actor = systemActor();

    function writeFile(name: string, content: string | Buffer): string {
      n += 1;
      const file = path.join(platform.dataDir, `${n}-${name}`);
      writeFileSync(file, content);
      return file;
    }

    async function rows(sql: string, params: unknown[] = []) {
      return platform.services.lake.query(sql, params);
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
    });
    afterAll(async () => platform?.close());

    it('loads good rows of a UTF-8 benefit_payment CSV and reports each bad one with row, column, value and reason', async () => {
      const file = writeFile(
        'payments.csv',
        csv([
          ['payment_id', 'program', 'id', 'name', 'division', 'amount', 'paid_on', 'period'],
          ['1', 'dibao', ALICE, '张三', '330106', '"1,234.50元"', '2024/3/5', '2024-03'],
          ['2', 'dibao', withBadCheckDigit(BOB), '李四', '330106', '100', '2024-03-05', '202403'],
          ['3', 'dibao', CAROL, '王五', '330106', '100', '2023-02-29', '2024-03'],
          ['4', 'dibao', CAROL, '王五', '330106', '一百元', '2024-03-05', '2024-03'],
          ['5', '特困人员供养', CAROL.toLowerCase(), '王五', '330106001', '0.12万元', '20240305', '2024年3月'],
        ]),
      );
      const { batch, reportPath } = await importDatasetFile(platform.services, actor, {
        datasetType: 'benefit_payment',
        file,
        fileName: 'payments.csv',
      });
      expect(batch).toMatchObject({ status: 'loaded', format: 'csv', rows_read: 5, rows_loaded: 2, rows_rejected: 3 });
      const loaded = await rows(
        'SELECT _row_no, amount, paid_on, program, period, division, id_sex, id_birth_date FROM ds_benefit_payment WHERE _batch_id = $1 ORDER BY _row_no',
        [batch.id],
      );
      expect(loaded).toEqual([
        {
          _row_no: 2,
          amount: '1234.50',
          paid_on: '2024-03-05',
          program: 'dibao',
          period: '2024-03',
          division: '330106000000',
          id_sex: 'male',
          id_birth_date: '1980-01-01',
        },
        {
          _row_no: 6,
          amount: '1200.00',
          paid_on: '2024-03-05',
          program: 'tekun',
          period: '2024-03',
          division: '330106001000',
          id_sex: 'male',
          id_birth_date: '1962-07-04',
        },
      ]);
      const report = await readFile(reportPath as string, 'utf8');
      const lines = report
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines).toHaveLength(4);
      expect(lines[1]).toMatch(new RegExp(`^3,id,id,${withBadCheckDigit(BOB)},.*校验位.*,.*check digit`));
      expect(lines[2]).toMatch(/^4,paid_on,paid_on,2023-02-29,/);
      expect(lines[3]).toMatch(/^5,amount,amount,一百元,.*金额.*,.*amount/);
    });

    it('refuses the same file again (409 duplicate_file) unless forced', async () => {
      const content = csv([
        ['id', 'name', 'division'],
        [ALICE, '张三', '330106'],
      ]);
      const first = await importDatasetFile(platform.services, actor, {
        datasetType: 'person',
        file: writeFile('p.csv', content),
        fileName: 'p.csv',
      });
      expect(first.batch.status).toBe('loaded');
      await expect(
        importDatasetFile(platform.services, actor, {
          datasetType: 'person',
          file: writeFile('p.csv', content),
          fileName: 'p.csv',
        }),
      ).rejects.toMatchObject({ status: 409, code: 'duplicate_file' });
      const forced = await importDatasetFile(platform.services, actor, {
        datasetType: 'person',
        file: writeFile('p.csv', content),
        fileName: 'p.csv',
        force: true,
      });
      expect(forced.batch).toMatchObject({ status: 'loaded', forced: true, rows_loaded: 1 });
    });

    it('reads GBK CSV with Chinese headers and synonyms, and gives the same person one subject key across datasets', async () => {
      const gbk = iconv.encode(
        csv([
          ['公民身份号码', '姓名', '性别', '户籍地区划代码', '人员状态'],
          [ALICE, '张三', '男', '330106', '正常'],
          [BOB, '李四', '女', '330106', '死亡'],
        ]),
        'gbk',
      );
      const { batch } = await importDatasetFile(platform.services, actor, {
        datasetType: 'person',
        file: writeFile('gbk.csv', gbk),
        fileName: 'gbk.csv',
        mode: 'replace',
      });
      expect(batch).toMatchObject({ status: 'loaded', rows_loaded: 2, rows_rejected: 0 });
      const people = await rows(
        'SELECT name, gender, status, id_sk FROM ds_person WHERE _batch_id = $1 ORDER BY name',
        [batch.id],
      );
      expect(people.map((p) => [p.name, p.gender, p.status])).toEqual([
        ['张三', 'male', 'normal'],
        ['李四', 'female', 'deceased'],
      ]);
      const [payment] = await rows('SELECT id_sk FROM ds_benefit_payment WHERE _row_no = 2');
      expect(payment?.id_sk).toBe(people[0]?.id_sk);
      const subjects = await rows('SELECT identifier_hash, identifier_enc FROM subject_index WHERE subject_key = $1', [
        payment?.id_sk,
      ]);
      expect(subjects).toHaveLength(1);
      expect(platform.services.fieldCrypto.decrypt(subjects[0]?.identifier_enc as string)).toBe(ALICE);
      expect(subjects[0]?.identifier_hash).toBe(platform.services.fieldCrypto.blindIndex(ALICE));
    });

    it('replace mode swaps the dataset for the new batch in one go', async () => {
      const before = await rows('SELECT count(*) AS n FROM ds_person');
      expect(Number(before[0]?.n)).toBeGreaterThan(1);
      const { batch } = await importDatasetFile(platform.services, actor, {
        datasetType: 'person',
        file: writeFile(
          'r.csv',
          csv([
            ['id', 'name', 'division'],
            [CAROL, '王五', '330106'],
          ]),
        ),
        fileName: 'r.csv',
        mode: 'replace',
      });
      expect(await rows('SELECT _batch_id AS b, count(*) AS n FROM ds_person GROUP BY _batch_id')).toEqual([
        { b: batch.id, n: 1 },
      ]);
    });

    it('refuses a file missing a required column, listing the columns found', async () => {
      const file = writeFile(
        'bad.csv',
        csv([
          ['身份证号', '姓名', '备注'],
          [ALICE, '张三', 'x'],
        ]),
      );
      const error = await importDatasetFile(platform.services, actor, {
        datasetType: 'benefit_payment',
        file,
        fileName: 'bad.csv',
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MappingRefusedError);
      const refusal = error as MappingRefusedError;
      expect(refusal.status).toBe(400);
      expect(refusal.columnsFound).toEqual(['身份证号', '姓名', '备注']);
      expect(refusal.missingRequired).toEqual(expect.arrayContaining(['program', 'division', 'amount', 'paid_on']));
      expect(refusal.message).toContain('身份证号、姓名、备注');
      expect(refusal.template.rows.find((r) => r.field === 'id')?.header).toBe('身份证号');
    });

    it('accepts an explicit mapping (header → field) for headers no synonym covers', async () => {
      const file = writeFile(
        'm.csv',
        csv([
          ['证号X', '人名', '地方'],
          [BOB, '李四', '330106'],
        ]),
      );
      const { batch } = await importDatasetFile(platform.services, actor, {
        datasetType: 'person',
        file,
        fileName: 'm.csv',
        mapping: { 证号X: 'id', 人名: 'name', 地方: 'division' },
      });
      expect(batch).toMatchObject({ status: 'loaded', rows_loaded: 1 });
    });

    it('rolls a batch back: its rows leave the lake, it is marked and audited', async () => {
      const { batch } = await importDatasetFile(platform.services, actor, {
        datasetType: 'death',
        file: writeFile(
          'd.csv',
          csv([
            ['id', 'name', 'death_date'],
            [BOB, '李四', '2024-01-02'],
          ]),
        ),
        fileName: 'd.csv',
      });
      expect(await rows('SELECT count(*) AS n FROM ds_death')).toEqual([{ n: 1 }]);
      const rolled = await rollbackBatch(platform.services, actor, batch.id, 'wrong file');
      expect(rolled.status).toBe('rolled_back');
      expect(await rows('SELECT count(*) AS n FROM ds_death')).toEqual([{ n: 0 }]);
      expect((await getBatch(platform.services, batch.id)).status).toBe('rolled_back');
      const audit = await platform.services.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'dataset.rollback')
        .execute();
      expect(audit).toEqual([expect.objectContaining({ object_id: String(batch.id), reason: 'wrong file' })]);
      await expect(rollbackBatch(platform.services, actor, batch.id, 'again')).rejects.toMatchObject({ status: 409 });
    });

    it('keeps no raw identity number anywhere in the dataset tables', async () => {
      const tables = ['ds_person', 'ds_benefit_payment', 'ds_death'];
      for (const table of tables) {
        const all = await rows(`SELECT * FROM ${table}`);
        const text = JSON.stringify(all);
        for (const id of [ALICE, BOB, CAROL]) expect(text, table).not.toContain(id);
        expect(Object.keys(all[0] ?? { id_sk: 1 }).filter((c) => c === 'id')).toEqual([]);
      }
      const staging = await rows(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE '_stage%'`);
      expect(staging).toEqual([]);
    });
  });
}
