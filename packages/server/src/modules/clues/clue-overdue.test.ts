import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../testing/auth-helpers.js';
import { buildClueWorld } from '../../testing/clue-world.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

/*
 * The overdue list a page at a time: the earliest deadline first, ties by id, by keyset
 * both ways; forged cursors refused; the same clues as the registry's overdue filter, for
 * the viewer's county alone and without the clues they are recused from.
 */

interface OverduePage {
  items: { id: number; deadline: { dueOn: string; status: string } }[];
  nextCursor: string | null;
  prevCursor: string | null;
}
type ClueWorld = Awaited<ReturnType<typeof buildClueWorld>>;

for (const engine of testEngines()) {
  describe(`the overdue clue list (${engine})`, () => {
    let platform: TestPlatform;
    let world: ClueWorld;
    const clock = new ManualClock();
    const overdueIds: number[] = [];
    let fresh: number;

    const page = (who: TestActor, query: string, status = 200) =>
      world.call<OverduePage>(who, 'GET', `/api/v1/clues/overdue?${query}`, undefined, status);

    /** Every page from the start, `limit` clues each, following nextCursor; then back by prevCursor. */
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
      world = await buildClueWorld(platform);
      const { registrar, registrarB } = world.people;
      // Received 60, 59 (twice: the same deadline, ordered by id) and 58 days ago: every
      // registration term has run out. One received today is not overdue.
      for (const daysAgo of [59, 60, 58, 59]) {
        clock.advance({ days: -daysAgo });
        overdueIds.push(await world.receive(registrar).finally(() => clock.advance({ days: daysAgo })));
      }
      fresh = await world.receive(registrar);
      clock.advance({ days: -60 });
      await world.receive(registrarB, world.divisionB).finally(() => clock.advance({ days: 60 }));
    });
    afterAll(async () => platform?.close());

    it('lists the earliest deadline first, ties by id, a page at a time both ways', async () => {
      const { registrar } = world.people;
      const { forward, backward } = await walk(registrar, 2);
      const [d59a, d60, d58, d59b] = overdueIds as [number, number, number, number];
      expect(forward).toEqual([
        [d60, Math.min(d59a, d59b)],
        [Math.max(d59a, d59b), d58],
      ]);
      expect(backward).toEqual([...forward].reverse());
      const whole = await page(registrar, 'limit=200');
      expect(whole.items.map((c) => c.id)).not.toContain(fresh);
      expect(whole.items.every((c) => c.deadline.status === 'overdue')).toBe(true);
      expect(whole.nextCursor).toBeNull();
      expect(whole.prevCursor).toBeNull();
      // The same clues as the registry's overdue filter.
      const registry = await world.call<{ items: { id: number }[] }>(
        registrar,
        'GET',
        '/api/v1/clues?overdue=true&limit=200',
      );
      expect(whole.items.map((c) => c.id).sort()).toEqual(registry.items.map((c) => c.id).sort());
    });

    it('refuses a cursor it did not make, and after with before', async () => {
      const { registrar } = world.people;
      const first = await page(registrar, 'limit=1');
      const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      for (const cursor of [
        'bm90LWpzb24',
        forged(['-id', '2026-01-01', 1]),
        forged(['overdue', '2026-13-45', 1]),
        forged(['overdue', "2026-01-01' OR 1=1", 1]),
        forged(['overdue', '2026-01-01', -1]),
        forged({ dueOn: '2026-01-01', id: 1 }),
      ]) {
        const refused = await world.call<{ code: string }>(
          registrar,
          'GET',
          `/api/v1/clues/overdue?after=${cursor}`,
          undefined,
          400,
        );
        expect(refused.code).toBe('invalid_cursor');
      }
      await page(registrar, `after=${first.nextCursor}&before=${first.nextCursor}`, 400);
      await page(registrar, 'after=a%2Fb', 400);
      await page(registrar, 'limit=201', 400);
    });

    it("shows a county's clues alone, and none the viewer is recused from", async () => {
      const { registrar, registrarB, leader } = world.people;
      const b = await page(registrarB, 'limit=200');
      expect(b.items).toHaveLength(1);
      expect(overdueIds).not.toContain(b.items[0]!.id);
      const recused = overdueIds[0]!;
      await world.step(leader, recused, 'recuse_person', { userId: registrar.user.id, reason: '利害关系' });
      const a = await page(registrar, 'limit=200');
      expect(a.items.map((c) => c.id)).not.toContain(recused);
      expect(a.items).toHaveLength(overdueIds.length - 1);
      expect((await page(leader, 'limit=200')).items.map((c) => c.id)).toContain(recused);
    });
  });
}
