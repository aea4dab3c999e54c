import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor, buildJurisdictions, type TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { importCsv } from '../../testing/warnings-fixture.js';

interface Detail {
  id: number;
  responsibleUserId: number | null;
  timeline: { action: string; actionLabel: { zh: string }; details: { value: { zh: string } }[] }[];
}
type Page = { items: { id: number }[] };

/** An identity number no other test file uses, so a shared PostgreSQL lake cannot mix them up. */
const freshId = () =>
  makeIdNumber(
    `19${60 + Math.floor(Math.random() * 30)}0${1 + Math.floor(Math.random() * 9)}15`,
    Math.floor(Math.random() * 900),
  );

for (const engine of testEngines()) {
  describe(`clues: people recused cannot open them (${engine})`, () => {
    let platform: TestPlatform;
    let registrar: TestActor;
    let handler: TestActor;
    let leader: TestActor;
    let admin: TestActor;
    let divisionA: string;

    async function call<T>(
      who: TestActor,
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      payload?: unknown,
      status = 200,
    ) {
      const response = await platform.app.inject({
        method,
        url,
        payload: payload as object,
        headers: who.session.headers,
      });
      expect(response.statusCode, response.body).toBe(status);
      return status === 204 ? (undefined as T) : response.json<T>();
    }
    const receive = (who: TestActor, subjects: unknown[] = []) =>
      call<Detail>(
        who,
        'POST',
        '/api/v1/clues',
        {
          source: 'letters_visits',
          problemType: 'other',
          title: '来信',
          summary: '反映',
          divisionCode: divisionA,
          subjects,
        },
        201,
      );
    /** Whether `who` can open the clue; the registry lists it for them exactly then. */
    async function sees(who: TestActor, id: number) {
      const opened = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/clues/${id}`,
        headers: who.session.headers,
      });
      const page = await call<Page>(who, 'GET', '/api/v1/clues?limit=200');
      expect([200, 404]).toContain(opened.statusCode);
      expect(page.items.some((c) => c.id === id)).toBe(opened.statusCode === 200);
      return opened.statusCode === 200;
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildJurisdictions(platform.services);
      divisionA = world.countyA.division_code.replace(/000000$/, '001001');
      registrar = await buildActor(platform.services, 'case_management', world.countyA);
      handler = await buildActor(platform.services, 'supervision', world.countyA);
      leader = await buildActor(platform.services, 'leader', world.countyA);
      admin = world.adminA;
    });
    afterAll(async () => platform?.close());

    it('hides a clue from whoever declares a conflict, and from whoever a leader recuses', async () => {
      const clue = await receive(handler);
      expect(await sees(handler, clue.id)).toBe(true);
      await call(
        handler,
        'POST',
        `/api/v1/clues/${clue.id}/steps`,
        { action: 'declare_conflict', payload: { reason: '本人亲属' } },
        204,
      );
      expect(await sees(handler, clue.id)).toBe(false);
      await call(
        handler,
        'POST',
        `/api/v1/clues/${clue.id}/steps`,
        { action: 'link_related', payload: { clueId: clue.id } },
        404,
      );
      // Nobody is responsible until case management or a leader gives it to someone.
      const seen = await call<Detail>(registrar, 'GET', `/api/v1/clues/${clue.id}`);
      expect(seen.responsibleUserId).toBeNull();
      expect(seen.timeline.at(-1)!.actionLabel.zh).toBe('申请回避');

      const other = await receive(registrar);
      const recuse = { action: 'recuse_person', payload: { userId: registrar.user.id, reason: '利害关系' } };
      await call(handler, 'POST', `/api/v1/clues/${other.id}/steps`, recuse, 422);
      await call(leader, 'POST', `/api/v1/clues/${other.id}/steps`, recuse);
      expect(await sees(registrar, other.id)).toBe(false);
      expect(await sees(leader, other.id)).toBe(true);
      // A recused person cannot be given the clue again.
      const back = { action: 'reassign', payload: { responsibleUserId: registrar.user.id, reason: '重新分配' } };
      const refused = await call<{ code: string }>(leader, 'POST', `/api/v1/clues/${other.id}/steps`, back, 422);
      expect(refused.code).toBe('invalid_payload');
    });

    it('recuses staff who are a subject, or a subject’s relative in the kinship data, when the clue is received', async () => {
      const official = freshId();
      const cousin = freshId();
      // The security or system administrator records the staff's identity numbers, sealed.
      const shown = await call<{ idNumber: string }>(admin, 'PATCH', `/api/v1/users/${handler.user.id}`, {
        idNumber: cousin,
      });
      expect(shown.idNumber).not.toContain(cousin.slice(6, 14));
      await call(admin, 'PATCH', `/api/v1/users/${leader.user.id}`, { idNumber: official });
      await call(admin, 'PATCH', `/api/v1/users/${registrar.user.id}`, { idNumber: cousin }, 409);
      await importCsv(
        platform,
        'kinship',
        ['official_id,relative_id,relative_name,relation', `${official},${cousin},王某,sibling`].join('\n'),
      );

      const clue = await receive(registrar, [{ kind: 'official', name: '王某某', idNumber: official }]);
      expect(await sees(handler, clue.id)).toBe(false);
      expect(await sees(leader, clue.id)).toBe(false);
      expect(await sees(registrar, clue.id)).toBe(true);
      const timeline = (await call<Detail>(registrar, 'GET', `/api/v1/clues/${clue.id}`)).timeline;
      expect(
        timeline
          .filter((s) => s.action === 'kinship_recusal')
          .map((s) => s.details[0]!.value.zh)
          .sort(),
      ).toEqual([handler.user.display_name, leader.user.display_name].sort());
      // A clue on someone else leaves them be.
      const unrelated = await receive(registrar, [{ kind: 'official', name: '赵某', idNumber: freshId() }]);
      expect(await sees(handler, unrelated.id)).toBe(true);
    });
  });
}
