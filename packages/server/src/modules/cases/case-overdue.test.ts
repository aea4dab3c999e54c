import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../testing/auth-helpers.js';
import { buildCaseWorld, callApi, type CaseWorld } from '../../testing/case-fixtures.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

/*
 * The cases' overdue list a page at a time: the earliest deadline first, ties by id, by
 * keyset both ways; forged cursors (the clues' list's among them) refused; the same cases as
 * the registry's overdue filter, for the viewer's county alone and without the cases they
 * are recused from.
 */

interface OverduePage {
  items: { id: number; deadline: { dueOn: string; status: string } }[];
  nextCursor: string | null;
  prevCursor: string | null;
}

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

for (const engine of testEngines()) {
  describe(`the overdue case list (${engine})`, () => {
    let platform: TestPlatform;
    let w: CaseWorld;
    const clock = new ManualClock();
    const overdueIds: number[] = [];
    let fresh: number;

    const call = <T>(who: TestActor, url: string, status = 200) =>
      callApi<T>(platform, who, 'GET', url, undefined, status);
    const page = (who: TestActor, query: string, status = 200) =>
      call<OverduePage>(who, `/api/v1/cases/overdue?${query}`, status);

    /** Proposes a case directly as `who`, `daysAgo` days ago: its filing approval (7 working days) runs from then. */
    async function propose(who: TestActor, divisionCode: string, daysAgo: number): Promise<number> {
      clock.advance({ days: -daysAgo });
      try {
        const { id } = await callApi<{ id: number }>(
          platform,
          who,
          'POST',
          '/api/v1/cases',
          {
            problemType: 'livelihood_funds',
            title: `某村危房改造补助被套取（${daysAgo}天前）`,
            summary: '审计移送：村干部以亲属名义重复申报补助',
            divisionCode,
            subjects: [{ kind: 'official', name: '赵某', position: '村委会主任' }],
          },
          201,
        );
        return id;
      } finally {
        clock.advance({ days: daysAgo });
      }
    }

    /** Every page from the start, `limit` cases each, following nextCursor; then back by prevCursor. */
    async function walk(who: TestActor, limit: number) {
      const pages: OverduePage[] = [await page(who, `limit=${limit}`)];
      while (pages.at(-1)!.nextCursor !== null) {
        pages.push(await page(who, `limit=${limit}&after=${pages.at(-1)!.nextCursor}`));
      }
      const back: OverduePage[] = [pages.at(-1)!];
      while (back.at(-1)!.prevCursor !== null) {
        back.push(await page(who, `limit=${limit}&before=${back.at(-1)!.prevCursor}`));
      }
      return {
        forward: pages.map((p) => p.items.map((c) => c.id)),
        backward: back.map((p) => p.items.map((c) => c.id)),
      };
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { clock });
      w = await buildCaseWorld(platform);
      // Proposed 38, 45, 31 and 38 days ago (twice: the same deadline, ordered by id): every
      // filing approval's term has run out, a week apart whatever the weekday today. One
      // proposed today is not overdue.
      for (const daysAgo of [38, 45, 31, 38]) overdueIds.push(await propose(w.registrar, w.divisionA, daysAgo));
      fresh = await propose(w.registrar, w.divisionA, 0);
      await propose(w.investigatorB, w.divisionB, 50);
    });
    afterAll(async () => platform?.close());

    it('lists the earliest deadline first, ties by id, a page at a time both ways', async () => {
      const { forward, backward } = await walk(w.registrar, 2);
      const [d38a, d45, d31, d38b] = overdueIds as [number, number, number, number];
      expect(forward).toEqual([
        [d45, Math.min(d38a, d38b)],
        [Math.max(d38a, d38b), d31],
      ]);
      expect(backward).toEqual([...forward].reverse());
      // Three pages: the middle one has a way on and a way back.
      const middle = await page(w.registrar, `limit=1&after=${(await page(w.registrar, 'limit=1')).nextCursor}`);
      expect(middle.items.map((c) => c.id)).toEqual([Math.min(d38a, d38b)]);
      expect(middle.prevCursor).not.toBeNull();
      expect(middle.nextCursor).not.toBeNull();
      expect((await page(w.registrar, `limit=1&before=${middle.prevCursor}`)).items.map((c) => c.id)).toEqual([d45]);

      const whole = await page(w.registrar, 'limit=200');
      expect(whole.items.map((c) => c.id)).not.toContain(fresh);
      expect(whole.items.every((c) => c.deadline.status === 'overdue')).toBe(true);
      expect(whole.nextCursor).toBeNull();
      expect(whole.prevCursor).toBeNull();
      // The same cases as the registry's overdue filter; fifty a page unless asked.
      const registry = await call<{ items: { id: number }[] }>(w.registrar, '/api/v1/cases?overdue=true&limit=200');
      expect(whole.items.map((c) => c.id).sort()).toEqual(registry.items.map((c) => c.id).sort());
      expect((await page(w.registrar, '')).items).toHaveLength(overdueIds.length);
    });

    it("refuses a cursor it did not make (the clues' list's too), and after with before", async () => {
      const first = await page(w.registrar, 'limit=1');
      const [, dueOn, id] = JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString('utf8')) as [
        string,
        string,
        number,
      ];
      for (const cursor of [
        'bm90LWpzb24',
        forged(['overdue', dueOn, id]),
        forged(['-id', dueOn, id]),
        forged(['overdue-cases', '2026-13-45', 1]),
        forged(['overdue-cases', "2026-01-01' OR 1=1", 1]),
        forged(['overdue-cases', '2026-01-01', -1]),
        forged({ dueOn, id }),
      ]) {
        for (const side of ['after', 'before']) {
          const refused = await call<{ code: string }>(w.registrar, `/api/v1/cases/overdue?${side}=${cursor}`, 400);
          expect(refused.code).toBe('invalid_cursor');
        }
      }
      await page(w.registrar, `after=${first.nextCursor}&before=${first.nextCursor}`, 400);
      await page(w.registrar, 'after=a%2Fb', 400);
      await page(w.registrar, 'limit=201', 400);
      await page(w.registrar, 'limit=0', 400);
    });

    it("shows a county's cases alone, and none the viewer is recused from", async () => {
      const b = await page(w.investigatorB, 'limit=200');
      expect(b.items).toHaveLength(1);
      expect([...overdueIds, fresh]).not.toContain(b.items[0]!.id);
      // County B's own cursor walks county B's list only, whatever date it names.
      const fromB = await page(w.leaderB, `after=${forged(['overdue-cases', '2000-01-01', 1])}`);
      expect(fromB.items.map((c) => c.id)).toEqual(b.items.map((c) => c.id));
      expect((await page(w.leaderB, 'limit=200')).items.map((c) => c.id)).toEqual(b.items.map((c) => c.id));

      const recused = overdueIds[0]!;
      await callApi(platform, w.registrar, 'POST', `/api/v1/cases/${recused}/recusal`, { reason: '与赵某系亲属' }, 204);
      const a = await page(w.registrar, 'limit=200');
      expect(a.items.map((c) => c.id)).not.toContain(recused);
      expect(a.items).toHaveLength(overdueIds.length - 1);
      const { forward } = await walk(w.registrar, 1);
      expect(forward.flat()).not.toContain(recused);
      expect(forward.flat()).toHaveLength(overdueIds.length - 1);
      expect((await page(w.leader, 'limit=200')).items.map((c) => c.id)).toContain(recused);
    });
  });
}
