import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApprovedModel } from '../../testing/approved-model-fixture.js';
import { findRebuildableIdNumbers } from '../../testing/identity-rebuild.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { builtinModels } from '../../models-engine/model-engine.js';
import type { WarningNotice } from './warning-feed.js';
import { buildCounties, importCsv, runAndWait } from '../../testing/warnings-fixture.js';

/*
 * Finding 6 of issue 15: a masked identity number shown beside the birth date it hides
 * (in evidence, in a fact rendered into the explanation, in a birth date column) can be
 * rebuilt. For roles that see numbers masked, every answer showing one is checked.
 */

// Month-days that no other date of the data shares, so a hit can only be the birth date.
const YOUNG = makeIdNumber('19600917', 71);
const DEAD = makeIdNumber('19370628', 72);
const ACCOUNT = '6222020200112233445';
// A second recipient paid into the same account: W09 names the account in its explanation.
const SHARER = makeIdNumber('19700101', 73);

const PAYMENTS = [
  'payment_id,program,id,name,division,amount,paid_on,period,account_no,account_name,bank',
  `Q1,old_age_allowance,${YOUNG},孙少年,330106001001,100.00,2024-05-20,2024-05,${ACCOUNT},孙少年,农商银行`,
  `Q2,dibao,${DEAD},周故人,330106001001,500.00,2024-03-15,2024-03,6222020200998877665,周故人,农商银行`,
  `Q3,dibao,${SHARER},吴共户,330106001001,300.00,2024-05-20,2024-05,${ACCOUNT},孙少年,农商银行`,
].join('\n');
const DEATHS = ['id,name,death_date,division', `${DEAD},周故人,2024-01-10,330106001001`].join('\n');
const PEOPLE = [
  'id,name,gender,birth_date,division',
  `${YOUNG},孙少年,男,1960-09-17,330106001001`,
  `${DEAD},周故人,女,1937-06-28,330106001001`,
].join('\n');

type Detail = { masked: boolean; explanation: { zh: string }; evidence: { values: Record<string, unknown> | null }[] };

