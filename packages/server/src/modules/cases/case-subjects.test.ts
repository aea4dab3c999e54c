import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseWorld,
  buildCaseWorld,
  callApi,
  walkCaseToInvestigation,
  walkClueToCase,
} from '../../testing/case-fixtures.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { makeIdNumber, withBadCheckDigit } from '../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { importCsv } from '../../testing/warnings-fixture.js';

interface Detail {
  subjects: { name: string; idNumber: string | null }[];
  timeline: { action: string; details: { value: { zh: string } }[] }[];
}
type Page = { items: { id: number }[] };

/** The subject the clue of walkClueToCase names. */
const CLUE_SUBJECT = '330106194001010015';

/** An identity number no other test file uses, so a shared PostgreSQL lake cannot mix them up. */
const freshId = () =>
  makeIdNumber(
    `19${60 + Math.floor(Math.random() * 30)}0${1 + Math.floor(Math.random() * 9)}2${Math.floor(Math.random() * 8)}`,
    Math.floor(Math.random() * 900),
  );

for (const engine of testEngines()) {
  describe(`cases: subjects added, and the recusals they bring (${engine})`, () => {
    let platform: TestPlatform;
    let w: CaseWorld;

    /** Gives a member of staff an identity number, sealed as the users module keeps it. */
    async function giveIdNumber(who: TestActor, idNumber: string) {
      const crypto = platform.services.fieldCrypto;
      await platform.services.database.db
        .updateTable('users')
        .set({ id_number_enc: crypto.encrypt(idNumber), id_number_hash: crypto.blindIndex(idNumber) })
        .where('id', '=', who.user.id)
        .execute();
    }
    /** Whether `who` can open the case; the registry lists it for them exactly then. */
    async function sees(who: TestActor, id: number) {
      const opened = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${id}`,
        headers: who.session.headers,
      });
      const page = await callApi<Page>(platform, who, 'GET', '/api/v1/cases?limit=200');
      expect([200, 404]).toContain(opened.statusCode);
      expect(page.items.some((c) => c.id === id)).toBe(opened.statusCode === 200);
      return opened.statusCode === 200;
    }
    const add = (who: TestActor, id: number, subject: object, status = 204) =>
      callApi<{ code: string; reason?: { zh: string; en: string } }>(
        platform,
        who,
        'POST',
        `/api/v1/cases/${id}/subjects`,
        subject,
        status,
      );

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      w = await buildCaseWorld(platform);
    });
    afterAll(async () => platform?.close());

    it('carries the clue’s recusals into its case, then recuses whoever a new subject’s kinship reaches', async () => {
      // The second trial officer is the clue's very subject: recused at receipt, and from the case it leads to.
      await giveIdNumber(w.trial[1], CLUE_SUBJECT);
      const { caseId } = await walkClueToCase(platform, w);
      expect(await sees(w.trial[1], caseId)).toBe(false);
      expect(await sees(w.trial[0], caseId)).toBe(true);
      await walkCaseToInvestigation(platform, w, caseId);
      const [inv1, inv2] = w.investigators;

      const official = freshId();
      const cousin = freshId();
      await giveIdNumber(w.trial[0], cousin);
      await importCsv(
        platform,
        'kinship',
        ['official_id,relative_id,relative_name,relation', `${official},${cousin},李某,sibling`].join('\n'),
      );
      // Outside the jurisdiction, without case.handle, or with a number failing GB 11643: nothing is added.
      const person = { kind: 'official', name: '李某某', position: '村会计', idNumber: official };
      await add(w.investigatorB, caseId, person, 404);
      await add(w.leader, caseId, person, 403);
      await add(inv1, caseId, { ...person, idNumber: withBadCheckDigit(official) }, 400);

      await add(inv1, caseId, person);
      expect(await sees(w.trial[0], caseId)).toBe(false);
      expect(await sees(inv2, caseId)).toBe(true);
      const detail = await callApi<Detail>(platform, inv1, 'GET', `/api/v1/cases/${caseId}`);
      const added = detail.subjects.find((s) => s.name === '李某某')!;
      // Sealed, and shown masked: the birth date never leaves the server.
      expect(added.idNumber).not.toContain(official.slice(6, 14));
      expect(detail.timeline.slice(-2).map((s) => [s.action, s.details[0]!.value.zh])).toEqual([
        ['add_subject', '李某某'],
        ['kinship_recusal', w.trial[0].user.display_name],
      ]);
      const audit = await platform.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('object_type', '=', 'case')
        .where('object_id', '=', String(caseId))
        .where('action', '=', 'case.subject.add')
        .execute();
      expect(audit).toHaveLength(1);

      // The same person again, or the same unit by its credit code: refused, with the reason in both languages.
      const again = await add(inv2, caseId, { ...person, name: '李某' }, 409);
      expect(again.code).toBe('duplicate_subject');
      expect(again.reason?.zh).toContain('身份证号相同');
      expect(again.reason?.en).toContain('same identity number');
      const unit = { kind: 'unit', name: '某村村委会', creditCode: '91350100M000100Y43' };
      await add(inv1, caseId, unit);
      const sameUnit = await add(inv1, caseId, { ...unit, name: '某村委会' }, 409);
      expect(sameUnit.reason?.en).toContain('credit code');
    });
  });
}
