import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCaseWorld,
  callApi,
  type CaseWorld,
  FILE_HASH,
  walkCaseToInvestigation,
  walkClueToCase,
} from '../../testing/case-fixtures.js';
import { multipartCsv } from '../../testing/catalogue-fixtures.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import type { TCaseStatistics } from './case-statistics.schemas.js';

/*
 * The case statistics on two cases walked through the API, one to a decided party
 * warning with money in the ledger: the figures are what was walked, the registry counts
 * the same, and the neighbouring county sees nothing.
 */

type Statistics = Omit<TCaseStatistics, 'asOf'>;
const attachments = [{ name: '报告.pdf', hash: FILE_HASH }];

for (const engine of testEngines()) {
  describe(`the case statistics (${engine})`, () => {
    let platform: TestPlatform;
    let w: CaseWorld;
    const call = <T>(who: TestActor, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) =>
      callApi<T>(platform, who, method, url, payload, status);
    const statistics = (who: TestActor) => call<Statistics>(who, 'GET', '/api/v1/statistics/cases');

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      w = await buildCaseWorld(platform);
      const { caseId } = await walkClueToCase(platform, w);
      await walkClueToCase(platform, w);
      await walkCaseToInvestigation(platform, w, caseId);
      const [inv1] = w.investigators;
      const [trial1, trial2] = w.trial;
      const step = (who: TestActor, action: string, payload: object = {}) =>
        call(who, 'POST', `/api/v1/cases/${caseId}/steps`, { action, payload });
      const custody = { place: 'custody', where: '县纪委暂扣款专户' };
      const property = `/api/v1/cases/${caseId}/property`;
      await call(
        inv1,
        'POST',
        property,
        { type: 'register', kind: 'cash', description: '退缴违纪款', unit: 'fen', quantity: 100_000, to: custody },
        201,
      );
      await call(
        inv1,
        'POST',
        property,
        {
          type: 'move',
          itemId: 'P1',
          quantity: 40_000,
          from: custody,
          to: { place: 'confiscated', where: '' },
          authority: '处理决定',
        },
        201,
      );
      const upload = multipartCsv('流水.csv', '日期,金额\n2026-01-05,1200\n', { title: '银行流水' });
      const evidence = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/evidence`,
        payload: upload.payload,
        headers: { ...inv1.session.headers, ...upload.headers },
      });
      expect(evidence.statusCode, evidence.body).toBe(201);
      await step(inv1, 'submit_investigation_report', { reason: '事实清楚', attachments });
      await step(trial1, 'accept_for_trial', { reviewerIds: [trial1.user.id, trial2.user.id] });
      const detail = await call<{ subjects: { id: number }[] }>(trial1, 'GET', `/api/v1/cases/${caseId}`);
      await step(trial1, 'conclude_trial', {
        dispositions: [{ subjectId: detail.subjects[0]!.id, party: 'warning', organisational: ['post_adjustment'] }],
        reason: '违反群众纪律',
        attachments,
      });
      await step(w.leader, 'decide');
    });
    afterAll(async () => platform?.close());

    it('counts cases by state, and people by disposition and by the four forms', async () => {
      const s = await statistics(w.leader);
      expect(s.total).toBe(2);
      expect(s.byState.map((r) => [r.state, r.count, r.open])).toEqual([
        ['filing_proposed', 1, true],
        ['decided', 1, true],
      ]);
      expect(s.dispositions).toMatchObject({
        people: 1,
        party: [{ code: 'warning', label: { zh: '警告' }, count: 1 }],
        government: [],
        organisational: [{ code: 'post_adjustment', count: 1 }],
        transferToProcuratorate: 0,
      });
      expect(s.fourForms.map((f) => [f.form, f.count])).toEqual([
        [1, 0],
        [2, 1],
        [3, 0],
        [4, 0],
      ]);
      const stays = Object.fromEntries(s.durations.map((d) => [d.state, d.count]));
      expect(stays).toMatchObject({ filing_proposed: 1, filed: 1, investigating: 1, in_trial: 1 });
    });

    it('replays the ledger: money registered, and where it is now', async () => {
      const { property } = await statistics(w.leader);
      expect(property.registered).toEqual({ fen: 100_000, piece: 0 });
      const fen = Object.fromEntries(property.byPlace.map((p) => [p.place, p.fen]));
      expect(fen).toMatchObject({ custody: 60_000, confiscated: 40_000, frozen: 0 });
      expect(property.balanced).toBe(true);
    });

    it('equals the case registry for each state and the overdue, and shows the other county nothing', async () => {
      const s = await statistics(w.leader);
      const total = async (query: string) =>
        (await call<{ items: unknown[] }>(w.leader, 'GET', `/api/v1/cases?limit=200&${query}`)).items.length;
      for (const r of s.byState) expect(await total(`state=${r.state}`), r.state).toBe(r.count);
      expect(await total('overdue=true')).toBe(s.overdue.overdue);
      const b = await statistics(w.leaderB);
      expect(b).toMatchObject({ total: 0, byState: [], durations: [], dispositions: { people: 0 } });
      expect(b.property.registered).toEqual({ fen: 0, piece: 0 });
      await call(w.registrar, 'GET', '/api/v1/statistics/cases');
    });
  });
}
