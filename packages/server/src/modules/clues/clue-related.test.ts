import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClueEvents } from './clue-events.js';
import { buildConfirmedWarning } from '../../testing/clue-fixtures.js';
import { buildClueWorld } from '../../testing/clue-world.js';
import { buildActor, type TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

interface Related {
  items: { id: number; reasons: { code: string; label: { zh: string } }[]; linked: string | null }[];
}
interface Detail {
  id: number;
  responsibleUserId: number | null;
  responsible: { name: string; office: string } | null;
  allowedActions: { action: string }[];
  timeline: { action: string; details: { label: { en: string }; value: { zh: string } }[] }[];
}

for (const engine of testEngines()) {
  describe(`clues: possible duplicates and reassignment (${engine})`, () => {
    let platform: TestPlatform;
    let world: Awaited<ReturnType<typeof buildClueWorld>>;
    let registrar: TestActor;
    let handler: TestActor;
    let leader: TestActor;
    let analyst: TestActor;
    let registrarB: TestActor;
    let divisionA: string;
    let divisionB: string;
    const person = makeIdNumber(`19${50 + Math.floor(Math.random() * 40)}0303`, Math.floor(Math.random() * 900));

    const call = <T>(who: TestActor, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) =>
      world.call<T>(who, method, url, payload, status);
    const receive = (who: TestActor, division: string, subjects: unknown[], extra: object = {}) =>
      call<Detail>(
        who,
        'POST',
        '/api/v1/clues',
        {
          source: 'letters_visits',
          problemType: 'other',
          title: '来信反映',
          summary: '反映问题',
          divisionCode: division,
          subjects,
          ...extra,
        },
        201,
      );

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      world = await buildClueWorld(platform);
      ({ divisionA, divisionB } = world);
      ({ registrar, handler, leader, registrarB } = world.people);
      analyst = await buildActor(platform.services, 'model_analyst', world.countyA);
    });
    afterAll(async () => platform?.close());

    it('lists clues on the same person, the same unit and the same warning subject, with their reasons', async () => {
      const unit = { kind: 'unit', name: '某某村股份经济合作社', creditCode: '91330106MA2H00000B' };
      const first = await receive(registrar, divisionA, [{ kind: 'official', name: '李某', idNumber: person }, unit]);
      // The same unit by its name written in full-width with spaces, the same person under another name.
      const byName = await receive(handler, divisionA, [{ kind: 'unit', name: '某某村股份 经济合作社' }]);
      const byPerson = await receive(handler, divisionA, [{ kind: 'official', name: '李某某', idNumber: person }]);
      const unrelated = await receive(handler, divisionA, [{ kind: 'official', name: '赵某' }]);
      // Another county's clue on the same person is not the viewer's to see.
      await receive(registrarB, divisionB, [{ kind: 'official', name: '李某', idNumber: person }]);

      const related = await call<Related>(registrar, 'GET', `/api/v1/clues/${first.id}/related`);
      expect(related.items.map((i) => [i.id, i.reasons.map((r) => r.code)])).toEqual([
        [byPerson.id, ['same_person']],
        [byName.id, ['same_unit']],
      ]);
      expect(related.items[0]!.reasons[0]!.label.zh).toContain('同一被反映人');
      // A search by identity number finds the person's clues of the viewer's county only.
      const found = await call<Related>(registrar, 'POST', '/api/v1/clues/search', { idNumber: person });
      expect(found.items.map((i) => i.id)).toEqual([byPerson.id, first.id]);
      await call(registrar, 'POST', '/api/v1/clues/search', { idNumber: '12345' }, 400);
      expect(related.items.map((i) => i.id)).not.toContain(unrelated.id);

      // Linking from the list: the clue then shows as linked.
      await call(registrar, 'POST', `/api/v1/clues/${first.id}/steps`, {
        action: 'link_related',
        payload: { clueId: byName.id, reason: '同一单位' },
      });
      const after = await call<Related>(registrar, 'GET', `/api/v1/clues/${first.id}/related`);
      expect(after.items.find((i) => i.id === byName.id)?.linked).toBe('related');
    });

    it('finds clues made of the same model warning on the same subject', async () => {
      const db = platform.services.database.db;
      const [w1, w2] = [
        await buildConfirmedWarning(platform, divisionA),
        await buildConfirmedWarning(platform, divisionA),
      ];
      await db.updateTable('warnings').set({ subject_key: '4242' }).where('id', 'in', [w1, w2]).execute();
      const base = { source: 'model_warning', divisionCode: undefined };
      const a = await receive(handler, divisionA, [], { ...base, warningIds: [w1] });
      const b = await receive(handler, divisionA, [], { ...base, warningIds: [w2] });
      const related = await call<Related>(handler, 'GET', `/api/v1/clues/${a.id}/related`);
      expect(related.items.map((i) => [i.id, i.reasons.map((r) => r.code)])).toEqual([
        [b.id, ['same_warning_subject']],
      ]);
    });

    it('answers 404 for another county and 403 without clue.read', async () => {
      const clue = await receive(registrar, divisionA, []);
      await call(registrarB, 'GET', `/api/v1/clues/${clue.id}/related`, undefined, 404);
      await call(analyst, 'GET', `/api/v1/clues/${clue.id}/related`, undefined, 403);
    });

    it('reassigns a clue to a person of the jurisdiction, records it and announces it', async () => {
      const heard: ClueEvents['clue.assigned'][] = [];
      platform.services.clueEvents.on('clue.assigned', async (event) => {
        heard.push(event);
      });
      const clue = await receive(registrar, divisionA, []);
      expect(clue.responsibleUserId).toBe(registrar.user.id);
      // The handler may not reassign; a user of another county cannot be given it.
      const body = (userId: number) => ({
        action: 'reassign',
        payload: { responsibleUserId: userId, reason: '分工调整' },
      });
      await call(handler, 'POST', `/api/v1/clues/${clue.id}/steps`, body(leader.user.id), 422);
      await call(registrar, 'POST', `/api/v1/clues/${clue.id}/steps`, body(registrarB.user.id), 400);
      // A model analyst does not handle clues.
      await call(registrar, 'POST', `/api/v1/clues/${clue.id}/steps`, body(analyst.user.id), 400);

      const moved = await call<Detail>(leader, 'POST', `/api/v1/clues/${clue.id}/steps`, body(handler.user.id));
      expect(moved.responsibleUserId).toBe(handler.user.id);
      expect(moved.responsible).toEqual({
        name: handler.user.display_name,
        office: expect.stringContaining('测试县01'),
      });
      const entry = moved.timeline.at(-1)!;
      expect(entry.action).toBe('reassign');
      expect(Object.fromEntries(entry.details.map((d) => [d.label.en, d.value.zh]))).toEqual({
        Responsible: handler.user.display_name,
        Office: expect.stringContaining('测试县01'),
      });
      // Announced once the step has committed: first to its receiver, then to the new person.
      await platform.services.background.idle();
      expect(heard).toEqual([
        {
          clueId: clue.id,
          divisionCode: divisionA,
          responsibleUserId: registrar.user.id,
          responsibleOrgId: registrar.user.org_id,
          at: expect.any(String),
        },
        {
          clueId: clue.id,
          divisionCode: divisionA,
          responsibleUserId: handler.user.id,
          responsibleOrgId: handler.user.org_id,
          at: expect.any(String),
        },
      ]);
    });
  });
}
