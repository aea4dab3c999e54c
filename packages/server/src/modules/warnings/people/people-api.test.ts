import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '@qingfeng/core';
import type { TestActor } from '../../../testing/org-factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { makeIdNumber } from '../../../testing/test-data.js';
import {
  ALICE,
  DAVE,
  DEATHS_CSV,
  PAYMENTS_CSV,
  buildCounties,
  importCsv,
  runAndWait,
} from '../../../testing/warnings-fixture.js';

type Search = {
  by: string;
  items: { subjectKey: string; name: string | null; idNumber: string; warningCount: number }[];
};
type Person = {
  name: string | null;
  idNumber: string;
  masked: boolean;
  total: number;
  warnings: { modelId: string; explanation: { zh: string } }[];
};

/** Payments of a person whose name holds LIKE's wildcards, in county A: a name search must take them literally. */
const ODD = makeIdNumber('19700707', 66);
const ODD_PAYMENTS = [
  'payment_id,program,id,name,division,amount,paid_on,period',
  `X1,dibao,${ODD},百%_分,330106001001,100.00,2024-03-15,2024-03`,
].join('\n');

for (const engine of testEngines()) {
  describe(`people: search and a person's page (${engine})`, () => {
    let platform: TestPlatform;
    let leaderA: TestActor;
    let leaderB: TestActor;
    let analystA: TestActor;
    let dataAdminA: TestActor;

    const search = (actor: TestActor, q: string) =>
      platform.app.inject({
        method: 'POST',
        url: '/api/v1/people/search',
        headers: actor.session.headers,
        payload: { q },
      });
    const person = (actor: TestActor, key: string, reason?: string) =>
      platform.app.inject({
        method: 'GET',
        url: `/api/v1/people/${key}${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`,
        headers: actor.session.headers,
      });
    const audits = (action: string) =>
      platform.services.database.db
        .selectFrom('audit_log')
        .select(['user_id', 'subject', 'reason', 'detail', 'object_id'])
        .where('action', '=', action)
        .orderBy('id')
        .execute();
    const keyOf = async (actor: TestActor, id: string) => {
      const found = (await search(actor, id)).json<Search>();
      const key = found.items[0]?.subjectKey;
      if (key === undefined) throw new Error('not found');
      return key;
    };

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildCounties(platform);
      leaderA = await world.actor('leader', world.countyA);
      leaderB = await world.actor('leader', world.countyB);
      analystA = await world.actor('model_analyst', world.countyA);
      dataAdminA = await world.actor('data_admin', world.countyA);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
      await importCsv(platform, 'benefit_payment', ODD_PAYMENTS);
      await importCsv(platform, 'death', DEATHS_CSV);
      const run = await runAndWait(platform, { kind: 'full', modelIds: ['W01'] });
      expect(run.status).toBe('succeeded');
    });
    afterAll(async () => platform?.close());

    it('finds a person of the county by identity number, masked, and audits the search without the number', async () => {
      const response = await search(leaderA, ALICE);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<Search>();
      expect(body.by).toBe('id_number');
      expect(body.items).toEqual([
        { subjectKey: expect.any(String), name: '张爱丽', idNumber: maskIdNumber(ALICE), warningCount: 1 },
      ]);
      expect(response.body).not.toContain(ALICE);
      const [entry] = (await audits('person.search')).slice(-1);
      expect(entry).toMatchObject({ user_id: leaderA.user.id, detail: { by: 'id_number', matched: 1 } });
      expect(entry?.subject).toBe(maskIdNumber(ALICE));
      expect(JSON.stringify(entry)).not.toContain(ALICE);
    });

    it('answers a number known only in another county exactly as an unknown one', async () => {
      const elsewhere = await search(leaderA, DAVE);
      const unknown = await search(leaderA, makeIdNumber('19990909', 99));
      expect(elsewhere.statusCode).toBe(200);
      expect(elsewhere.json()).toEqual({ by: 'id_number', items: [] });
      expect(elsewhere.body).toBe(unknown.body);
      expect((await search(leaderB, DAVE)).json<Search>().items).toHaveLength(1);
      const [entry] = (await audits('person.search')).slice(-1);
      expect(entry?.detail).toEqual({ by: 'id_number', matched: 1 });
    });

    it('finds people by the beginning of their name inside the county only, wildcards taken literally', async () => {
      const alice = (await search(leaderA, '张爱')).json<Search>();
      expect(alice.by).toBe('name');
      expect(alice.items.map((p) => p.name)).toEqual(['张爱丽']);
      expect((await search(leaderA, '赵大卫')).json<Search>().items).toEqual([]);
      expect((await search(leaderB, '赵大卫')).json<Search>().items.map((p) => p.name)).toEqual(['赵大卫']);
      // `%` and `_` match themselves only: neither finds every name.
      expect((await search(leaderA, '%')).json<Search>().items).toEqual([]);
      expect((await search(leaderA, '_')).json<Search>().items).toEqual([]);
      expect((await search(leaderA, '百%_')).json<Search>().items.map((p) => p.name)).toEqual(['百%_分']);
      expect((await search(leaderA, "张' OR 'a'='a")).json<Search>().items).toEqual([]);
    });

    it('refuses a malformed number or an overlong text with a 400, and an empty one', async () => {
      for (const q of ['12345', `${ALICE.slice(0, 17)}0`, '1'.repeat(18), 'x'.repeat(41), '   ']) {
        const response = await search(leaderA, q);
        expect(response.statusCode, q).toBe(400);
      }
    });

    it('needs both warning.read and person.read', async () => {
      expect((await search(analystA, ALICE)).statusCode).toBe(403);
      expect((await search(dataAdminA, ALICE)).statusCode).toBe(403);
      const key = await keyOf(leaderA, ALICE);
      expect((await person(analystA, key)).statusCode).toBe(403);
      expect((await person(dataAdminA, key)).statusCode).toBe(403);
    });

    it("shows a person's page: masked, every warning naming them in the county, the read audited", async () => {
      const key = await keyOf(leaderA, ALICE);
      const response = await person(leaderA, key);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<Person>();
      expect(page).toMatchObject({ name: '张爱丽', idNumber: maskIdNumber(ALICE), masked: true, total: 1 });
      expect(page.warnings.map((w) => w.modelId)).toEqual(['W01']);
      // Neither the number nor the birth date it holds (1940-01-01) is beside the mask.
      expect(response.body).not.toContain(ALICE);
      expect(response.body).not.toMatch(/1940-?01-?01/);
      const [entry] = (await audits('person.view')).slice(-1);
      expect(entry).toMatchObject({ user_id: leaderA.user.id, object_id: key, detail: { warnings: 1 } });
      expect(JSON.stringify(entry)).not.toContain(ALICE);
      // The page is kept while nothing changes, but every look is audited, each by its reader.
      const looks = (await audits('person.view')).length;
      expect((await person(leaderA, key)).body).toBe(response.body);
      expect((await person(leaderA, key)).body).toBe(response.body);
      expect((await audits('person.view')).slice(looks)).toEqual([
        expect.objectContaining({ user_id: leaderA.user.id, object_id: key }),
        expect.objectContaining({ user_id: leaderA.user.id, object_id: key }),
      ]);
    });

    it('reveals the number with a reason, audited as a read of personal data', async () => {
      const key = await keyOf(leaderA, ALICE);
      const page = (await person(leaderA, key, '核查死亡后领取')).json<Person>();
      expect(page).toMatchObject({ idNumber: ALICE, masked: false });
      const [entry] = (await audits('person.read')).slice(-1);
      expect(entry).toMatchObject({
        object_id: key,
        reason: '核查死亡后领取',
        subject: expect.stringContaining('张*'),
      });
    });

    it("another county's user cannot open the page: 404 as for a key that names nobody", async () => {
      const alice = await keyOf(leaderA, ALICE);
      const dave = await keyOf(leaderB, DAVE);
      const nobody = await person(leaderB, '99999999');
      expect(nobody.statusCode).toBe(404);
      expect((await person(leaderB, alice)).statusCode).toBe(404);
      expect((await person(leaderA, dave)).statusCode).toBe(404);
      expect((await person(leaderB, dave)).statusCode).toBe(200);
      for (const bad of ['0', '-1', 'abc', '1e400', '9'.repeat(30)]) {
        expect((await person(leaderA, bad)).statusCode, bad).toBe(400);
      }
    });
  });
}
