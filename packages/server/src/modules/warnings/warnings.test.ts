import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApprovedModel } from '../../testing/approved-model-fixture.js';
import { findAuditEntries } from '../../testing/auth-helpers.js';
import { testEngines } from '../../testing/test-databases.js';
import { holdModelQuery } from '../../testing/held-model-query.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import type { TestActor } from '../../testing/org-factories.js';
import { getRun, onBatchLoaded } from '../models/runs/model-runs.service.js';
import {
  ALICE,
  DEATHS_CSV,
  MORE_DEATHS_CSV,
  PAYMENTS_CSV,
  buildCounties,
  importCsv,
  runAndWait,
} from '../../testing/warnings-fixture.js';

for (const engine of testEngines()) {
  describe(`warnings from model runs (${engine})`, () => {
    let platform: TestPlatform;
    let handlerA: TestActor;
    let handlerB: TestActor;
    let analystA: TestActor;
    let leaderA: TestActor;

    async function listWarnings(actor: TestActor, query = '') {
      const response = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/warnings?pageSize=200${query}`,
        headers: actor.session.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{
        items: {
          id: number;
          hitKey: string;
          divisionCode: string;
          status: string;
          lastRunId: number;
          explanation: { zh: string };
        }[];
        total: number;
      }>();
    }

    async function setStatus(actor: TestActor, id: number, payload: object) {
      return platform.app.inject({
        method: 'POST',
        url: `/api/v1/warnings/${id}/status`,
        headers: actor.session.headers,
        payload,
      });
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildCounties(platform);
      handlerA = await world.actor('supervision', world.countyA);
      handlerB = await world.actor('supervision', world.countyB);
      analystA = await world.actor('model_analyst', world.countyA);
      leaderA = await world.actor('leader', world.countyA);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
      await importCsv(platform, 'death', DEATHS_CSV);
    });
    afterAll(async () => platform?.close());

    it('a full run turns hits into warnings, each in the jurisdiction of its driving row', async () => {
      const run = await runAndWait(platform, { kind: 'full', modelIds: ['W01'] });
      expect(run).toMatchObject({
        status: 'succeeded',
        models_done: 1,
        models_total: 1,
        new_warnings: 2,
        updated_warnings: 0,
      });
      expect(run.hit_counts).toEqual({ W01: 2 });
      const a = await listWarnings(handlerA);
      expect(a.items).toHaveLength(1);
      expect(a.items[0]?.divisionCode).toBe('330106001001');
      expect(a.items[0]?.explanation.zh).toContain('2024-01-10');
      const b = await listWarnings(handlerB);
      expect(b.items.map((w) => w.divisionCode)).toEqual(['330108001001']);
    });

    it('a re-run updates the same warnings (same hit key, no duplicates)', async () => {
      const before = await listWarnings(handlerA);
      const run = await runAndWait(platform, { kind: 'full', modelIds: ['W01'] });
      expect(run).toMatchObject({ status: 'succeeded', new_warnings: 0, updated_warnings: 2 });
      const after = await listWarnings(handlerA);
      expect(after.items.map((w) => [w.id, w.hitKey])).toEqual(before.items.map((w) => [w.id, w.hitKey]));
      expect(after.items[0]?.lastRunId).toBe(run.id);
    });

    it('an incremental run after a new batch finds only the new hits', async () => {
      const deaths = await importCsv(platform, 'death', MORE_DEATHS_CSV);
      const queued = await onBatchLoaded(platform.services, deaths);
      expect(queued).toMatchObject({ kind: 'incremental' });
      await platform.services.modelRuns.whenFinished(queued?.id as number);
      const run = await getRun(platform.services, queued?.id as number);
      expect(run).toMatchObject({
        status: 'succeeded',
        new_warnings: 1,
        updated_warnings: 0,
        input_batch_ids: { death: [deaths.id] },
      });
      // Every model reading deaths is evaluated; W01 only for Erin's death, joined with all payments.
      const w01 = (run.models as { modelId: string; mode: string }[]).find((m) => m.modelId === 'W01');
      expect(w01?.mode).toBe('incremental');
      expect((run.hit_counts as Record<string, number>).W01).toBe(1);
      const a = await listWarnings(handlerA);
      expect(a.items.map((w) => w.divisionCode).sort()).toEqual(['330106001001', '330106002001']);
      // Alice's warning was not touched by the incremental run.
      expect(a.items.find((w) => w.divisionCode === '330106001001')?.lastRunId).toBeLessThan(run.id);
    });

    it('status changes need reasons for false positives and are refused outside the jurisdiction (404)', async () => {
      const [erin, alice] = (await listWarnings(handlerA)).items;
      const noReason = await setStatus(handlerA, erin?.id as number, { status: 'false_positive' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json()).toMatchObject({
        field: 'body.reason',
        message: 'reason: 标记为“误报”须说明理由 / a reason is required to mark a warning false positive',
      });
      const fp = await setStatus(handlerA, erin?.id as number, { status: 'false_positive', reason: '已核实仍在世' });
      expect(fp.statusCode, fp.body).toBe(200);
      expect(fp.json()).toMatchObject({
        status: 'false_positive',
        statusReason: '已核实仍在世',
        events: [{ from: 'new', to: 'false_positive' }],
      });
      const confirmed = await setStatus(handlerA, alice?.id as number, { status: 'confirmed' });
      expect(confirmed.statusCode).toBe(200);
      const twice = await setStatus(handlerA, alice?.id as number, { status: 'confirmed' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ message: '预警已是“已查实” / the warning is already confirmed' });
      expect(await findAuditEntries(platform, { action: 'warning.status', userId: handlerA.user.id })).toHaveLength(2);

      const seen = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/warnings/${alice?.id}`,
        headers: handlerB.session.headers,
      });
      expect(seen.statusCode).toBe(404);
      expect((await setStatus(handlerB, alice?.id as number, { status: 'under_review' })).statusCode).toBe(404);
      const bulk = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/warnings/status',
        headers: handlerB.session.headers,
        payload: { ids: [alice?.id], status: 'not_actionable', reason: 'x' },
      });
      expect(bulk.statusCode).toBe(404);
    });

    it('reports per-model statistics with precision and a monthly trend', async () => {
      const response = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/warnings/stats?model=W01',
        headers: handlerA.session.headers,
      });
      expect(response.statusCode).toBe(200);
      const [stats] = response.json<{ items: Record<string, unknown>[] }>().items;
      expect(stats).toMatchObject({ modelId: 'W01', hits: 2, confirmed: 1, falsePositives: 1, precision: 0.5 });
      expect((stats?.trend as { month: string; hits: number }[])[0]).toMatchObject({ hits: 2 });
    });

    it('masks identity numbers in evidence unless person.read and a reason are given, then audits the read', async () => {
      const alice = (await listWarnings(handlerA)).items.find((w) => w.divisionCode === '330106001001');
      const url = `/api/v1/warnings/${alice?.id}`;
      const masked = await platform.app.inject({ method: 'GET', url, headers: handlerA.session.headers });
      expect(masked.statusCode).toBe(200);
      const body = masked.json<{ masked: boolean; evidence: { role: string; values: Record<string, unknown> }[] }>();
      expect(body.masked).toBe(true);
      expect(body.evidence.map((e) => e.role).sort()).toEqual(['death', 'payment']);
      expect(body.evidence[0]?.values.id).toBe(`${ALICE.slice(0, 3)}***********${ALICE.slice(-4)}`);
      expect(masked.body).not.toContain(ALICE);

      const analyst = await platform.app.inject({
        method: 'GET',
        url: `${url}?reason=核查`,
        headers: analystA.session.headers,
      });
      expect(analyst.statusCode).toBe(403);

      const unmasked = await platform.app.inject({
        method: 'GET',
        url: `${url}?reason=${encodeURIComponent('核查冒领线索')}`,
        headers: handlerA.session.headers,
      });
      expect(unmasked.statusCode).toBe(200);
      expect(unmasked.json<{ evidence: { values: Record<string, unknown> }[] }>().evidence[0]?.values.id).toBe(ALICE);
      const [entry] = await findAuditEntries(platform, { action: 'person.read', userId: handlerA.user.id });
      expect(entry).toBeDefined();
      const audit = await platform.services.database.db
        .selectFrom('audit_log')
        .select(['subject', 'reason'])
        .where('action', '=', 'person.read')
        .executeTakeFirstOrThrow();
      expect(audit.reason).toBe('核查冒领线索');
      expect(audit.subject).toContain('****');
      expect(audit.subject).not.toContain(ALICE);
    });

    it('exports warnings of the jurisdiction as CSV and JSON', async () => {
      const csv = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/warnings/export?format=csv&model=W01&severity=red',
        headers: handlerA.session.headers,
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      // One line per evidence row: Alice's and Erin's warnings, each a payment and a death.
      const lines = parse<Record<string, string>>(csv.body, { bom: true, columns: true });
      expect(lines.map((l) => l.evidence_dataset)).toEqual(['benefit_payment', 'death', 'benefit_payment', 'death']);
      expect(new Set(lines.map((l) => l.id)).size).toBe(2);
      const json = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/warnings/export?format=json',
        headers: handlerB.session.headers,
      });
      expect(json.json<{ divisionCode: string }[]>().map((w) => w.divisionCode)).toEqual(['330108001001']);
    });

    it('skips a model whose dataset holds no rows, naming it, and counts it neither succeeded nor failed', async () => {
      await createApprovedModel(platform, analystA, leaderA, brokenModel());
      // No payroll was ever imported: U_BROKEN has nothing to read (its table does not even exist).
      const run = await runAndWait(platform, { kind: 'full', modelIds: ['W01', 'U_BROKEN'] });
      expect(run).toMatchObject({
        status: 'succeeded',
        models_done: 2,
        errors: {},
        skipped: { U_BROKEN: ['payroll'] },
      });
      expect((run.hit_counts as Record<string, number>).W01).toBe(3);
      const shown = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/model-runs/${run.id}`,
        headers: analystA.session.headers,
      });
      expect(shown.json()).toMatchObject({
        status: 'succeeded',
        skipped: { U_BROKEN: ['payroll'] },
        summary: { succeeded: 1, skipped: 1, failed: 0, total: 2 },
      });
      const only = await runAndWait(platform, { kind: 'full', modelIds: ['U_BROKEN'] });
      expect(only).toMatchObject({ status: 'skipped', errors: {}, skipped: { U_BROKEN: ['payroll'] } });
    });

    it('cancels a run while it runs and one still queued', async () => {
      const queue = platform.services.modelRuns;
      // The first run's second model query (W08's: U_BROKEN, with no payroll, is skipped without
      // one) waits at the lake's door: the cancel lands between models.
      const held = holdModelQuery(platform.services, 2);
      const first = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/model-runs',
        headers: analystA.session.headers,
        payload: { models: ['W01', 'U_BROKEN', 'W08'] },
      });
      const second = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/model-runs',
        headers: analystA.session.headers,
        payload: { models: ['W01'] },
      });
      expect(first.statusCode, first.body).toBe(202);
      const secondId = second.json<{ id: number }>().id;
      const cancelled = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/model-runs/${secondId}/cancel`,
        headers: analystA.session.headers,
      });
      expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
      const firstId = first.json<{ id: number }>().id;
      try {
        await held.reached;
        queue.cancel(firstId);
      } finally {
        held.release();
        held.restore();
      }
      await queue.idle();
      const runs = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/model-runs/${firstId}`,
        headers: analystA.session.headers,
      });
      expect(runs.json()).toMatchObject({ status: 'cancelled' });
      expect(runs.json<{ progress: { done: number; total: number } }>().progress.done).toBe(2);
      expect(runs.json()).toMatchObject({ summary: { succeeded: 1, skipped: 1, failed: 0, total: 3 } });
      const again = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/model-runs/${firstId}/cancel`,
        headers: analystA.session.headers,
      });
      expect(again.statusCode).toBe(409);
    });
  });
}

/** A user model that compiles but whose table the lake does not have: it fails when run. */
function brokenModel() {
  return {
    id: 'U_BROKEN',
    version: 1,
    name: { zh: '测试失败模型', en: 'Failing test model' },
    category: 'X',
    inputs: ['payroll'],
    parameters: [],
    severity: 'yellow',
    basis: { zh: '测试', en: 'test' },
    explanation: { zh: '测试', en: 'test' },
    handling: { zh: '无', en: 'none' },
    incremental: false,
    logic: { kind: 'rule', sources: [{ alias: 'w', dataset: 'payroll', role: 'payroll' }], subject: 'w.id', facts: {} },
  };
}
