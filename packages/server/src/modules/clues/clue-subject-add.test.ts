import { maskIdNumber } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor, buildJurisdictions, type TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { makeIdNumber, withBadCheckDigit } from '../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

interface Detail {
  id: number;
  subjects: {
    kind: string;
    name: string;
    position: string | null;
    idNumber: string | null;
    creditCode: string | null;
  }[];
  timeline: { action: string; actorName: string; details: { value: { zh: string } }[] }[];
}
interface Refusal {
  code: string;
  field?: string;
  reason?: { zh: string; en: string };
}

for (const engine of testEngines()) {
  describe(`clues: a subject added after receipt (${engine})`, () => {
    let platform: TestPlatform;
    let handler: TestActor;
    let registrar: TestActor;
    let leader: TestActor;
    let handlerB: TestActor;
    let divisionA: string;

    async function call<T>(who: TestActor, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) {
      const response = await platform.app.inject({
        method,
        url,
        payload: payload as object,
        headers: who.session.headers,
      });
      expect(response.statusCode, response.body).toBe(status);
      return status === 204 ? (undefined as T) : response.json<T>();
    }
    const add = (who: TestActor, id: number, subject: unknown, status = 204) =>
      call<Refusal>(who, 'POST', `/api/v1/clues/${id}/subjects`, subject, status);
    const receive = () =>
      call<Detail>(
        handler,
        'POST',
        '/api/v1/clues',
        { source: 'letters_visits', problemType: 'other', title: '来信', summary: '反映', divisionCode: divisionA },
        201,
      );

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildJurisdictions(platform.services);
      divisionA = world.countyA.division_code.replace(/000000$/, '001001');
      handler = await buildActor(platform.services, 'supervision', world.countyA);
      registrar = await buildActor(platform.services, 'case_management', world.countyA);
      leader = await buildActor(platform.services, 'leader', world.countyA);
      handlerB = await buildActor(platform.services, 'supervision', world.countyB);
    });
    afterAll(async () => platform?.close());

    it('adds a person, sealed and masked, with a timeline entry and an audit entry; the same person again is a 409', async () => {
      const db = platform.services.database.db;
      const clue = await receive();
      const official = makeIdNumber('19710203', 81);
      const person = { kind: 'official', name: '郑某', position: '镇民政办主任', idNumber: official };
      await add(handler, clue.id, person);
      const detail = await call<Detail>(handler, 'GET', `/api/v1/clues/${clue.id}`);
      expect(detail.subjects).toEqual([
        {
          kind: 'official',
          name: '郑某',
          position: '镇民政办主任',
          idNumber: maskIdNumber(official),
          creditCode: null,
        },
      ]);
      expect(detail.timeline.at(-1)).toMatchObject({
        action: 'add_subject',
        actorName: handler.user.display_name,
        details: [{ value: { zh: '郑某' } }],
      });
      const stored = await db.selectFrom('clue_subjects').selectAll().where('clue_id', '=', clue.id).execute();
      expect(stored.map((s) => s.id_number_hash)).toEqual([platform.services.fieldCrypto.blindIndex(official)]);
      expect(stored[0]!.id_number_enc).not.toContain(official);
      const audits = await db
        .selectFrom('audit_log')
        .select(['user_id', 'detail'])
        .where('action', '=', 'clue.subject.add')
        .where('object_id', '=', String(clue.id))
        .execute();
      expect(audits).toEqual([{ user_id: handler.user.id, detail: { kind: 'official', recusedByKinship: [] } }]);

      const again = await add(registrar, clue.id, { ...person, name: '郑某某', position: undefined }, 409);
      expect(again).toMatchObject({
        code: 'duplicate_subject',
        reason: { zh: expect.stringContaining('身份证号相同'), en: expect.stringContaining('same identity number') },
      });
      const unit = { kind: 'unit', name: '某镇民政办', creditCode: '91350100M000100Y43' };
      await add(handler, clue.id, unit);
      expect((await add(handler, clue.id, { ...unit, name: '某镇民政办公室' }, 409)).code).toBe('duplicate_subject');
      expect(await db.selectFrom('clue_subjects').select('id').where('clue_id', '=', clue.id).execute()).toHaveLength(
        2,
      );
    });

    it('refuses a wrong check digit naming the field, and malformed subjects', async () => {
      const clue = await receive();
      const official = makeIdNumber('19660606', 12);
      const wrong = await add(
        handler,
        clue.id,
        { kind: 'official', name: '钱某', idNumber: withBadCheckDigit(official) },
        400,
      );
      expect(wrong).toMatchObject({ code: 'validation_failed', field: 'body.idNumber' });
      await add(handler, clue.id, { kind: 'unit', name: '某单位', idNumber: official }, 400);
      await add(handler, clue.id, { kind: 'official', name: '', idNumber: official }, 400);
      await add(handler, clue.id, { kind: 'official', name: '钱某', idNumber: official, extra: 1 }, 400);
      const detail = await call<Detail>(handler, 'GET', `/api/v1/clues/${clue.id}`);
      expect(detail.subjects).toEqual([]);
      expect(detail.timeline.map((e) => e.action)).toEqual(['receive']);
    });

    it("answers another county's clue and one the user is recused from like an unknown one", async () => {
      const clue = await receive();
      const person = { kind: 'official', name: '孙某', idNumber: makeIdNumber('19580808', 23) };
      const unknown = await add(handlerB, 2147483000, person, 404);
      const foreign = await add(handlerB, clue.id, person, 404);
      expect(foreign.code).toBe(unknown.code);
      // A leader reads clues but does not handle them.
      await add(leader, clue.id, person, 403);
      await call(leader, 'POST', `/api/v1/clues/${clue.id}/steps`, {
        action: 'recuse_person',
        payload: { userId: registrar.user.id, reason: '与被反映人系亲属' },
      });
      const recused = await add(registrar, clue.id, person, 404);
      expect(recused.code).toBe(unknown.code);
      expect((await call<Detail>(handler, 'GET', `/api/v1/clues/${clue.id}`)).subjects).toEqual([]);
    });
  });
}
