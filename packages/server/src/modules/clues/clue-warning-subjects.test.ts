import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, buildCaseWorld, callApi } from '../../testing/case-fixtures.js';
import { buildConfirmedWarning } from '../../testing/clue-fixtures.js';
import { testEngines } from '../../testing/test-databases.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { importCsv } from '../../testing/warnings-fixture.js';

interface Detail {
  id: number;
  subjects: { kind: string; name: string; idNumber: string | null; creditCode: string | null }[];
}

/** An identity number no other test file uses, so a shared PostgreSQL lake cannot mix them up. */
const freshId = () =>
  makeIdNumber(
    `19${60 + Math.floor(Math.random() * 30)}1${Math.floor(Math.random() * 3)}1${Math.floor(Math.random() * 9)}`,
    Math.floor(Math.random() * 900),
  );

for (const engine of testEngines()) {
  describe(`clues: the subjects of the warnings they are made of (${engine})`, () => {
    let platform: TestPlatform;
    let w: CaseWorld;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      w = await buildCaseWorld(platform);
    });
    afterAll(async () => platform?.close());

    /** A confirmed warning of county A about the person with `idNumber`, as the lake keys them. */
    async function warningOn(idNumber: string) {
      const hashes = platform.services.fieldCrypto.blindIndexes(idNumber);
      const [row] = await platform.services.lake.query<{ subject_key: unknown }>(
        `SELECT subject_key FROM subject_index WHERE identifier_hash IN (${hashes.map((_h, i) => `$${i + 1}`).join(', ')})`,
        hashes,
      );
      const id = await buildConfirmedWarning(platform, w.divisionA);
      await platform.services.database.db
        .updateTable('warnings')
        .set({ subject_key: String(row!.subject_key) })
        .where('id', '=', id)
        .execute();
      return id;
    }

    it('names each warning’s person once, with the identity number sealed and masked', async () => {
      const person = freshId();
      const other = freshId();
      await importCsv(
        platform,
        'benefit_payment',
        [
          'payment_id,program,id,name,division,amount,paid_on,period',
          `S${person.slice(-6)},dibao,${person},孙某某,${w.divisionA},500.00,2024-03-15,2024-03`,
          `T${other.slice(-6)},dibao,${other},周某某,${w.divisionA},500.00,2024-03-15,2024-03`,
        ].join('\n'),
      );
      const warnings = [await warningOn(person), await warningOn(person), await warningOn(other)];
      const clue = await callApi<Detail>(
        platform,
        w.registrar,
        'POST',
        '/api/v1/clues',
        {
          source: 'model_warning',
          problemType: 'livelihood_funds',
          title: '预警线索',
          summary: '两条预警指向同一人',
          // Typed in as well: still one subject for the person.
          subjects: [{ kind: 'official', name: '孙某某', idNumber: person }],
          warningIds: warnings,
        },
        201,
      );
      // One subject per person: the typed one first, then the other warning's person, never by the whole number.
      expect(clue.subjects).toHaveLength(2);
      expect(clue.subjects[0]!.name).toBe('孙某某');
      expect(clue.subjects[1]!.name).not.toContain(other.slice(6, 14));
      for (const s of clue.subjects) {
        expect(s.idNumber).not.toBeNull();
        expect([person, other].some((id) => s.idNumber!.includes(id.slice(6, 14)))).toBe(false);
      }
      const stored = await platform.services.database.db
        .selectFrom('clue_subjects')
        .select(['id_number_enc', 'id_number_hash'])
        .where('clue_id', '=', clue.id)
        .orderBy('id')
        .execute();
      expect(stored.map((s) => s.id_number_hash)).toEqual(
        [person, other].map((id) => platform.services.fieldCrypto.blindIndex(id)),
      );
      for (const s of stored) expect(s.id_number_enc).not.toContain(person);
      // The neighbouring county sees none of it.
      await callApi(platform, w.leaderB, 'GET', `/api/v1/clues/${clue.id}`, undefined, 404);
    });
  });
}
