import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../http/access-control.js';
import { ManualClock } from '../../testing/auth-helpers.js';
import { buildClueWorld } from '../../testing/clue-world.js';
import { buildActor, type TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import type { TClueStatistics } from './clue-statistics.schemas.js';

/*
 * The clue statistics on clues walked through the procedure in two sibling counties: the
 * figures are what was walked, each county sees its own, and every count equals the
 * registry filtered as the console links it.
 */

type Statistics = Omit<TClueStatistics, 'asOf'>;
type ClueWorld = Awaited<ReturnType<typeof buildClueWorld>>;
const HASH = 'c'.repeat(64);

/** The registry's query for each count, as the console links it, with the count; `base` is the statistics' query. */
function linksOf(s: Statistics, base: string): { query: string; count: number }[] {
  // A figure's own filters take the place of the query's (a town's division, a month's days).
  const q = (more: string) => {
    const params = new URLSearchParams(base);
    for (const [key, value] of new URLSearchParams(more)) params.set(key, value);
    return params.toString();
  };
  return [
    { query: q(''), count: s.total },
    ...s.byState.map((r) => ({ query: q(`state=${r.state}`), count: r.count })),
    ...s.bySource.map((r) => ({ query: q(`source=${r.source}`), count: r.count })),
    ...s.byProblemType.map((r) => ({ query: q(`problemType=${r.problemType}`), count: r.count })),
    ...s.byTown.map((r) => ({ query: q(`division=${r.division}`), count: r.count })),
    ...s.byOffice.map((r) => ({ query: q(`office=${r.office}`), count: r.count })),
    ...s.firstForm.map((r) => ({ query: q(`firstForm=${r.outcome}`), count: r.count })),
    { query: q('running=true'), count: s.overdue.running },
    { query: q('overdue=true'), count: s.overdue.overdue },
    ...s.trend.flatMap((m) => [
      // The month's receipts replace the query's days with the month's share of them.
      { query: q(`from=${m.receivedFrom}&to=${m.receivedTo}`), count: m.received },
      { query: q(`state=closed&enteredFrom=${m.from}&enteredTo=${m.to}`), count: m.closed },
      { query: q(`state=case_filing&enteredFrom=${m.from}&enteredTo=${m.to}`), count: m.filedAsCase },
    ]),
  ];
}

for (const engine of testEngines()) {
  describe(`the clue statistics (${engine})`, () => {
    let platform: TestPlatform;
    let world: ClueWorld;
    let registrar: TestActor;
    let handler: TestActor;
    let colleague: TestActor;
    let leader: TestActor;
    let deputy: TestActor;
    let registrarB: TestActor;
    let leaderB: TestActor;
    let dataAdmin: TestActor;
    let county: string;
    let registered: number;
    const clock = new ManualClock();

    const call = <T>(who: TestActor, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) =>
      world.call<T>(who, method, url, payload, status);
    const statistics = (who: TestActor, query = '') =>
      call<Statistics>(who, 'GET', `/api/v1/statistics/clues${query ? `?${query}` : ''}`);
    /** Moves the clock on, signing everyone in again (a session ends after 30 idle minutes). */
    async function later(days: number) {
      clock.advance({ days });
      for (const actor of [...Object.values(world.people), dataAdmin]) {
        const { token, csrfToken } = await platform.services.sessions.createSession(platform.services.database.db, {
          userId: actor.user.id,
          mfaPending: false,
          ip: '127.0.0.1',
          userAgent: 'vitest',
          now: clock.now(),
        });
        actor.session = { headers: { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrfToken } };
      }
    }
    async function step(who: TestActor, id: number, action: string, payload: object = {}) {
      await later(2);
      await world.step(who, id, action, payload);
    }
    async function receive(who: TestActor, source: string, problemType: string, divisionCode: string) {
      const body = { source, problemType, title: '统计测试线索', summary: '统计测试', divisionCode };
      return (await call<{ id: number }>(who, 'POST', '/api/v1/clues', body, 201)).id;
    }
    /** Registration, triage, verification and the report, its recommendation approved. */
    async function verify(id: number, recommendation: 'file_case' | 'close', firstForm?: string) {
      await step(registrar, id, 'register');
      await step(handler, id, 'propose_disposal', {
        disposal: 'preliminary_verification',
        participantIds: [handler.user.id, colleague.user.id],
        reason: '反映具体',
      });
      await step(leader, id, 'approve_disposal');
      await step(handler, id, 'submit_verification_plan', { attachments: [{ name: '初核方案.pdf', hash: HASH }] });
      await step(leader, id, 'approve_verification_plan');
      await step(handler, id, 'record_verification_work', { summary: '调取账册' });
      await step(handler, id, 'submit_verification_report', {
        recommendation,
        ...(firstForm ? { firstForm } : {}),
        reason: '核查属实',
        attachments: [{ name: '初核报告.pdf', hash: HASH }],
      });
      await step(leader, id, 'approve_verification_report');
    }
    /** The registry's count for a query, every page read. */
    async function registryCount(who: TestActor, query: string) {
      let count = 0;
      let before = '';
      for (;;) {
        const page = await call<{ items: unknown[]; nextBefore: number | null }>(
          who,
          'GET',
          `/api/v1/clues?limit=200&${query}${before}`,
        );
        count += page.items.length;
        if (page.nextBefore === null) return count;
        before = `&before=${page.nextBefore}`;
      }
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { clock });
      world = await buildClueWorld(platform);
      ({ registrar, handler, colleague, leader, deputy, registrarB, leaderB } = world.people);
      county = world.countyA.division_code.slice(0, 6);
      dataAdmin = await buildActor(platform.services, 'data_admin', world.countyA);
      await platform.services.database.db
        .insertInto('divisions')
        .values({ code: `${county}001000`, name: '城关镇', level: 'township', parent_code: null })
        .execute();
      await verify(
        await receive(handler, 'letters_visits', 'livelihood_funds', `${county}001001`),
        'close',
        'criticism',
      );
      await verify(await receive(handler, 'supervision', 'bribery', `${county}001002`), 'file_case');
      registered = await receive(handler, 'letters_visits', 'bribery', `${county}002001`);
      await step(registrar, registered, 'register');
      await receive(handler, 'audit', 'livelihood_funds', `${county}000000`);
      await receive(registrarB, 'letters_visits', 'bribery', world.countyB.division_code);
      // Past the triage's 30 days and the registration's term: the two open clues are overdue.
      await later(40);
    });
    afterAll(async () => platform?.close());

    it("counts a county's clues by state, source, problem type, town, office and first-form outcome", async () => {
      const s = await statistics(leader);
      expect(s.total).toBe(4);
      expect(s.byState.map((r) => [r.state, r.count, r.open])).toEqual([
        ['received', 1, true],
        ['registered', 1, true],
        ['closed', 1, false],
        ['case_filing', 1, false],
      ]);
      expect(s.byState[0]?.label.zh).toBe('待登记');
      expect(s.bySource.map((r) => [r.source, r.count])).toEqual([
        ['letters_visits', 2],
        ['supervision', 1],
        ['audit', 1],
      ]);
      expect(s.byProblemType.map((r) => [r.label.zh, r.count]).sort()).toEqual([
        ['侵害群众利益、挪用民生资金', 2],
        ['受贿行贿', 2],
      ]);
      // The county-level clue is counted, but in no town.
      expect(s.byTown).toEqual([
        { division: `${county}001`, name: { zh: '城关镇', en: 'Chengguan Town' }, count: 2 },
        { division: `${county}002`, name: null, count: 1 },
      ]);
      expect(s.byOffice).toEqual([{ office: registrar.user.org_id, name: '测试县01纪委监委', count: 4 }]);
      expect(s.firstForm).toEqual([
        { outcome: 'criticism', label: { zh: '批评教育', en: expect.any(String) }, count: 1 },
      ]);
      expect(s.overdue).toEqual({ running: 2, overdue: 2, rate: 1 });
    });

    it('measures each stay in a state from the timeline, and the handling from receipt to the end', async () => {
      const s = await statistics(leader);
      const stays = Object.fromEntries(s.durations.map((d) => [d.state, [d.count, d.medianDays, d.p90Days]]));
      expect(stays).toEqual({
        received: [3, 2, 2],
        registered: [2, 2, 2],
        awaiting_disposal_approval: [2, 2, 2],
        verification_planning: [2, 2, 2],
        awaiting_plan_approval: [2, 2, 2],
        // Recording work keeps the state: the stay runs from the plan's approval to the report.
        verifying: [2, 4, 4],
        awaiting_report_approval: [2, 2, 2],
      });
      expect(s.handling).toEqual({ count: 2, medianDays: 16, p90Days: 16 });
    });

    it("shows each county's leader their own county only, and a division or days outside it show nothing", async () => {
      const b = await statistics(leaderB);
      expect(b.total).toBe(1);
      expect(b.byState).toEqual([{ state: 'received', label: expect.any(Object), open: true, count: 1 }]);
      expect(b.durations).toEqual([]);
      expect((await statistics(leader, `division=${county}001`)).total).toBe(2);
      expect((await statistics(leaderB, `division=${county}001`)).total).toBe(0);
      expect((await statistics(leader, 'from=2000-01-01&to=2000-12-31')).total).toBe(0);
    });

    it('equals, count by count, the registry filtered as the console links it', async () => {
      for (const [who, base] of [
        [leader, ''],
        [leader, `division=${county}001`],
        [leaderB, ''],
      ] as const) {
        const links = linksOf(await statistics(who, base), base);
        expect(links.length).toBeGreaterThan(30);
        for (const { query, count } of links) expect(await registryCount(who, query), query).toBe(count);
      }
      const s = await statistics(leader);
      expect(s.trend.reduce((sum, m) => sum + m.received, 0)).toBe(4);
      expect(s.trend.reduce((sum, m) => sum + m.closed + m.filedAsCase, 0)).toBe(2);
    });

    it('is for those who read clues, and refuses hostile parameters', async () => {
      await call(dataAdmin, 'GET', '/api/v1/statistics/clues', undefined, 403);
      for (const query of ['division=33%25', 'from=2026-13-01', 'division=1234567', 'extra=1']) {
        await call(leader, 'GET', `/api/v1/statistics/clues?${query}`, undefined, 400);
      }
    });

    it('leaves out the clues the viewer is recused from, as the registry does, count by count', async () => {
      const before = await statistics(leader);
      await step(deputy, registered, 'recuse_person', { userId: leader.user.id, reason: '利害关系' });
      const after = await statistics(leader);
      expect(after.total).toBe(before.total - 1);
      expect(after.byState.find((r) => r.state === 'registered')).toBeUndefined();
      expect(after.byTown.find((r) => r.division === `${county}002`)).toBeUndefined();
      expect(after.overdue).toEqual({ running: 1, overdue: 1, rate: 1 });
      // Whoever is not recused still counts the clue.
      expect((await statistics(deputy)).total).toBe(before.total);
      for (const { query, count } of linksOf(after, '')) expect(await registryCount(leader, query), query).toBe(count);
      // Another county's leader sees none of it, recused or not.
      const b = await statistics(leaderB, `division=${county}002`);
      expect(b.total).toBe(0);
      expect((await statistics(leaderB)).byTown.every((r) => !r.division.startsWith(county))).toBe(true);
    });
  });
}
