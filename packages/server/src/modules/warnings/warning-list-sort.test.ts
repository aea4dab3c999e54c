import { BUILTIN_MODELS } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import type { TestActor } from '../../testing/org-factories.js';
import { DEATHS_CSV, PAYMENTS_CSV, buildCounties, importCsv, runAndWait } from '../../testing/warnings-fixture.js';

interface Listed {
  id: number;
  modelId: string;
  severity: string;
  status: string;
  divisionCode: string;
  firstSeenAt: string;
}

for (const engine of testEngines()) {
  describe(`the warning list: sort, filters and guidance (${engine})`, () => {
    let platform: TestPlatform;
    let handlerA: TestActor;
    let handlerB: TestActor;
    let realId: number;

    async function list(actor: TestActor, query: string) {
      return platform.app.inject({
        method: 'GET',
        url: `/api/v1/warnings?pageSize=200&${query}`,
        headers: actor.session.headers,
      });
    }
    async function ids(actor: TestActor, query: string): Promise<Listed[]> {
      const response = await list(actor, query);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: Listed[] }>().items;
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildCounties(platform);
      handlerA = await world.actor('supervision', world.countyA);
      handlerB = await world.actor('supervision', world.countyB);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
      await importCsv(platform, 'death', DEATHS_CSV);
      await runAndWait(platform, { kind: 'full', modelIds: ['W01'] });
      const db = platform.services.database.db;
      const real = await db.selectFrom('warnings').select('id').where('division_code', 'like', '330106%').execute();
      realId = real[0]?.id as number;
      // More warnings in county A, of other registered models, severities, statuses and days,
      // so that every sort key has something to order; two share a day to show the id tiebreak.
      const models = await db.selectFrom('models').select(['id', 'severity', 'current_version']).execute();
      const of = (severity: string) => models.find((m) => m.severity === severity && m.id !== 'W01');
      const rows = [
        { model: of('yellow'), status: 'confirmed', day: '2024-02-01', division: '330106002001' },
        { model: of('orange'), status: 'under_review', day: '2024-03-01', division: '330106001002' },
        { model: of('red'), status: 'new', day: '2024-03-01', division: '330106003001' },
      ] as const;
      for (const [i, row] of rows.entries()) {
        if (!row.model) throw new Error(`no built-in model of the wanted severity`);
        await db
          .insertInto('warnings')
          .values({
            hit_key: `sort-test-${i}`,
            model_id: row.model.id,
            model_version: row.model.current_version,
            severity: row.model.severity,
            subject_key: null,
            subject_keys: JSON.stringify([]),
            division_code: row.division,
            status: row.status,
            status_reason: null,
            status_changed_at: null,
            first_seen_at: new Date(`${row.day}T08:00:00Z`),
            last_seen_at: new Date(`${row.day}T08:00:00Z`),
            first_run_id: null,
            last_run_id: null,
            facts: JSON.stringify({}),
            explanation_zh: `排序测试 ${i}`,
            explanation_en: `sort test ${i}`,
            retired_at: null,
            retired_reason: null,
            period_from: null,
            period_to: null,
            amount_total: null,
          })
          .execute();
      }
    });
    afterAll(async () => platform?.close());

    it('refuses a sort key outside the whitelist with 400', async () => {
      for (const sort of ['password_hash', '-explanation_zh', 'id;drop table warnings', 'firstSeenAt desc']) {
        const response = await list(handlerA, `sort=${encodeURIComponent(sort)}`);
        expect(response.statusCode, sort).toBe(400);
      }
    });

    it('sorts by severity rank, status rank, first sight and division, ties broken by id', async () => {
      const all = await ids(handlerA, '');
      expect(all.map((w) => w.id)).toEqual([...all.map((w) => w.id)].sort((a, b) => b - a));

      const rank = { red: 0, orange: 1, yellow: 2 } as Record<string, number>;
      const bySeverity = await ids(handlerA, 'sort=severity');
      const expected = [...all].sort((a, b) => (rank[a.severity] ?? 9) - (rank[b.severity] ?? 9) || a.id - b.id);
      expect(bySeverity.map((w) => w.id)).toEqual(expected.map((w) => w.id));
      expect(bySeverity[0]?.severity).toBe('red');
      expect(bySeverity.at(-1)?.severity).toBe('yellow');

      const byStatus = await ids(handlerA, 'sort=-status');
      expect(byStatus[0]?.status).toBe('confirmed');
      expect(byStatus.at(-1)?.status).toBe('new');

      const byDay = await ids(handlerA, 'sort=-firstSeenAt');
      const days = byDay.map((w) => w.firstSeenAt);
      expect(days).toEqual([...days].sort().reverse());
      // The two of 1 March: descending ties fall back to the larger id first.
      const march = byDay.filter((w) => w.firstSeenAt.startsWith('2024-03-01'));
      expect(march).toHaveLength(2);
      expect((march[0]?.id ?? 0) > (march[1]?.id ?? 0)).toBe(true);

      const byDivision = await ids(handlerA, 'sort=division');
      const codes = byDivision.map((w) => w.divisionCode);
      expect(codes).toEqual([...codes].sort());
    });

    it('pages by keyset in every sort, forward and back, to the same rows as one long page', async () => {
      interface Page {
        items: Listed[];
        total: number;
        totalIsAtLeast: boolean;
        nextCursor: string | null;
        prevCursor: string | null;
      }
      const page = async (query: string): Promise<Page> => {
        const response = await platform.app.inject({
          method: 'GET',
          url: `/api/v1/warnings?pageSize=2&${query}`,
          headers: handlerA.session.headers,
        });
        expect(response.statusCode, response.body).toBe(200);
        return response.json<Page>();
      };
      const keys = ['id', 'modelId', 'severity', 'status', 'division', 'firstSeenAt', 'lastSeenAt'];
      for (const sort of [...keys, ...keys.map((k) => `-${k}`)]) {
        const whole = (await ids(handlerA, `sort=${sort}`)).map((w) => w.id);
        expect(whole.length, sort).toBeGreaterThan(3);
        const pages: Page[] = [await page(`sort=${sort}`)];
        expect(pages[0]?.prevCursor).toBeNull();
        while (pages.at(-1)?.nextCursor) pages.push(await page(`sort=${sort}&after=${pages.at(-1)?.nextCursor}`));
        expect(
          pages.flatMap((p) => p.items.map((w) => w.id)),
          sort,
        ).toEqual(whole);
        expect(pages.every((p) => p.total === whole.length && !p.totalIsAtLeast)).toBe(true);
        // Back from the last page, a page at a time, to the first.
        const back: number[] = (pages.at(-1)?.items ?? []).map((w) => w.id);
        let at = pages.at(-1);
        while (at?.prevCursor) {
          at = await page(`sort=${sort}&before=${at.prevCursor}`);
          back.unshift(...at.items.map((w) => w.id));
        }
        expect(back, sort).toEqual(whole);
      }
      // A cursor is refused under another sort, when forged, and beside a cursor the other way.
      const first = await page('sort=-firstSeenAt');
      expect((await list(handlerA, `sort=severity&after=${first.nextCursor}`)).statusCode).toBe(400);
      const forged = Buffer.from(JSON.stringify(['-firstSeenAt', 'not a time', 1])).toString('base64url');
      expect((await list(handlerA, `sort=-firstSeenAt&after=${forged}`)).statusCode).toBe(400);
      expect((await list(handlerA, 'after=bm90IGpzb24')).statusCode).toBe(400);
      expect((await list(handlerA, `after=${first.nextCursor}&before=${first.nextCursor}`)).statusCode).toBe(400);
    });

    it('filters as the overview links: open, category, division, modelId', async () => {
      const open = await ids(handlerA, 'status=open');
      expect(open.length).toBeGreaterThan(0);
      expect(open.every((w) => w.status === 'new' || w.status === 'under_review')).toBe(true);
      const village = await ids(handlerA, 'division=330106003');
      expect(village.map((w) => w.divisionCode)).toEqual(['330106003001']);
      expect((await ids(handlerA, 'modelId=W01')).every((w) => w.modelId === 'W01')).toBe(true);
      const w01 = await platform.services.database.db
        .selectFrom('models')
        .select('category')
        .where('id', '=', 'W01')
        .executeTakeFirstOrThrow();
      const inCategory = await ids(handlerA, `category=${encodeURIComponent(w01.category)}`);
      expect(inCategory.some((w) => w.modelId === 'W01')).toBe(true);
      expect((await list(handlerA, 'division=3301%25')).statusCode).toBe(400);
    });

    it('never widens the jurisdiction: a division or sort of another county finds nothing of it', async () => {
      expect(await ids(handlerB, 'division=330106')).toEqual([]);
      const b = await ids(handlerB, 'sort=-severity');
      expect(b.every((w) => w.divisionCode.startsWith('330108'))).toBe(true);
      expect(b.length).toBeGreaterThan(0);
    });

    it("shows a handler without model.read the basis and handling of the warning's model", async () => {
      const response = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/warnings/${realId}`,
        headers: handlerA.session.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      const document = BUILTIN_MODELS.find((m) => m.id === 'W01');
      if (!document) throw new Error('W01 is not a built-in model');
      const body = response.json<{ basis: unknown; handling: unknown }>();
      expect(body.basis).toEqual(document.basis);
      expect(body.handling).toEqual(document.handling);
      expect(document.basis.zh.length).toBeGreaterThan(0);
      // The model library itself stays closed to the handler.
      const library = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/models/W01',
        headers: handlerA.session.headers,
      });
      expect(library.statusCode).toBe(403);
      // And another county's handler still cannot open the warning.
      const other = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/warnings/${realId}`,
        headers: handlerB.session.headers,
      });
      expect(other.statusCode).toBe(404);
    });
  });
}
