import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClueWorld } from '../../testing/clue-world.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

type Page = { items: { id: number; title: string }[] };

for (const engine of testEngines()) {
  describe(`clue reads kept while no clue changes (${engine})`, () => {
    let platform: TestPlatform;
    let world: Awaited<ReturnType<typeof buildClueWorld>>;

    const registry = async (who: TestActor) => (await world.call<Page>(who, 'GET', '/api/v1/clues?limit=200')).items;
    const listed = async (who: TestActor, id: number) => (await registry(who)).some((c) => c.id === id);
    const opens = async (who: TestActor, id: number) =>
      (await platform.app.inject({ method: 'GET', url: `/api/v1/clues/${id}`, headers: who.session.headers }))
        .statusCode === 200;

    async function declareConflict(who: TestActor, id: number, reason: string) {
      const response = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/clues/${id}/steps`,
        payload: { action: 'declare_conflict', payload: { reason } },
        headers: who.session.headers,
      });
      expect(response.statusCode, response.body).toBe(204);
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      world = await buildClueWorld(platform);
    });

    afterAll(async () => {
      await platform.close();
    });

    it('reads a page again once a clue changes, whoever wrote the change', async () => {
      const { leader, handler } = world.people;
      const id = await world.receive(handler, world.divisionA, '初次来信');
      expect((await registry(leader)).find((c) => c.id === id)?.title).toBe('初次来信');
      expect((await world.call<{ title: string }>(leader, 'GET', `/api/v1/clues/${id}`)).title).toBe('初次来信');
      // Written straight into the store, as another process or an operator would: no service told.
      await sql`UPDATE clues SET title = ${'补充后的来信'} WHERE id = ${id}`.execute(platform.services.database.db);
      expect((await registry(leader)).find((c) => c.id === id)?.title).toBe('补充后的来信');
      expect((await world.call<{ title: string }>(leader, 'GET', `/api/v1/clues/${id}`)).title).toBe('补充后的来信');
    });

    it('never gives a recused reader the page kept for a colleague, nor the other way round', async () => {
      const { leader, handler, colleague, registrar } = world.people;
      const first = await world.receive(registrar);
      await declareConflict(handler, first, '本人亲属');
      // The leader's page, listing the clue, is read and kept first.
      expect(await listed(leader, first)).toBe(true);
      expect(await listed(handler, first)).toBe(false);
      expect(await opens(handler, first)).toBe(false);
      expect(await listed(colleague, first)).toBe(true);
      expect(await opens(colleague, first)).toBe(true);

      // Now the recused reader's page is read and kept first.
      const second = await world.receive(registrar);
      await declareConflict(handler, second, '利害关系');
      expect(await listed(handler, second)).toBe(false);
      expect(await listed(colleague, second)).toBe(true);
      expect(await listed(leader, second)).toBe(true);
    });

    it('keeps each county its own pages', async () => {
      const { leader, leaderB, registrarB } = world.people;
      const inA = await world.receive(world.people.registrar);
      const inB = await world.receive(registrarB, world.divisionB);
      expect(await listed(leader, inA)).toBe(true);
      expect(await listed(leaderB, inA)).toBe(false);
      expect(await opens(leaderB, inA)).toBe(false);
      expect(await listed(leaderB, inB)).toBe(true);
      expect(await listed(leader, inB)).toBe(false);
    });

    it('audits every look at a clue’s page, also when the page was kept', async () => {
      const { leader, handler } = world.people;
      const id = await world.receive(handler);
      const looks = async () =>
        (
          await platform.services.database.db
            .selectFrom('audit_log')
            .select('user_id')
            .where('action', '=', 'clue.read')
            .where('object_id', '=', String(id))
            .execute()
        ).map((e) => e.user_id);
      expect(await opens(leader, id)).toBe(true);
      expect(await opens(leader, id)).toBe(true);
      expect(await opens(handler, id)).toBe(true);
      expect(await looks()).toEqual([leader.user.id, leader.user.id, handler.user.id]);
      // A look refused (another county) is no look at the clue.
      expect(await opens(world.people.leaderB, id)).toBe(false);
      expect(await looks()).toHaveLength(3);
    });

    it('audits every search by identity number, also when its answer was kept', async () => {
      const { leader, handler } = world.people;
      const idNumber = makeIdNumber('19710315', 417);
      const { id } = await world.call<{ id: number }>(
        handler,
        'POST',
        '/api/v1/clues',
        {
          source: 'letters_visits',
          problemType: 'livelihood_funds',
          title: '反映某村支书',
          summary: '优亲厚友',
          divisionCode: world.divisionA,
          subjects: [{ kind: 'official', name: '李某', idNumber }],
        },
        201,
      );
      const searches = () =>
        platform.services.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'clue.search')
          .where('user_id', '=', leader.user.id)
          .executeTakeFirstOrThrow();
      const before = Number((await searches()).n);
      for (let i = 0; i < 2; i++) {
        const found = await world.call<Page>(leader, 'POST', '/api/v1/clues/search', { idNumber });
        expect(found.items.map((c) => c.id)).toEqual([id]);
      }
      expect(Number((await searches()).n)).toBe(before + 2);
    });
  });
}