for (const engine of testEngines()) {
  describe(`masked identity numbers cannot be rebuilt (${engine})`, () => {
    let platform: TestPlatform;
    let leader: TestActor;
    let analyst: TestActor;
    const notices: WarningNotice[] = [];

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildCounties(platform);
      leader = await world.actor('leader', world.countyA);
      analyst = await world.actor('model_analyst', world.countyA);
      await importCsv(platform, 'benefit_payment', PAYMENTS);
      await importCsv(platform, 'death', DEATHS);
      await importCsv(platform, 'person', PEOPLE);
      await createApprovedModel(platform, analyst, leader, redBirthModel());
      platform.services.warningFeed.subscribe((notice) => notices.push(notice));
      const run = await runAndWait(platform, { kind: 'full', modelIds: ['W01', 'W09', 'W11', 'U_BORN'] });
      expect(run.status).toBe('succeeded');
    });
    afterAll(async () => platform?.close());

    const get = async (actor: TestActor, url: string) => {
      const response = await platform.app.inject({ method: 'GET', url, headers: actor.session.headers });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response.body;
    };

    /** Every answer a masked viewer gets that shows people: lists, details, exports, rows. */
    async function answersFor(actor: TestActor): Promise<Map<string, string>> {
      const answers = new Map<string, string>();
      const list = await get(actor, '/api/v1/warnings?pageSize=200');
      answers.set('list', list);
      for (const { id } of JSON.parse(list).items as { id: number }[]) {
        answers.set(`warning ${id}`, await get(actor, `/api/v1/warnings/${id}`));
      }
      for (const format of ['csv', 'json']) {
        answers.set(`export ${format}`, await get(actor, `/api/v1/warnings/export?format=${format}`));
      }
      for (const type of ['person', 'benefit_payment', 'death']) {
        answers.set(`rows ${type}`, await get(actor, `/api/v1/datasets/${type}/rows`));
      }
      if (actor === analyst) {
        const preview = await platform.app.inject({
          method: 'POST',
          url: '/api/v1/models/preview',
          headers: actor.session.headers,
          payload: { document: builtinModels().find((m) => m.id === 'W11') },
        });
        expect(preview.statusCode, preview.body).toBe(200);
        answers.set('preview W11', preview.body);
      }
      return answers;
    }

    it('no answer to a masking role shows a masked number together with the birth date it hides', async () => {
      for (const actor of [leader, analyst]) {
        const answers = await answersFor(actor);
        expect(answers.size).toBeGreaterThanOrEqual(actor === analyst ? 9 : 8);
        const showingMasked = [...answers].filter(([, body]) => /\d{3}\*{11}\d{3}[\dX]/.test(body));
        // Details, exports of the explanation's people and all three datasets show masked numbers.
        expect(showingMasked.length).toBeGreaterThanOrEqual(5);
        for (const [name, body] of answers) expect(body, name).not.toContain(YOUNG);
        // Finding 7: a bank account in a fact is masked in the explanation that prints it.
        expect([...answers.values()].some((body) => body.includes('账户***************3445'))).toBe(true);
        for (const [name, body] of answers) expect(body, name).not.toContain(ACCOUNT);
        expect(findRebuildableIdNumbers(answers, [YOUNG, DEAD])).toEqual([]);
      }
    });

    it('hides the whole birth date and keeps the explanation readable, and shows the whole date once revealed with a reason', async () => {
      const list = JSON.parse(await get(leader, '/api/v1/warnings?model=W11')) as { items: { id: number }[] };
      const id = list.items[0]?.id;
      const masked = JSON.parse(await get(leader, `/api/v1/warnings/${id}`)) as Detail;
      expect(masked.explanation.zh).toContain('出生****-**-**');
      expect(masked.evidence[0]?.values).toMatchObject({ id_birth_date: '****-**-**' });
      // Finding 7: bank accounts follow the identity numbers' rules.
      expect(masked.evidence[0]?.values?.account_no).toBe('***************3445');

      const revealed = JSON.parse(
        await get(leader, `/api/v1/warnings/${id}?reason=${encodeURIComponent('核查高龄津贴')}`),
      ) as Detail;
      expect(revealed.masked).toBe(false);
      expect(revealed.explanation.zh).toContain('出生1960-09-17');
      expect(revealed.evidence[0]?.values).toMatchObject({
        id: YOUNG,
        id_birth_date: '1960-09-17',
        account_no: ACCOUNT,
      });

      const rows = JSON.parse(
        await get(leader, `/api/v1/datasets/person/rows?reveal=true&reason=${encodeURIComponent('核对户籍')}`),
      ) as { items: { values: Record<string, unknown> }[] };
      expect(rows.items.map((r) => r.values.birth_date).sort()).toEqual(['1937-06-28', '1960-09-17']);
    });

    it('masks a birth date under a fact of any name and the region of issue, in lists and in the live feed of red warnings', async () => {
      const list = JSON.parse(await get(analyst, '/api/v1/warnings?model=U_BORN')) as {
        items: { explanation: { zh: string; en: string } }[];
      };
      expect(list.items.map((w) => w.explanation.zh)).toEqual(['孙少年生于****-**-**，籍贯330***']);
      const fed = notices.filter((n) => n.modelId === 'U_BORN');
      expect(fed.map((n) => [n.explanationZh, n.explanationEn])).toEqual([
        ['孙少年生于****-**-**，籍贯330***', 'born ****-**-** in 330***'],
      ]);
    });
  });
}

/**
 * W11 as a red user model whose fact for the birth date has a name that says nothing of it,
 * and which names the region of issue of the number (a place name in the explanation).
 */
function redBirthModel() {
  const w11 = builtinModels().find((m) => m.id === 'W11');
  const logic = w11?.logic as { facts: Record<string, unknown> };
  return {
    ...w11,
    id: 'U_BORN',
    severity: 'red',
    category: 'X',
    explanation: { zh: '{name}生于{when}，籍贯{region}', en: 'born {when} in {region}' },
    // One warning per payment again: its facts no longer name W11's period and amount.
    summary: undefined,
    logic: { ...logic, facts: { name: logic.facts.name, when: logic.facts.birth_date, region: 'p.id.region' } },
  };
}
