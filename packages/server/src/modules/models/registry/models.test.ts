import { BUILTIN_MODELS } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../../testing/auth-helpers.js';
import type { TestActor } from '../../../testing/org-factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { DEATHS_CSV, PAYMENTS_CSV, buildCounties, importCsv } from '../../../testing/warnings-fixture.js';
import { seedBuiltinModels } from './model-registry.js';
import type { ModelDocument } from '../../../models-engine/model-engine.js';

/** A user model built in the no-code builder: payments above a threshold. */
function bigPaymentModel(id = 'U_BIG') {
  return {
    id,
    version: 1,
    name: { zh: '大额发放', en: 'Large payment' },
    category: 'W',
    inputs: ['benefit_payment'],
    parameters: [
      { key: 'threshold', type: 'money', default: 400, label: { zh: '金额', en: 'Amount' }, min: 0, max: 100000 },
    ],
    severity: 'orange',
    basis: { zh: '测试', en: 'test' },
    explanation: { zh: '{name}领取{amount}元', en: '{name} paid {amount}' },
    handling: { zh: '核查', en: 'check' },
    incremental: { drivers: ['benefit_payment'] },
    logic: {
      kind: 'rule',
      sources: [{ alias: 'p', dataset: 'benefit_payment', role: 'payment' }],
      where: [{ op: '>=', left: 'p.amount', right: { param: 'threshold' } }],
      subject: 'p.id',
      facts: { name: 'p.name', amount: 'p.amount' },
    },
  };
}

/** The builder's documents for a threshold per group and for (not-)exists checks, as it writes them. */
function builderDocuments(): ModelDocument[] {
  const model = bigPaymentModel('U_GROUP');
  const texts = { zh: '{count}笔{sum_a_amount}元', en: '{count} payments, {sum_a_amount}' };
  const grouped = {
    ...model,
    parameters: [{ key: 'min_payments', type: 'int', default: 2, label: { zh: '笔数', en: 'Payments' }, min: 2 }],
    explanation: texts,
    incremental: false,
    logic: {
      kind: 'rule',
      sources: [{ alias: 'a', dataset: 'benefit_payment', role: 'benefit_payment' }],
      aggregate: {
        groupBy: ['a.program', { fn: 'month_of', args: ['a.paid_on'] }],
        having: [{ op: '>=', left: { agg: 'count' }, right: { param: 'min_payments' } }],
      },
      subject: { agg: 'min', arg: 'a.id' },
      facts: { count: { agg: 'count' }, sum_a_amount: { agg: 'sum', arg: 'a.amount' } },
    },
  };
  const check = (id: string, op: 'exists' | 'not_exists') => ({
    ...model,
    id,
    inputs: ['benefit_payment', 'death'],
    parameters: [{ key: 'grace_days', type: 'int', default: 30, label: { zh: '宽限', en: 'Grace' }, min: 0 }],
    explanation: { zh: '{a_name}', en: '{a_name}' },
    incremental: { drivers: ['benefit_payment'] },
    logic: {
      kind: 'rule',
      sources: [{ alias: 'a', dataset: 'benefit_payment', role: 'benefit_payment' }],
      where: [
        {
          op,
          alias: 'x1',
          dataset: 'death',
          where: [
            { op: '=', left: 'x1.id', right: 'a.id' },
            { op: '>', left: 'a.paid_on', right: { fn: 'add_days', args: ['x1.death_date', { param: 'grace_days' }] } },
          ],
        },
      ],
      subject: 'a.id',
      facts: { a_name: 'a.name' },
    },
  });
  return [grouped, check('U_DEAD', 'exists'), check('U_ALIVE', 'not_exists')] as unknown as ModelDocument[];
}

