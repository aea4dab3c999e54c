import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../app/app-services.js';
import { ManualClock } from '../../testing/auth-helpers.js';
import { buildClueWorld, commissionMorning } from '../../testing/clue-world.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { sweepDeadlines } from './deadline-sweep.js';

interface Page {
  items: { id: number; kind: string; subjectType: string; subjectId: number; params: Record<string, unknown> }[];
  nextBefore: number | null;
  unreadCount: number;
}

for (const engine of testEngines()) {
  describe(`notifications (${engine})`, () => {
    let platform: TestPlatform;
    let world: Awaited<ReturnType<typeof buildClueWorld>>;
    const clock = new ManualClock();

    const list = (who: TestActor, query = '') => world.call<Page>(who, 'GET', `/api/v1/notifications${query}`);
    const about = async (who: TestActor, clueId: number) =>
      (await list(who, '?limit=100')).items.filter((n) => n.subjectType === 'clue' && n.subjectId === clueId);

    beforeAll(async () => {
      commissionMorning(clock, '2026-03-02');
      platform = await createTestPlatform(engine, { clock });
      world = await buildClueWorld(platform);
    });
    afterAll(async () => platform?.close());

    it('tells the person who received a clue that it is theirs, and a new holder named by clue.assigned', async () => {
      const { handler, colleague, registrarB } = world.people;
      const id = await world.receive(handler);
      expect((await about(handler, id)).map((n) => n.kind)).toEqual(['assigned']);
      await platform.services.clueEvents.emit('clue.assigned', {
        clueId: id,
        divisionCode: world.divisionA,
        responsibleUserId: colleague.user.id,
        responsibleOrgId: colleague.user.org_id,
        at: clock.now().toISOString(),
      });
      const [notice] = await about(colleague, id);
      expect(notice).toMatchObject({ kind: 'assigned', params: { title: '某村低保资金被冒领', number: null } });
      // An event naming a user of another county reaches no one: they may not read the clue.
      await platform.services.clueEvents.emit('clue.assigned', {
        clueId: id,
        divisionCode: world.divisionA,
        responsibleUserId: registrarB.user.id,
        responsibleOrgId: registrarB.user.org_id,
        at: clock.now().toISOString(),
      });
      expect(await about(registrarB, id)).toEqual([]);
    });

    it('asks every leader of the jurisdiction for an approval, and no one in the other county or the proposer', async () => {
      const { registrar, handler, colleague, leader, deputy, leaderB } = world.people;
      const id = await world.proposed(registrar, handler, colleague);
      for (const who of [leader, deputy]) {
        const notices = await about(who, id);
        expect(notices.map((n) => n.kind)).toEqual(['approval_waiting']);
        expect(notices[0]!.params).toMatchObject({ state: 'awaiting_disposal_approval' });
      }
      expect((await about(handler, id)).map((n) => n.kind)).toEqual(['assigned']);
      expect(await about(colleague, id)).toEqual([]);
      expect(await about(registrar, id)).toEqual([]);
      expect(await about(leaderB, id)).toEqual([]);
      // A return for more work asks nobody's approval.
      await world.step(leader, id, 'return_disposal', { reason: '材料不全' });
      expect((await about(deputy, id)).map((n) => n.kind)).toEqual(['approval_waiting']);
    });

    it('reminds the person who must act once per reminder step, across a restart, then says when it is overdue', async () => {
      const { registrar, handler, colleague, leader } = world.people;
      commissionMorning(clock, '2026-03-02');
      const id = await world.receive(handler, world.divisionA, '某乡涉农补贴');
      await world.step(registrar, id, 'register');
      // Triage runs 30 calendar days (due 2026-04-01), reminded 7 days and 1 day before.
      const kinds = async () => (await about(handler, id)).map((n) => n.kind);
      commissionMorning(clock, '2026-03-24');
      await sweepDeadlines(platform.services);
      expect(await kinds()).toEqual(['assigned']);

      commissionMorning(clock, '2026-03-25');
      expect(await sweepDeadlines(platform.services)).toBeGreaterThanOrEqual(1);
      const [reminder] = await about(handler, id);
      expect(reminder).toMatchObject({
        kind: 'deadline_close',
        params: { step: 'clue_triage', dueOn: '2026-04-01', daysLeft: 7 },
      });
      const again = await about(handler, id);
      await sweepDeadlines(platform.services);
      // A process started afresh on the same store (nothing kept in memory) sends nothing twice.
      const restarted = createAppServices(
        platform.services.config,
        platform.services.database,
        platform.services.lake,
        randomBytes(32),
        clock,
      );
      await sweepDeadlines(restarted);
      expect(await about(handler, id)).toEqual(again);
      // Only the one who must act is reminded: not the registrar, not a leader, not a colleague.
      for (const who of [registrar, leader, colleague]) expect(await about(who, id)).toEqual([]);

      commissionMorning(clock, '2026-03-31');
      await sweepDeadlines(restarted);
      expect(await kinds()).toEqual(['deadline_close', 'deadline_close', 'assigned']);
      commissionMorning(clock, '2026-04-02');
      await sweepDeadlines(platform.services);
      await sweepDeadlines(platform.services);
      expect(await kinds()).toEqual(['overdue', 'deadline_close', 'deadline_close', 'assigned']);
    });

    it('lists by keyset, filters unread, and marks read only the reader’s own', async () => {
      const { handler, colleague } = world.people;
      const page = await list(handler, '?limit=2');
      expect(page.items).toHaveLength(2);
      expect(page.nextBefore).toBe(page.items[1]!.id);
      const rest = await list(handler, `?limit=100&before=${page.nextBefore}`);
      expect(rest.items.every((n) => n.id < page.nextBefore!)).toBe(true);
      const total = page.items.length + rest.items.length;
      expect(page.unreadCount).toBe(total);

      const first = page.items[0]!.id;
      // Someone else's id changes nothing.
      await world.call(colleague, 'POST', '/api/v1/notifications/read', { ids: [first] });
      expect((await list(handler)).unreadCount).toBe(total);
      expect(await world.call(handler, 'POST', '/api/v1/notifications/read', { ids: [first] })).toEqual({
        unreadCount: total - 1,
      });
      const unread = await list(handler, '?unread=true&limit=100');
      expect(unread.items.map((n) => n.id)).not.toContain(first);
      expect(unread.items).toHaveLength(total - 1);
      await world.call(handler, 'POST', '/api/v1/notifications/read-all', {});
      expect((await list(handler, '?unread=true')).items).toEqual([]);
      expect((await list(handler, '?limit=100')).items).toHaveLength(total);
    });
  });
}
