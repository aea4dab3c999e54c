import { findBuiltinModel } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import type { TestActor } from '../../../testing/org-factories.js';
import { makeIdNumber } from '../../../testing/test-data.js';
import {
  COUNTY_B,
  DEATHS_CSV,
  PAYMENTS_CSV,
  buildCounties,
  importCsv,
  runAndWait,
} from '../../../testing/warnings-fixture.js';

/*
 * Finding 4 of issue 15: another county's analyst previewed a copy of a built-in model and
 * received this county's hits with their evidence, and `/model-runs` listed every
 * county's runs. A county's preview and run now read only its rows, and runs are seen
 * only where they ran (a whole-country run without its figures).
 */

interface Run {
  id: number;
  status: string;
  scopePrefix: string;
  figuresWithheld: boolean;
  hitCounts: Record<string, number>;
  newWarnings: number;
  inputBatches: unknown;
}

/** A man county A paid after county B registered his death: a hit only across counties. */
const FRANK = makeIdNumber('19440101', 66);
const CROSS_PAYMENT = `P9,dibao,${FRANK},孙弗兰,330106001009,500.00,2024-03-15,2024-03`;
const CROSS_DEATH = `${FRANK},孙弗兰,2023-01-01,330108001001`;

for (const engine of testEngines()) {
  describe(`model runs and previews in a jurisdiction (${engine})`, () => {
    let platform: TestPlatform;
    let analystA: TestActor;
    let analystB: TestActor;
    let handlerA: TestActor;
    let wholeRun: number;
    let crossDeathBatch: number;

    const call = (actor: TestActor, method: 'GET' | 'POST', url: string, payload?: object) =>
      platform.app.inject({ method, url, headers: actor.session.headers, ...(payload ? { payload } : {}) });
    const waitFor = async (id: number) => {
      await platform.services.modelRuns.whenFinished(id);
    };

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const { countyA, countyB, actor } = await buildCounties(platform);
      analystA = await actor('model_analyst', countyA);
      analystB = await actor('model_analyst', countyB);
      handlerA = await actor('leader', countyA);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
      await importCsv(platform, 'death', DEATHS_CSV);
      wholeRun = (await runAndWait(platform, { kind: 'full', modelIds: ['W01'] })).id;
    });
    afterAll(async () => platform?.close());

    it('a copy of a built-in model previewed by county B finds only county B’s hits', async () => {
      const document = { ...findBuiltinModel('W01'), id: 'U_COPY', source: 'user' };
      const preview = async (actor: TestActor) => {
        const response = await call(actor, 'POST', '/api/v1/models/preview', { document, limit: 50 });
        expect(response.statusCode, response.body).toBe(200);
        return response.json<{ hits: { facts: { name?: string }; evidence: { batchId: number }[] }[] }>().hits;
      };
      const hitsB = await preview(analystB);
      // Dave is county B's; Alice, county A's, must not reach county B at all.
      expect(hitsB.map((h) => h.facts.name)).toEqual(['赵大卫']);
      expect(JSON.stringify(hitsB)).not.toContain('张爱丽');
      expect((await preview(analystA)).map((h) => h.facts.name).sort()).toEqual(['张爱丽']);
    });

    it('county A does not see county B’s runs; it sees a whole-country run without its figures', async () => {
      const started = await call(analystB, 'POST', '/api/v1/model-runs', { models: ['W01'], kind: 'full' });
      expect(started.statusCode, started.body).toBe(202);
      const runB = started.json<Run>();
      expect(runB.scopePrefix).toBe(COUNTY_B);
      await waitFor(runB.id);

      const listA = (await call(analystA, 'GET', '/api/v1/model-runs?pageSize=200')).json<{
        items: Run[];
        total: number;
      }>();
      expect(listA.items.map((r) => r.id)).not.toContain(runB.id);
      expect(listA.total).toBe(listA.items.length);
      expect((await call(analystA, 'GET', `/api/v1/model-runs/${runB.id}`)).statusCode).toBe(404);
      expect((await call(analystA, 'POST', `/api/v1/model-runs/${runB.id}/cancel`)).statusCode).toBe(404);

      const whole = listA.items.find((r) => r.id === wholeRun) as Run;
      expect(whole).toMatchObject({ scopePrefix: '', figuresWithheld: true, hitCounts: {}, newWarnings: 0 });
      expect(whole.inputBatches).toBeNull();
      // County B sees its own run in full.
      const ownB = (await call(analystB, 'GET', `/api/v1/model-runs/${runB.id}`)).json<Run>();
      expect(ownB).toMatchObject({ status: 'succeeded', figuresWithheld: false, hitCounts: { W01: 1 } });
      // A finished run cannot be cancelled; the refusal says how it ended in words.
      const late = await call(analystB, 'POST', `/api/v1/model-runs/${runB.id}/cancel`);
      expect(late.statusCode).toBe(409);
      expect(late.json<{ message: string }>().message).toBe(
        `运行 ${runB.id} 已结束（已完成） / run ${runB.id} has finished (succeeded)`,
      );
    });

    it('a county’s full run retires nothing of another county, nor what rests on rows it cannot read', async () => {
      // A death registered by county B for a man county A paid: a warning of county A whose evidence crosses counties.
      await importCsv(
        platform,
        'benefit_payment',
        ['payment_id,program,id,name,division,amount,paid_on,period', CROSS_PAYMENT].join('\n'),
      );
      crossDeathBatch = (await importCsv(platform, 'death', ['id,name,death_date,division', CROSS_DEATH].join('\n')))
        .id;
      await runAndWait(platform, { kind: 'full', modelIds: ['W01'] });
      const live = () =>
        platform.services.database.db
          .selectFrom('warnings')
          .select(['id', 'division_code', 'retired_at'])
          .where('model_id', '=', 'W01')
          .execute();
      const before = await live();
      expect(before.filter((w) => w.retired_at === null)).toHaveLength(3);

      for (const analyst of [analystA, analystB]) {
        const run = (await call(analyst, 'POST', '/api/v1/model-runs', { models: ['W01'], kind: 'full' })).json<Run>();
        await waitFor(run.id);
      }
      // County A's run cannot see county B's death behind the cross-county warning; county
      // B's run cannot see county A's warnings at all: none of the three is retired.
      expect((await live()).filter((w) => w.retired_at === null)).toHaveLength(3);
    });

    it('evidence of another jurisdiction is named but its values are withheld', async () => {
      const cross = await platform.services.database.db
        .selectFrom('warning_evidence')
        .select('warning_id')
        .where('batch_id', '=', crossDeathBatch)
        .executeTakeFirstOrThrow();
      const detail = await call(handlerA, 'GET', `/api/v1/warnings/${cross.warning_id}`);
      expect(detail.statusCode, detail.body).toBe(200);
      const evidence = detail.json<{
        evidence: { dataset: string; values: object | null; outsideJurisdiction: boolean }[];
      }>().evidence;
      expect(evidence.find((e) => e.dataset === 'death')).toMatchObject({ values: null, outsideJurisdiction: true });
      expect(evidence.find((e) => e.dataset === 'benefit_payment')).toMatchObject({ outsideJurisdiction: false });
      expect(detail.body).not.toContain('330108001001');
    });
  });
}
