import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClueWorld } from '../../testing/clue-world.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { makeIdNumber, withBadCheckDigit } from '../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { importCsv } from '../../testing/warnings-fixture.js';

/*
 * A subject added to an open clue: refused outside the jurisdiction, without clue.handle, with
 * a bad identity number or when the clue names the subject already; otherwise stored, and
 * whoever the new subject's kinship reaches is recused at once.
 */

interface Detail {
  subjects: { name: string; idNumber: string | null }[];
  timeline: { action: string }[];
}
/** What a refused addition answers (nothing when it is added). */
interface Refusal {
  code?: string;
  reason?: { zh: string; en: string };
}
type ClueWorld = Awaited<ReturnType<typeof buildClueWorld>>;

/** An identity number no other test file uses, so a shared PostgreSQL lake cannot mix them up. */
const freshId = () =>
  makeIdNumber(
    `19${60 + Math.floor(Math.random() * 30)}1${Math.floor(Math.random() * 3)}1${Math.floor(Math.random() * 8)}`,
    Math.floor(Math.random() * 900),
  );

for (const engine of testEngines()) {
  describe(`clues: subjects added, and the recusals they bring (${engine})`, () => {
    let platform: TestPlatform;
    let world: ClueWorld;

    const add = (who: TestActor, id: number, subject: object, status = 204) =>
      platform.app
        .inject({ method: 'POST', url: `/api/v1/clues/${id}/subjects`, payload: subject, headers: who.session.headers })
        .then((response): Refusal => {
          expect(response.statusCode, response.body).toBe(status);
          return response.body === '' ? {} : response.json<Refusal>();
        });
    const opens = async (who: TestActor, id: number) =>
      (await platform.app.inject({ method: 'GET', url: `/api/v1/clues/${id}`, headers: who.session.headers }))
        .statusCode;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      world = await buildClueWorld(platform);
    });
    afterAll(async () => platform?.close());

    it('adds a person, recusing the staff their kinship reaches, and refuses the same person or unit twice', async () => {
      const { handler, colleague, leader, registrarB } = world.people;
      const id = await world.receive(handler);
      const official = freshId();
      const cousin = freshId();
      const crypto = platform.services.fieldCrypto;
      await platform.services.database.db
        .updateTable('users')
        .set({ id_number_enc: crypto.encrypt(cousin), id_number_hash: crypto.blindIndex(cousin) })
        .where('id', '=', colleague.user.id)
        .execute();
      await importCsv(
        platform,
        'kinship',
        ['official_id,relative_id,relative_name,relation', `${official},${cousin},李某,sibling`].join('\n'),
      );
      expect(await opens(colleague, id)).toBe(200);

      const person = { kind: 'official', name: '李某某', position: '村会计', idNumber: official };
      await add(registrarB, id, person, 404);
      await add(leader, id, person, 403);
      await add(handler, id, { ...person, idNumber: withBadCheckDigit(official) }, 400);
      await add(handler, id, person);
      expect(await opens(colleague, id)).toBe(404);
      const detail = await world.call<Detail>(handler, 'GET', `/api/v1/clues/${id}`);
      expect(detail.subjects.map((s) => s.name)).toEqual(['李某某']);
      expect(detail.subjects[0]!.idNumber).not.toContain(official.slice(6, 14));
      expect(detail.timeline.slice(-2).map((s) => s.action)).toEqual(['add_subject', 'kinship_recusal']);
      const audits = await platform.services.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('object_type', '=', 'clue')
        .where('object_id', '=', String(id))
        .where('action', '=', 'clue.subject.add')
        .execute();
      expect(audits).toHaveLength(1);

      const again = await add(handler, id, { ...person, name: '李某' }, 409);
      expect(again.code).toBe('duplicate_subject');
      expect(again.reason?.zh).toContain('身份证号相同');
      const unit = { kind: 'unit', name: '某村村委会', creditCode: '91350100M000100Y43' };
      await add(handler, id, unit);
      expect((await add(handler, id, { ...unit, name: '某村委会' }, 409)).reason?.en).toContain('credit code');
      // Nothing refused was stored.
      const after = await world.call<Detail>(handler, 'GET', `/api/v1/clues/${id}`);
      expect(after.subjects.map((s) => s.name)).toEqual(['李某某', '某村村委会']);
    });
  });
}
