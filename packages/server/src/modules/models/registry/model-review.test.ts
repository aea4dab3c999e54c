import { DEFAULT_ROLE_PERMISSIONS } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../testing/auth-helpers.js';
import type { Organisation } from '../../../db/schema.js';
import { buildActor, type TestActor } from '../../../testing/org-factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { DEATHS_CSV, PAYMENTS_CSV, buildCounties, importCsv, runAndWait } from '../../../testing/warnings-fixture.js';
import { onBatchLoaded } from '../runs/model-runs.service.js';
import { runDueSchedules } from '../runs/model-scheduler.js';

/** A builder model: every dibao payment of at least the threshold (county A has four, B one). */
function paymentModel(id: string) {
  return {
    id,
    version: 1,
    name: { zh: '大额低保', en: 'Large dibao payment' },
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

interface Detail {
  id: string;
  reviewStatus: string;
  enabled: boolean;
  currentVersion: number;
  submittedBy: number | null;
  reviews: { version: number; step: string; by: string; reason: string | null }[];
}

for (const engine of testEngines()) {
  describe(`a builder model awaits a second person's review (${engine})`, () => {
    let platform: TestPlatform;
    let analyst: TestActor;
    let leader: TestActor;
    let leaderB: TestActor;
    let cityLeader: TestActor;
    let secAdmin: TestActor;
    let countyB: Organisation;
    const clock = new ManualClock(new Date(2026, 4, 10, 12));

    const call = (actor: TestActor, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      platform.app.inject({ method, url, headers: actor.session.headers, ...(payload ? { payload } : {}) });
    /** The audit entries of an action on a model by a user, oldest first. */
    const audited = (action: string, actor: TestActor) =>
      platform.services.database.db
        .selectFrom('audit_log')
        .select(['object_id', 'outcome', 'reason', 'detail'])
        .where('action', '=', action)
        .where('user_id', '=', actor.user.id)
        .orderBy('id')
        .execute();
    const models = async (actor: TestActor) =>
      (await call(actor, 'GET', '/api/v1/models')).json<{ items: { id: string }[] }>().items.map((m) => m.id);

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { clock });
      const counties = await buildCounties(platform);
      const { city, countyA, actor } = counties;
      countyB = counties.countyB;
      analyst = await actor('model_analyst', countyA);
      leader = await actor('leader', countyA);
      leaderB = await actor('leader', countyB);
      cityLeader = await actor('leader', city);
      secAdmin = await actor('sec_admin', city);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
      await importCsv(platform, 'death', DEATHS_CSV);
    });
    afterAll(async () => platform?.close());

    it('saves a builder model as a disabled draft, its submission on the history and the audit trail', async () => {
      const created = await call(analyst, 'POST', '/api/v1/models', { document: paymentModel('U_DRAFT') });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json<Detail>()).toMatchObject({
        reviewStatus: 'draft',
        enabled: false,
        submittedBy: analyst.user.id,
        reviews: [{ version: 1, step: 'submitted', by: analyst.user.username, reason: null }],
      });
      const [entry] = await audited('model.submit', analyst);
      expect(entry).toMatchObject({ object_id: 'U_DRAFT', outcome: 'allowed', detail: { version: 1 } });
      // Enabling it by hand is no way round the review.
      const enable = await call(analyst, 'POST', '/api/v1/models/U_DRAFT/enable');
      expect(enable.statusCode).toBe(409);
      expect(enable.json()).toMatchObject({ code: 'model_awaiting_review' });
    });

    it('runs a draft by no path: named, all, scheduled, or after an import', async () => {
      const named = await call(analyst, 'POST', '/api/v1/model-runs', { models: ['U_DRAFT'], kind: 'full' });
      expect(named.statusCode).toBe(409);
      expect(named.json()).toMatchObject({ code: 'model_awaiting_review' });

      const all = await runAndWait(platform, { kind: 'full', all: true });
      expect(JSON.stringify(all.models)).not.toContain('U_DRAFT');

      // A schedule set on the draft never fires while it is one.
      const schedule = await call(analyst, 'PUT', '/api/v1/models/U_DRAFT/schedule', { schedule: '@daily' });
      expect(schedule.statusCode, schedule.body).toBe(200);
      clock.advance({ hours: 36 });
      const scheduled = await runDueSchedules(platform.services);
      if (scheduled) await platform.services.modelRuns.whenFinished(scheduled.id);
      expect(JSON.stringify(scheduled?.models ?? [])).not.toContain('U_DRAFT');

      const batch = await importCsv(platform, 'benefit_payment', PAYMENTS_CSV.split('\n').slice(0, 2).join('\n'));
      const after = await onBatchLoaded(platform.services, batch);
      if (after) await platform.services.modelRuns.whenFinished(after.id);
      expect(after?.models).toBeDefined();
      expect(JSON.stringify(after?.models)).not.toContain('U_DRAFT');
      const warnings = await platform.services.database.db
        .selectFrom('warnings')
        .select('id')
        .where('model_id', '=', 'U_DRAFT')
        .execute();
      expect(warnings).toHaveLength(0);
    });

    it('hides a draft from a reviewer of another county: not listed, not shown, not previewed, not approved', async () => {
      expect(await models(leader)).toContain('U_DRAFT');
      expect(await models(cityLeader)).toContain('U_DRAFT');
      expect(await models(leaderB)).not.toContain('U_DRAFT');
      for (const [method, url] of [
        ['GET', '/api/v1/models/U_DRAFT'],
        ['POST', '/api/v1/models/U_DRAFT/preview'],
        ['POST', '/api/v1/models/U_DRAFT/approve'],
      ] as const) {
        const response = await call(leaderB, method, url, method === 'POST' ? {} : undefined);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
      const returned = await call(leaderB, 'POST', '/api/v1/models/U_DRAFT/return', { reason: '不属于本县' });
      expect(returned.statusCode).toBe(404);
      const analystB = await buildActor(platform.services, 'model_analyst', countyB);
      const run = await call(analystB, 'POST', '/api/v1/model-runs', { models: ['U_DRAFT'], kind: 'full' });
      expect(run.statusCode).toBe(404);
      expect((await call(leaderB, 'GET', '/api/v1/models/W01')).statusCode).toBe(200);
    });

    it('refuses approval to a user without model.approve, and to the author even when they hold it', async () => {
      const analystApproves = await call(analyst, 'POST', '/api/v1/models/U_DRAFT/approve');
      expect(analystApproves.statusCode).toBe(403);
      expect(analystApproves.json()).toMatchObject({ code: 'forbidden' });

      // The author is given the approving permission too: the server still refuses them.
      const grant = await call(secAdmin, 'PUT', '/api/v1/roles/model_analyst/permissions', {
        permissions: [...DEFAULT_ROLE_PERMISSIONS.model_analyst, 'model.approve'],
      });
      expect(grant.statusCode, grant.body).toBe(200);
      try {
        const own = await call(analyst, 'POST', '/api/v1/models/U_DRAFT/approve');
        expect(own.statusCode).toBe(403);
        expect(own.json()).toMatchObject({ code: 'own_draft' });
        const ownReturn = await call(analyst, 'POST', '/api/v1/models/U_DRAFT/return', { reason: '自己退回' });
        expect(ownReturn.json()).toMatchObject({ code: 'own_draft' });
        const [denied] = await audited('model.approve', analyst);
        expect(denied).toMatchObject({ outcome: 'denied', object_id: 'U_DRAFT' });
      } finally {
        await call(secAdmin, 'PUT', '/api/v1/roles/model_analyst/permissions', {
          permissions: [...DEFAULT_ROLE_PERMISSIONS.model_analyst],
        });
      }
      const detail = await call(leader, 'GET', '/api/v1/models/U_DRAFT');
      expect(detail.json<Detail>()).toMatchObject({ reviewStatus: 'draft', enabled: false });
    });

    it('shows the reviewer the preview inside their jurisdiction; returning needs a reason', async () => {
      const preview = async (actor: TestActor) => {
        const response = await call(actor, 'POST', '/api/v1/models/U_DRAFT/preview', { limit: 50 });
        expect(response.statusCode, response.body).toBe(200);
        return response.json<{ hits: unknown[] }>().hits.length;
      };
      // County A's rows only: the city's leader also sees county B's payment to Dave.
      const inCountyA = await preview(leader);
      expect(inCountyA).toBeGreaterThan(0);
      expect(await preview(cityLeader)).toBe(inCountyA + 1);
      const [previewed] = await audited('model.preview', leader);
      expect(previewed).toMatchObject({ object_id: 'U_DRAFT', outcome: 'allowed' });

      expect((await call(leader, 'POST', '/api/v1/models/U_DRAFT/return', {})).statusCode).toBe(400);
      expect((await call(leader, 'POST', '/api/v1/models/U_DRAFT/return', { reason: ' ' })).statusCode).toBe(400);
      const returned = await call(leader, 'POST', '/api/v1/models/U_DRAFT/return', { reason: '阈值过低，误报太多' });
      expect(returned.statusCode, returned.body).toBe(200);
      expect(returned.json<Detail>()).toMatchObject({
        reviewStatus: 'returned',
        enabled: false,
        reviews: [{ step: 'returned', by: leader.user.username, reason: '阈值过低，误报太多' }, { step: 'submitted' }],
      });
      const [entry] = await audited('model.return', leader);
      expect(entry).toMatchObject({ object_id: 'U_DRAFT', outcome: 'allowed', reason: '阈值过低，误报太多' });
      // A returned model is not a draft awaiting review: nothing to approve until the author saves again.
      expect((await call(leader, 'POST', '/api/v1/models/U_DRAFT/approve')).statusCode).toBe(409);
    });

    it("approves the author's next version: enabled, runnable, every step on the history", async () => {
      const saved = await call(analyst, 'PUT', '/api/v1/models/U_DRAFT/document', {
        document: { ...paymentModel('U_DRAFT'), severity: 'red' },
        reason: '提高等级',
      });
      expect(saved.json<Detail>()).toMatchObject({ reviewStatus: 'draft', currentVersion: 2 });
      const approved = await call(cityLeader, 'POST', '/api/v1/models/U_DRAFT/approve');
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json<Detail>()).toMatchObject({ reviewStatus: 'approved', enabled: true, submittedBy: null });
      expect(approved.json<Detail>().reviews.map((r) => `${r.version}:${r.step}`)).toEqual([
        '2:approved',
        '2:submitted',
        '1:returned',
        '1:submitted',
      ]);
      const [entry] = await audited('model.approve', cityLeader);
      expect(entry).toMatchObject({ object_id: 'U_DRAFT', outcome: 'allowed', detail: { version: 2 } });
      expect(await models(leaderB)).toContain('U_DRAFT');

      const run = await runAndWait(platform, { kind: 'full', modelIds: ['U_DRAFT'] });
      expect(run.status).toBe('succeeded');
      expect((run.hit_counts as Record<string, number>).U_DRAFT).toBeGreaterThan(0);
      // A new version is a draft again: the model stops running until it too is approved.
      await call(analyst, 'PUT', '/api/v1/models/U_DRAFT/document', {
        document: paymentModel('U_DRAFT'),
        reason: '恢复等级',
      });
      const all = await runAndWait(platform, { kind: 'full', all: true });
      expect(JSON.stringify(all.models)).not.toContain('U_DRAFT');
    });

    it('leaves built-in models approved and enabled', async () => {
      const w01 = (await call(leader, 'GET', '/api/v1/models/W01')).json<Detail>();
      expect(w01).toMatchObject({ reviewStatus: 'approved', enabled: true, reviews: [] });
      expect((await call(leader, 'POST', '/api/v1/models/W01/approve')).statusCode).toBe(409);
    });
  });
}
