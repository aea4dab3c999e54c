import { columnLabel } from '@qingfeng/core';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../app/app-services.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { ALICE, DEATHS_CSV, PAYMENTS_CSV, importCsv } from '../../testing/warnings-fixture.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { registerModelCommands, registerWarningCommands } from './model-commands.js';

interface Exported {
  id: number;
  subjectKey: string;
  subjects: { subjectKey: string; kind: string; primary: boolean; identifier: string | null; withheld: boolean }[];
  evidence: { dataset: string; role: string; outsideJurisdiction: boolean; values: Record<string, unknown> | null }[];
}

const masked = (id: string) => `${id.slice(0, 3)}***********${id.slice(-4)}`;

for (const engine of testEngines()) {
  describe(`qingfeng models / warnings commands (${engine})`, () => {
    let platform: TestPlatform;

    async function run(args: string[]) {
      const captured = { out: '', err: '' };
      const output = { out: (t: string) => (captured.out += t), err: (t: string) => (captured.err += t) };
      const program = new Command('qingfeng')
        .exitOverride()
        .configureOutput({ writeOut: () => {}, writeErr: () => {} });
      const withPlatform = <T>(work: (services: AppServices) => Promise<T>) => work(platform.services);
      registerModelCommands(program, withPlatform, output);
      registerWarningCommands(program, withPlatform, output);
      await program.parseAsync(args, { from: 'user' });
      return captured;
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
      await importCsv(platform, 'death', DEATHS_CSV);
    });
    afterAll(async () => platform?.close());

    it('lists models, runs one with a summary, and exports its red warnings', async () => {
      expect((await run(['models', 'list'])).out).toMatch(/^W01\s+red\s+enabled/m);
      const result = await run(['models', 'run', 'W01']);
      expect(result.out).toMatch(/W01\s+2 hits in \d+ ms/);
      expect(result.out).toMatch(
        /run \d+ succeeded: 1 succeeded, 0 skipped, 0 failed of 1 models; 2 new and 0 updated warnings/,
      );
      const json = JSON.parse(
        (await run(['warnings', 'export', '--format', 'json', '--model', 'W01', '--severity', 'red'])).out,
      ) as Exported[];
      expect(json).toHaveLength(2);
      // Each warning carries its subjects and evidence rows, masked as the detail view shows them.
      const alice = json.find((w) => w.subjects[0]?.identifier === masked(ALICE));
      expect(alice?.subjects).toEqual([
        { subjectKey: alice?.subjectKey, kind: 'person', primary: true, identifier: masked(ALICE), withheld: false },
      ]);
      expect(alice?.evidence.map((e) => [e.dataset, e.role, e.outsideJurisdiction])).toEqual([
        ['benefit_payment', 'payment', false],
        ['death', 'death', false],
      ]);
      expect(alice?.evidence[0]?.values).toMatchObject({ id: masked(ALICE), id_birth_date: '****-**-**' });
      const csv = (await run(['warnings', 'export', '--format', 'csv'])).out;
      expect(csv).not.toContain(ALICE);
      const records = parse<Record<string, string>>(csv, { bom: true, columns: true });
      // One line per evidence row: two rows for each of the two warnings.
      expect(records.map((r) => [Number(r.id), r.evidence_dataset]).sort()).toEqual(
        json
          .flatMap((w) => [
            [w.id, 'benefit_payment'],
            [w.id, 'death'],
          ])
          .sort(),
      );
      // The CSV is written in words: each value under its field's label (Chinese by default).
      expect(JSON.parse(records.find((r) => r.subjects === masked(ALICE))?.evidence_values ?? 'null')).toHaveProperty(
        columnLabel('benefit_payment', 'id', 'zh'),
        masked(ALICE),
      );
      await expect(run(['models', 'run'])).rejects.toThrow(/--all/);
    });

    it('reports a model whose datasets hold no rows as skipped, naming them, and exits zero', async () => {
      // M02 reads medical claims and deaths: no claim was ever imported.
      const result = await run(['models', 'run', 'M02']);
      expect(result.out).toMatch(/^M02\s+skipped: no rows yet in med_claim/m);
      expect(result.out).toMatch(/run \d+ skipped: 0 succeeded, 1 skipped, 0 failed of 1 models/);
    });

    it('exits non-zero when any model failed, after the others ran', async () => {
      const services = platform.services as { lake: AppServices['lake'] };
      const lake = services.lake;
      // The engine refuses W11's query (its parameters carry the model id its hit keys start with).
      services.lake = new Proxy(lake, {
        get(target, prop) {
          const value: unknown = Reflect.get(target, prop, target);
          if (prop !== 'queryUntrusted' || typeof value !== 'function') {
            return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
          }
          return (sql: string, params: unknown, ...rest: unknown[]) =>
            JSON.stringify(params).includes('W11')
              ? Promise.reject(new Error('engine down'))
              : (value as (...a: unknown[]) => unknown).call(target, sql, params, ...rest);
        },
      });
      try {
        await expect(run(['models', 'run', 'W01', 'W11'])).rejects.toThrow(/run \d+ failed: W11 failed/);
        const [last] = await platform.services.database.db
          .selectFrom('model_runs')
          .selectAll()
          .orderBy('id', 'desc')
          .limit(1)
          .execute();
        expect(last).toMatchObject({ status: 'failed' });
        expect(Object.keys(last?.errors as object)).toEqual(['W11']);
        expect(Object.keys(last?.hit_counts as object)).toEqual(['W01']);
      } finally {
        services.lake = lake;
      }
    });

    it('leaves retired warnings out of an export unless asked for', async () => {
      const db = platform.services.database.db;
      const first = await db.selectFrom('warnings').select('id').orderBy('id').executeTakeFirstOrThrow();
      await db
        .updateTable('warnings')
        .set({ retired_at: new Date(), retired_reason: 'no_longer_found' })
        .where('id', '=', first.id)
        .execute();
      const count = async (...extra: string[]) =>
        (JSON.parse((await run(['warnings', 'export', '--format', 'json', ...extra])).out) as unknown[]).length;
      expect(await count()).toBe(1);
      expect(await count('--retired', 'only')).toBe(1);
      expect(await count('--retired', 'include')).toBe(2);
      await expect(run(['warnings', 'export', '--retired', 'some'])).rejects.toThrow(/--retired/);
    });

    it('exports explanations with birth dates starred, as the API does', async () => {
      const young = makeIdNumber('19600917', 81);
      await importCsv(
        platform,
        'benefit_payment',
        [
          'payment_id,program,id,name,division,amount,paid_on,period',
          `Y1,old_age_allowance,${young},孙少年,330106001001,100.00,2024-05-20,2024-05`,
        ].join('\n'),
      );
      await run(['models', 'run', 'W11']);
      for (const format of ['json', 'csv']) {
        const out = (await run(['warnings', 'export', '--format', format, '--model', 'W11'])).out;
        expect(out).toContain('出生****-**-**');
        expect(out).not.toMatch(/1960-09-17|19600917|1960年9月17日/);
      }
    });
  });
}
