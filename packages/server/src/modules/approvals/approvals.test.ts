import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile, type TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { ALICE, DAVE, PAYMENTS_CSV, buildCounties, importCsv } from '../../testing/warnings-fixture.js';
import { APPROVAL_VALID_MS } from './approvals.service.js';
import type { TSensitiveRequest } from './approvals.schemas.js';

/*
 * Sensitive queries under four eyes (docs/security.md): with the security administrator's
 * policy on, a person search, a dataset's identity lookup or a batch's whole rejected rows
 * run only on an approval by a second person of the requester's jurisdiction, once, within
 * the window; all audited.
 */
for (const engine of testEngines()) {
  describe(`sensitive queries need a second person's approval (${engine})`, () => {
    let platform: TestPlatform;
    let secAdmin: TestActor;
    let handlerA: TestActor;
    let leaderA: TestActor;
    let leaderB: TestActor;
    let adminA: TestActor;

    const call = (actor: TestActor, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      platform.app.inject({ method, url, headers: actor.session.headers, ...(payload ? { payload } : {}) });
    const search = (actor: TestActor, q: string) => call(actor, 'POST', '/api/v1/people/search', { q });
    const ask = (actor: TestActor, kind: string, query: string, reason = '核查低保冒领线索') =>
      call(actor, 'POST', '/api/v1/approvals', { kind, query, reason });
    const decide = (actor: TestActor, id: number, decision: 'approve' | 'refuse', note?: string) =>
      call(actor, 'POST', `/api/v1/approvals/${id}/decision`, { decision, ...(note ? { note } : {}) });
    const list = async (actor: TestActor, view: 'mine' | 'to_decide') => {
      const response = await call(actor, 'GET', `/api/v1/approvals?view=${view}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: TSensitiveRequest[]; approvalRequired: boolean }>();
    };
    const setPolicy = async (on: boolean) => {
      const response = await call(secAdmin, 'PUT', '/api/v1/security-policies', {
        totpRequiredRoles: [],
        sensitiveQueryApproval: on,
      });
      expect(response.statusCode, response.body).toBe(200);
    };
    const audits = (action: string) =>
      platform.services.database.db
        .selectFrom('audit_log')
        .select(['user_id', 'outcome', 'reason', 'detail', 'object_id'])
        .where('action', '=', action)
        .orderBy('id')
        .execute();

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildCounties(platform);
      secAdmin = await world.actor('sec_admin', world.countyA);
      handlerA = await world.actor('case_management', world.countyA);
      leaderA = await world.actor('leader', world.countyA);
      leaderB = await world.actor('leader', world.countyB);
      adminA = await world.actor('data_admin', world.countyA);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
    });
    afterAll(async () => platform?.close());

    it('lets every query run while the policy is off, and shows the policy to the security administrator', async () => {
      expect((await search(handlerA, ALICE)).statusCode).toBe(200);
      const policies = await call(secAdmin, 'GET', '/api/v1/security-policies');
      expect(policies.json()).toMatchObject({ sensitiveQueryApproval: false });
      await setPolicy(true);
      expect((await call(secAdmin, 'GET', '/api/v1/security-policies')).json()).toMatchObject({
        sensitiveQueryApproval: true,
      });
      const [entry] = (await audits('policy.update')).filter((a) => a.object_id === 'sensitive_query_approval');
      expect(entry).toMatchObject({ user_id: secAdmin.user.id, detail: { from: false, to: true } });
    });

    it('refuses a person search without an approval, and runs it once after a second person approves', async () => {
      const refused = await search(handlerA, ALICE);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'approval_required' });

      // Asked with the number in lower-case x or with spaces: the same query once written the standard way.
      const asked = await ask(handlerA, 'person_search', ` ${ALICE.slice(0, 6)} ${ALICE.slice(6)} `);
      expect(asked.statusCode, asked.body).toBe(201);
      const request = asked.json<TSensitiveRequest>();
      expect(request).toMatchObject({ status: 'pending', requestedBy: handlerA.user.username });
      expect(request.query).toBe(`${ALICE.slice(0, 3)}***********${ALICE.slice(-4)}`);
      expect(JSON.stringify(await audits('sensitive.request'))).not.toContain(ALICE);

      // Pending is not approved.
      expect((await search(handlerA, ALICE)).statusCode).toBe(403);
      // The requester cannot approve their own, even holding the permission; a leader of
      // another county sees nothing of it and gets the answer an unknown request gets.
      expect((await list(leaderA, 'to_decide')).items.map((r) => r.id)).toEqual([request.id]);
      expect((await list(leaderB, 'to_decide')).items).toEqual([]);
      const fromB = await decide(leaderB, request.id, 'approve');
      const unknown = await decide(leaderB, 999_999, 'approve');
      expect([fromB.statusCode, unknown.statusCode]).toEqual([404, 404]);
      expect(fromB.body).toBe(unknown.body);
      expect((await decide(handlerA, request.id, 'approve')).statusCode).toBe(403);

      const approved = await decide(leaderA, request.id, 'approve', '同意');
      expect(approved.statusCode, approved.body).toBe(200);
      const body = approved.json<TSensitiveRequest>();
      expect(body).toMatchObject({ status: 'approved', decidedBy: leaderA.user.username });
      expect(new Date(body.validUntil as unknown as string).getTime() - Date.now()).toBeGreaterThan(
        APPROVAL_VALID_MS - 60_000,
      );
      expect((await decide(leaderA, request.id, 'refuse')).statusCode).toBe(409);

      // A different query is not covered by it.
      expect((await search(handlerA, DAVE)).statusCode).toBe(403);
      const ran = await search(handlerA, ALICE.toLowerCase());
      expect(ran.statusCode, ran.body).toBe(200);
      expect(ran.json<{ items: unknown[] }>().items).toHaveLength(1);
      // Once only.
      expect((await search(handlerA, ALICE)).statusCode).toBe(403);
      expect((await list(handlerA, 'mine')).items[0]).toMatchObject({ id: request.id, status: 'used' });
      const uses = await audits('sensitive.use');
      expect(uses.filter((u) => u.outcome === 'allowed')).toEqual([
        expect.objectContaining({ user_id: handlerA.user.id, object_id: String(request.id) }),
      ]);
      expect(uses.filter((u) => u.outcome === 'denied').length).toBeGreaterThanOrEqual(4);
      expect(JSON.stringify(uses)).not.toContain(ALICE);
      expect(await audits('sensitive.approve')).toEqual([
        expect.objectContaining({ user_id: leaderA.user.id, reason: '同意', object_id: String(request.id) }),
      ]);
    });

    it('does not run a refused query, nor an approval past its window', async () => {
      const refusedId = (await ask(handlerA, 'person_search', '张爱丽')).json<TSensitiveRequest>().id;
      expect((await decide(leaderA, refusedId, 'refuse', '理由不充分')).statusCode).toBe(200);
      expect((await search(handlerA, '张爱丽')).statusCode).toBe(403);

      const lateId = (await ask(handlerA, 'person_search', '张')).json<TSensitiveRequest>().id;
      expect((await decide(leaderA, lateId, 'approve')).statusCode).toBe(200);
      await platform.services.database.db
        .updateTable('sensitive_requests')
        .set({ valid_until: new Date(Date.now() - 1000) })
        .where('id', '=', lateId)
        .execute();
      expect((await search(handlerA, '张')).statusCode).toBe(403);
      expect((await list(handlerA, 'mine')).items.find((r) => r.id === lateId)?.status).toBe('expired');
    });

    it("puts a dataset's identity lookup under the same rule, but not a page of rows", async () => {
      const url = `/api/v1/datasets/benefit_payment/rows?filter[id]=${ALICE}`;
      expect((await call(adminA, 'GET', '/api/v1/datasets/benefit_payment/rows')).statusCode).toBe(200);
      const refused = await call(adminA, 'GET', url);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'approval_required' });
      const id = (await ask(adminA, 'dataset_search', `benefit_payment:id=${ALICE}`)).json<TSensitiveRequest>().id;
      expect((await decide(leaderA, id, 'approve')).statusCode).toBe(200);
      const ran = await call(adminA, 'GET', url);
      expect(ran.statusCode, ran.body).toBe(200);
      expect(ran.json<{ total: number }>().total).toBe(1);
    });

    it("puts a batch's rejected rows, downloaded with their values whole, under the same rule", async () => {
      const upload = multipartFile('pay.csv', PAYMENTS_CSV);
      const created = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/datasets/benefit_payment/imports',
        payload: upload.payload,
        headers: { ...adminA.session.headers, ...upload.headers },
      });
      expect(created.statusCode, created.body).toBe(201);
      const batch = created.json<{ id: number }>();
      const url = `/api/v1/batches/${batch.id}/rejected`;
      const refused = await call(adminA, 'GET', url);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'approval_required' });
      // Another batch's approval does not open this one.
      const other = (await ask(adminA, 'rejected_download', String(batch.id + 1))).json<TSensitiveRequest>().id;
      expect((await decide(leaderA, other, 'approve')).statusCode).toBe(200);
      expect((await call(adminA, 'GET', url)).statusCode).toBe(403);
      const id = (await ask(adminA, 'rejected_download', String(batch.id))).json<TSensitiveRequest>().id;
      expect((await decide(leaderA, id, 'approve')).statusCode).toBe(200);
      const ran = await call(adminA, 'GET', url);
      expect(ran.statusCode, ran.body).toBe(200);
      expect(ran.headers['content-type']).toContain('text/csv');
      expect((await call(adminA, 'GET', url)).statusCode).toBe(403);
      // Asking needs what the download itself needs.
      expect((await ask(handlerA, 'rejected_download', String(batch.id))).statusCode).toBe(403);
    });

    it('refuses to ask for what one may not run, and lists to decide only for approvers', async () => {
      expect((await ask(adminA, 'person_search', ALICE)).statusCode).toBe(403);
      expect((await call(handlerA, 'GET', '/api/v1/approvals?view=to_decide')).statusCode).toBe(403);
      expect((await ask(handlerA, 'person_search', ALICE, '')).statusCode).toBe(400);
      await setPolicy(false);
      expect((await search(handlerA, ALICE)).statusCode).toBe(200);
    });
  });
}
