import { maskIdNumber } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfirmedWarning } from '../../testing/clue-fixtures.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { buildCounties, importCsv } from '../../testing/warnings-fixture.js';
import { findSubjectKeyByHash } from '../warnings/people/people.lake.js';

interface Suggestions {
  items: { warningId: number; subjectKey: number; primary: boolean; name: string; idNumber: string }[];
}
interface Detail {
  id: number;
  subjects: { kind: string; name: string; position: string | null; idNumber: string | null }[];
}

/** An identity number no other test file uses, so a shared PostgreSQL lake cannot mix them up. */
const freshId = (birthYear: number) =>
  makeIdNumber(
    `${birthYear}0${1 + Math.floor(Math.random() * 9)}2${Math.floor(Math.random() * 8)}`,
    Math.floor(Math.random() * 900),
  );

for (const engine of testEngines()) {
  describe(`clues: a warning's people suggested as subjects (${engine})`, () => {
    let platform: TestPlatform;
    let handler: TestActor;
    let leader: TestActor;
    let handlerB: TestActor;
    /** The deceased beneficiary the warning is about, the clerk who kept paying, someone known only in county B. */
    const beneficiary = freshId(1938);
    const clerk = freshId(1975);
    const elsewhere = freshId(1980);
    const keys = { beneficiary: 0, clerk: 0, elsewhere: 0 };
    let warning: number;

    async function call<T>(who: TestActor, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) {
      const response = await platform.app.inject({
        method,
        url,
        payload: payload as object,
        headers: who.session.headers,
      });
      expect(response.statusCode, response.body).toBe(status);
      return { json: response.json<T>(), body: response.body };
    }
    const suggest = (who: TestActor, ids: unknown, status = 200) =>
      call<Suggestions>(who, 'GET', `/api/v1/clues/warning-subjects?warningIds=${String(ids)}`, undefined, status);
    const receive = (who: TestActor, body: Record<string, unknown>, status = 201) =>
      call<Detail & { field: string }>(
        who,
        'POST',
        '/api/v1/clues',
        {
          source: 'model_warning',
          problemType: 'livelihood_funds',
          title: '死亡人员仍领低保',
          summary: '预警',
          ...body,
        },
        status,
      );
    /** A confirmed warning of county A about the beneficiary, naming the clerk and the county-B person as other parties. */
    async function warningOnAll() {
      const id = await buildConfirmedWarning(platform, '330106001001');
      await platform.services.database.db
        .updateTable('warnings')
        .set({
          subject_key: String(keys.beneficiary),
          subject_keys: JSON.stringify([keys.beneficiary, keys.clerk, keys.elsewhere]),
        })
        .where('id', '=', id)
        .execute();
      return id;
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildCounties(platform);
      handler = await world.actor('supervision', world.countyA);
      leader = await world.actor('leader', world.countyA);
      handlerB = await world.actor('supervision', world.countyB);
      await importCsv(
        platform,
        'benefit_payment',
        [
          'payment_id,program,id,name,division,amount,paid_on,period',
          `S1,dibao,${beneficiary},孙老汉,330106001001,500.00,2024-03-15,2024-03`,
          `S2,dibao,${clerk},周会计,330106001001,300.00,2024-03-15,2024-03`,
          `S3,dibao,${elsewhere},吴外县,330108001001,300.00,2024-03-15,2024-03`,
        ].join('\n'),
      );
      const keyOf = async (id: string) =>
        (await findSubjectKeyByHash(platform.services.lake, platform.services.fieldCrypto.blindIndexes(id)))!;
      keys.beneficiary = await keyOf(beneficiary);
      keys.clerk = await keyOf(clerk);
      keys.elsewhere = await keyOf(elsewhere);
      warning = await warningOnAll();
    });
    afterAll(async () => platform?.close());

    it("suggests the warning's people of the jurisdiction, masked, the warning's own subject first", async () => {
      const { json, body } = await suggest(handler, warning);
      expect(json.items).toEqual([
        {
          warningId: warning,
          subjectKey: keys.beneficiary,
          primary: true,
          name: '孙老汉',
          idNumber: maskIdNumber(beneficiary),
        },
        { warningId: warning, subjectKey: keys.clerk, primary: false, name: '周会计', idNumber: maskIdNumber(clerk) },
      ]);
      // Neither a whole number, a birth date, nor a person the jurisdiction's rows do not name leaves the server.
      for (const id of [beneficiary, clerk]) {
        expect(body).not.toContain(id);
        expect(body).not.toContain(id.slice(6, 14));
      }
      expect(body).not.toContain('吴外县');
    });

    it('adds only the people the handler confirms, resolved and sealed on the server', async () => {
      const db = platform.services.database.db;
      const { json: clue } = await receive(handler, {
        warningIds: [warning],
        warningSubjects: [{ warningId: warning, subjectKey: keys.clerk, position: '村会计' }],
      });
      // The beneficiary the warning is about is not a subject unless confirmed.
      expect(clue.subjects).toEqual([
        { kind: 'official', name: '周会计', position: '村会计', idNumber: maskIdNumber(clerk), creditCode: null },
      ]);
      const stored = await db.selectFrom('clue_subjects').selectAll().where('clue_id', '=', clue.id).execute();
      expect(stored.map((s) => s.id_number_hash)).toEqual([platform.services.fieldCrypto.blindIndex(clerk)]);
      expect(stored[0]!.id_number_enc).not.toContain(clerk);

      // The same person typed in and confirmed is stored once.
      const again = await warningOnAll();
      const { json: twice } = await receive(handler, {
        warningIds: [again],
        subjects: [{ kind: 'official', name: '周某', idNumber: clerk }],
        warningSubjects: [{ warningId: again, subjectKey: keys.clerk }],
      });
      expect(twice.subjects.map((s) => s.name)).toEqual(['周某']);
    });

    it('refuses people the warning does not name, warnings of another county and users who do not handle clues', async () => {
      const other = await warningOnAll();
      const notNamed = await receive(
        handler,
        { warningIds: [other], warningSubjects: [{ warningId: other, subjectKey: keys.clerk + 987654 }] },
        400,
      );
      expect(notNamed.json.field).toBe('body.warningSubjects.0');
      // Known only in county B: not a person county A may take from the warning.
      await receive(
        handler,
        { warningIds: [other], warningSubjects: [{ warningId: other, subjectKey: keys.elsewhere }] },
        400,
      );
      // From a warning the clue is not made of.
      await receive(
        handler,
        { warningIds: [other], warningSubjects: [{ warningId: warning, subjectKey: keys.clerk }] },
        400,
      );
      // Nothing was received by those refusals: the warning is still free.
      expect((await call(handler, 'GET', `/api/v1/clues/by-warning/${other}`)).json).toEqual({ clueId: null });

      const foreign = await suggest(handlerB, other, 404);
      const unknown = await suggest(handlerB, 2147483000, 404);
      expect(foreign.json).toEqual({ ...(unknown.json as object), message: `Warning ${other} not found` });
      await receive(
        handlerB,
        { warningIds: [other], warningSubjects: [{ warningId: other, subjectKey: keys.clerk }] },
        404,
      );
      await suggest(leader, other, 403);
      await suggest(handler, 'x,1', 400);
      await suggest(handler, '', 400);
    });
  });
}
