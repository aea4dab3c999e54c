import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfirmedWarning } from '../../testing/clue-fixtures.js';
import { buildActor, buildJurisdictions, type TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

interface Detail {
  id: number;
  state: string;
  warningIds: number[];
  timeline: {
    action: string;
    actorName: string;
    actionLabel: { zh: string; en: string };
    details: { label: { en: string }; value: { zh: string } }[];
  }[];
}

for (const engine of testEngines()) {
  describe(`clues: confirmed warnings join an open clue (${engine})`, () => {
    let platform: TestPlatform;
    let registrar: TestActor;
    let handler: TestActor;
    let leader: TestActor;
    let handlerB: TestActor;
    let divisionA: string;
    let divisionB: string;

    async function call<T>(who: TestActor, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) {
      const response = await platform.app.inject({
        method,
        url,
        payload: payload as object,
        headers: who.session.headers,
      });
      expect(response.statusCode, response.body).toBe(status);
      return response.json<T>();
    }
    const join = <T = Detail>(who: TestActor, id: number, warningIds: unknown, status = 200) =>
      call<T>(who, 'POST', `/api/v1/clues/${id}/warnings`, { warningIds }, status);
    const fromWarning = async (who: TestActor, division: string) =>
      call<Detail>(
        who,
        'POST',
        '/api/v1/clues',
        {
          source: 'model_warning',
          problemType: 'livelihood_funds',
          title: '死亡人员仍领低保',
          summary: '预警',
          warningIds: [await buildConfirmedWarning(platform, division)],
        },
        201,
      );

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildJurisdictions(platform.services);
      divisionA = world.countyA.division_code.replace(/000000$/, '001001');
      divisionB = world.countyB.division_code.replace(/000000$/, '001001');
      registrar = await buildActor(platform.services, 'case_management', world.countyA);
      handler = await buildActor(platform.services, 'supervision', world.countyA);
      leader = await buildActor(platform.services, 'leader', world.countyA);
      handlerB = await buildActor(platform.services, 'supervision', world.countyB);
    });
    afterAll(async () => platform?.close());

    it('attaches confirmed warnings with a timeline entry and an audit entry; the warnings then show the clue', async () => {
      const db = platform.services.database.db;
      const clue = await fromWarning(handler, divisionA);
      const more = [await buildConfirmedWarning(platform, divisionA), await buildConfirmedWarning(platform, divisionA)];
      const joined = await join(registrar, clue.id, more);
      expect(joined.warningIds).toEqual([...clue.warningIds, ...more].sort((a, b) => a - b));
      const entry = joined.timeline.at(-1)!;
      expect(entry).toMatchObject({
        action: 'join_warnings',
        actorName: registrar.user.display_name,
        actionLabel: { zh: '并入预警', en: 'Warnings joined' },
      });
      expect(entry.details).toEqual([
        {
          label: expect.objectContaining({ en: 'Warnings joined' }),
          value: expect.objectContaining({ zh: more.join('、') }),
        },
      ]);
      for (const w of more) {
        expect(await call(handler, 'GET', `/api/v1/clues/by-warning/${w}`)).toEqual({ clueId: clue.id });
      }
      const audit = await db
        .selectFrom('audit_log')
        .select(['action', 'detail', 'user_id'])
        .where('object_type', '=', 'clue')
        .where('object_id', '=', String(clue.id))
        .where('action', '=', 'clue.warnings.join')
        .executeTakeFirstOrThrow();
      expect(audit.detail).toEqual({ warningIds: more });
      expect(audit.user_id).toBe(registrar.user.id);
      // A warning joins one clue only: neither this one again nor another.
      await join(handler, clue.id, [more[0]], 409);
      const other = await fromWarning(handler, divisionA);
      await join(handler, other.id, [more[1]], 409);
      await join(handler, other.id, clue.warningIds, 409);
    });

    it('refuses unconfirmed warnings, closed clues and malformed lists, writing nothing', async () => {
      const db = platform.services.database.db;
      const clue = await fromWarning(handler, divisionA);
      const fresh = await buildConfirmedWarning(platform, divisionA, 'new');
      const ok = await buildConfirmedWarning(platform, divisionA);
      // One bad warning refuses the whole list: the good one stays free.
      await join(handler, clue.id, [ok, fresh], 409);
      expect(await call(handler, 'GET', `/api/v1/clues/by-warning/${ok}`)).toEqual({ clueId: null });
      await join(handler, clue.id, [], 400);
      await join(handler, clue.id, [ok, ok], 400);
      await join(handler, clue.id, ['1; drop'], 400);
      await join(handler, clue.id, [2147483000], 404);
      // A leader reads clues but does not handle them.
      await join(leader, clue.id, [ok], 403);
      const target = await fromWarning(handler, divisionA);
      await call(registrar, 'POST', `/api/v1/clues/${clue.id}/steps`, {
        action: 'merge_into',
        payload: { targetClueId: target.id, reason: '同一事项' },
      });
      const closed = await join<{ code: string; reason: { zh: string } }>(handler, clue.id, [ok], 409);
      expect(closed).toMatchObject({
        code: 'clue_not_open',
        reason: { zh: expect.stringContaining('不能再并入预警') },
      });
      const steps = await db
        .selectFrom('clue_steps')
        .select('action')
        .where('clue_id', '=', clue.id)
        .where('action', '=', 'join_warnings')
        .execute();
      expect(steps).toEqual([]);
    });

    it("answers another county's clue or warning, and a clue the user is recused from, like unknown ones", async () => {
      const clue = await fromWarning(handler, divisionA);
      const ownB = await fromWarning(handlerB, divisionB);
      const warningA = await buildConfirmedWarning(platform, divisionA);
      const warningB = await buildConfirmedWarning(platform, divisionB);
      const unknown = await join<{ code: string }>(handlerB, 2147483000, [warningB], 404);
      const foreign = await join<{ code: string }>(handlerB, clue.id, [warningB], 404);
      expect(foreign.code).toBe(unknown.code);
      // B's own clue cannot take A's warning; A's clue cannot take B's.
      const foreignWarning = await join<{ code: string }>(handlerB, ownB.id, [warningA], 404);
      expect(foreignWarning.code).toBe('warning_not_found');
      await join(handler, clue.id, [warningB], 404);
      expect(await call(handler, 'GET', `/api/v1/clues/by-warning/${warningA}`)).toEqual({ clueId: null });

      await call(leader, 'POST', `/api/v1/clues/${clue.id}/steps`, {
        action: 'recuse_person',
        payload: { userId: handler.user.id, reason: '与被反映人系同学' },
      });
      const recused = await join<{ code: string }>(handler, clue.id, [warningA], 404);
      expect(recused.code).toBe(unknown.code);
      expect(await call(registrar, 'GET', `/api/v1/clues/by-warning/${warningA}`)).toEqual({ clueId: null });
    });
  });
}