for (const engine of testEngines()) {
  describe(`model registry (${engine})`, () => {
    let platform: TestPlatform;
    let analyst: TestActor;
    let leader: TestActor;

    const call = (actor: TestActor, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      platform.app.inject({ method, url, headers: actor.session.headers, ...(payload ? { payload } : {}) });

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const { countyA, actor } = await buildCounties(platform);
      analyst = await actor('model_analyst', countyA);
      leader = await actor('leader', countyA);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
      await importCsv(platform, 'death', DEATHS_CSV);
    });
    afterAll(async () => platform?.close());

    it('seeds the built-in library and filters the list', async () => {
      const all = await call(leader, 'GET', '/api/v1/models');
      expect(all.statusCode).toBe(200);
      expect(all.json<{ items: unknown[] }>().items).toHaveLength(BUILTIN_MODELS.length);
      const red = await call(leader, 'GET', '/api/v1/models?category=W&severity=red&enabled=true');
      const ids = red.json<{ items: { id: string; severity: string }[] }>().items;
      expect(ids.map((m) => m.id)).toContain('W01');
      expect(ids.every((m) => m.severity === 'red')).toBe(true);
    });

    it('adds a version when the shipped document of a built-in model changes, keeping edited values', async () => {
      const w01 = BUILTIN_MODELS.find((m) => m.id === 'W01') as unknown as ModelDocument;
      await seedBuiltinModels(platform.services.database.db, [{ ...w01, version: w01.version + 1 }]);
      const detail = await call(leader, 'GET', '/api/v1/models/W01');
      const body = detail.json<{ currentVersion: number; versions: object[] }>();
      expect(body.currentVersion).toBe(2);
      expect(body.versions).toHaveLength(2);
      expect(body.versions[0]).toMatchObject({ version: 2, documentVersion: w01.version + 1, changedBy: 'system' });
    });

    it('an edit of a parameter creates a version with who and why; out of range is a 400 naming it', async () => {
      const bad = await call(analyst, 'PUT', '/api/v1/models/W01/parameters', {
        params: { grace_days: 9999 },
        reason: '测试越界',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'invalid_parameter', field: 'params.grace_days' });
      const unknown = await call(analyst, 'PUT', '/api/v1/models/W01/parameters', {
        params: { nope: 1 },
        reason: '测试未知',
      });
      expect(unknown.json()).toMatchObject({ field: 'params.nope' });
      const noReason = await call(analyst, 'PUT', '/api/v1/models/W01/parameters', { params: { grace_days: 60 } });
      expect(noReason.statusCode).toBe(400);
      const ok = await call(analyst, 'PUT', '/api/v1/models/W01/parameters', {
        params: { grace_days: 60 },
        reason: '本地政策宽限60天',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      const body = ok.json<{ params: object; versions: object[] }>();
      expect(body.params).toEqual({ grace_days: 60 });
      expect(body.versions[0]).toMatchObject({
        version: 3,
        params: { grace_days: 60 },
        changedBy: analyst.user.username,
        reason: '本地政策宽限60天',
      });
      const [entry] = await findAuditEntries(platform, { action: 'model.parameters', userId: analyst.user.id });
      expect(entry?.detail).toMatchObject({ version: 3, params: { grace_days: 60 } });
      const forbidden = await call(leader, 'PUT', '/api/v1/models/W01/parameters', {
        params: { grace_days: 10 },
        reason: '无权限',
      });
      expect(forbidden.statusCode).toBe(403);
    });

    it('enables, disables and schedules a model; a bad schedule is a 400', async () => {
      expect((await call(analyst, 'POST', '/api/v1/models/W02/disable')).json()).toMatchObject({ enabled: false });
      expect((await call(analyst, 'POST', '/api/v1/models/W02/enable')).json()).toMatchObject({ enabled: true });
      expect(
        (await call(analyst, 'PUT', '/api/v1/models/W02/schedule', { schedule: '@monthly' })).json(),
      ).toMatchObject({ schedule: '@monthly' });
      const bad = await call(analyst, 'PUT', '/api/v1/models/W02/schedule', { schedule: '61 * * * *' });
      expect(bad.statusCode).toBe(400);
      await call(analyst, 'PUT', '/api/v1/models/W02/schedule', { schedule: null });
    });

    it('previews a builder model on current data without saving, then creates and saves it', async () => {
      const preview = await call(analyst, 'POST', '/api/v1/models/preview', {
        document: bigPaymentModel(),
        params: { threshold: 100 },
        limit: 2,
      });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({ limited: true });
      expect(preview.json<{ hits: unknown[] }>().hits).toHaveLength(2);
      expect(await platform.services.database.db.selectFrom('warnings').selectAll().execute()).toHaveLength(0);

      const invalid = await call(analyst, 'POST', '/api/v1/models', {
        document: { ...bigPaymentModel(), inputs: ['nope'] },
      });
      expect(invalid.statusCode).toBe(400);
      const created = await call(analyst, 'POST', '/api/v1/models', { document: bigPaymentModel() });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        id: 'U_BIG',
        source: 'user',
        currentVersion: 1,
        params: { threshold: 400 },
      });
      expect((await call(analyst, 'POST', '/api/v1/models', { document: bigPaymentModel() })).statusCode).toBe(409);
      const saved = await call(analyst, 'PUT', '/api/v1/models/U_BIG/document', {
        document: { ...bigPaymentModel(), severity: 'yellow' },
        reason: '降低等级',
      });
      expect(saved.json()).toMatchObject({ currentVersion: 2, severity: 'yellow' });
      expect(saved.json<{ versions: object[] }>().versions[0]).toMatchObject({ reason: '降低等级' });
      const builtin = await call(analyst, 'PUT', '/api/v1/models/W01/document', {
        document: { ...bigPaymentModel('W01') },
        reason: '改内置',
      });
      expect(builtin.statusCode).toBe(409);
    });

    it('previews threshold-per-group and exists / not-exists documents of the builder', async () => {
      const [grouped, dead, alive] = builderDocuments();
      const preview = async (document: ModelDocument | undefined) => {
        const response = await call(analyst, 'POST', '/api/v1/models/preview', { document, limit: 50 });
        expect(response.statusCode, response.body).toBe(200);
        return response.json<{ hits: { evidence: unknown[]; facts: object; explanation: { en: string } }[] }>().hits;
      };
      // The analyst works in county A: a preview reads only its rows. Four of the five dibao
      // payments for 2024-03 are A's (Dave's is B's): one group, those four its evidence.
      const groups = await preview(grouped);
      expect(groups).toHaveLength(1);
      expect(groups[0]?.evidence).toHaveLength(4);
      expect(groups[0]?.explanation.en).toMatch(/^4 payments, 2000(\.00)?$/);
      // Alice (and, in county B, Dave) died more than the grace before being paid; Carol within it.
      expect(await preview(dead)).toHaveLength(1);
      expect(await preview(alive)).toHaveLength(3);
    });

    it('saves a new version of a builder model with who and why, keeping the values edited since', async () => {
      await call(analyst, 'POST', '/api/v1/models', { document: bigPaymentModel('U_EDIT') });
      await call(analyst, 'PUT', '/api/v1/models/U_EDIT/parameters', {
        params: { threshold: 450 },
        reason: '本地标准',
      });
      const next = bigPaymentModel('U_EDIT');
      next.parameters[0] = { ...next.parameters[0]!, default: 300 };
      next.severity = 'red';
      const save = (actor: TestActor, id: string, payload: object) =>
        call(actor, 'PUT', `/api/v1/models/${id}/document`, payload);

      expect((await save(analyst, 'U_EDIT', { document: next })).statusCode).toBe(400);
      expect((await save(leader, 'U_EDIT', { document: next, reason: '无权限' })).statusCode).toBe(403);
      const other = await save(analyst, 'U_EDIT', { document: bigPaymentModel('U_OTHER'), reason: '编号不符' });
      expect(other.json()).toMatchObject({ field: 'body.document.id' });
      const invalid = await save(analyst, 'U_EDIT', { document: { ...next, inputs: [] }, reason: '无效' });
      expect(invalid.json()).toMatchObject({ code: 'invalid_model' });
      const missing = await save(analyst, 'U_NONE', { document: bigPaymentModel('U_NONE'), reason: '不存在' });
      expect(missing.statusCode).toBe(404);

      const saved = await save(analyst, 'U_EDIT', { document: next, reason: '提高等级' });
      expect(saved.statusCode, saved.body).toBe(200);
      const body = saved.json<{ currentVersion: number; severity: string; params: object; document: object }>();
      expect(body).toMatchObject({ currentVersion: 3, severity: 'red', params: { threshold: 450 } });
      expect(body.document).toMatchObject({ version: 2, parameters: [{ default: 300 }] });
      expect(saved.json<{ versions: object[] }>().versions[0]).toMatchObject({
        version: 3,
        documentVersion: 2,
        changedBy: analyst.user.username,
        reason: '提高等级',
      });
      const entries = await findAuditEntries(platform, { action: 'model.save', userId: analyst.user.id });
      expect(entries.at(-1)?.detail).toMatchObject({ version: 3, documentVersion: 2, params: { threshold: 450 } });
    });
  });
}
