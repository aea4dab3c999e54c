import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseWorld,
  FILE_HASH,
  buildCaseWorld,
  callApi,
  walkCaseToInvestigation,
  walkClueToCase,
} from '../../testing/case-fixtures.js';
import { multipartCsv } from '../../testing/catalogue-fixtures.js';
import { buildActor, type TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

interface Page {
  items: { kind: string; subjectType: string; subjectId: number; params: Record<string, unknown> }[];
}

for (const engine of testEngines()) {
  describe(`case step notifications (${engine})`, () => {
    let platform: TestPlatform;
    let w: CaseWorld;
    let secondLeader: TestActor;
    let trialB: TestActor;
    const notices = async (who: TestActor, id: number) => {
      await platform.services.background.idle();
      return (await callApi<Page>(platform, who, 'GET', '/api/v1/notifications?limit=100')).items
        .filter((n) => n.subjectType === 'case' && n.subjectId === id)
        .map((n) => `${n.kind}:${String(n.params.state)}`);
    };
    const step = (who: TestActor, id: number, action: string, payload: object = {}, status = 200) =>
      callApi(platform, who, 'POST', `/api/v1/cases/${id}/steps`, { action, payload }, status);

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      w = await buildCaseWorld(platform);
      const orgA = await platform.services.database.db
        .selectFrom('users')
        .select('org_id')
        .where('id', '=', w.leader.user.id)
        .executeTakeFirstOrThrow();
      const org = await platform.services.database.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', orgA.org_id)
        .executeTakeFirstOrThrow();
      secondLeader = await buildActor(platform.services, 'leader', org);
      const orgB = await platform.services.database.db
        .selectFrom('organisations as o')
        .innerJoin('users as u', 'u.org_id', 'o.id')
        .selectAll('o')
        .where('u.id', '=', w.leaderB.user.id)
        .executeTakeFirstOrThrow();
      trialB = await buildActor(platform.services, 'trial', orgB);
    });
    afterAll(async () => platform?.close());

    it('tells the leaders of the county a filing awaits them, the investigators a filing names, and no one recused or elsewhere', async () => {
      const { caseId } = await walkClueToCase(platform, w);
      const [inv1, inv2] = w.investigators;
      // Proposed from the clue: every leader of county A who may approve hears of it; not the other county's.
      expect(await notices(w.leader, caseId)).toEqual(['approval_waiting:filing_proposed']);
      expect(await notices(secondLeader, caseId)).toEqual(['approval_waiting:filing_proposed']);
      for (const who of [w.leaderB, w.investigatorB, inv1, w.handler]) expect(await notices(who, caseId)).toEqual([]);

      // The second leader steps aside: from now on nothing about the case reaches them.
      await callApi(
        platform,
        secondLeader,
        'POST',
        `/api/v1/cases/${caseId}/recusal`,
        { reason: '与被调查人系同学' },
        204,
      );
      await step(w.leader, caseId, 'approve_filing', { investigatorIds: [inv1.user.id, inv2.user.id] });
      for (const who of [inv1, inv2]) expect(await notices(who, caseId)).toEqual(['assigned:filed']);
      expect(await notices(w.investigatorB, caseId)).toEqual([]);

      await step(inv1, caseId, 'submit_investigation_plan', {
        attachments: [{ name: '审查调查方案.pdf', hash: FILE_HASH }],
      });
      expect(await notices(w.leader, caseId)).toEqual([
        'approval_waiting:awaiting_plan_approval',
        'approval_waiting:filing_proposed',
      ]);
      // The recused leader, the investigator who proposed the plan and the other county hear nothing more.
      expect(await notices(secondLeader, caseId)).toEqual(['approval_waiting:filing_proposed']);
      expect(await notices(inv1, caseId)).toEqual(['assigned:filed']);
      expect(await notices(w.leaderB, caseId)).toEqual([]);
    });

    it('tells the trial reviewer an acceptance names of the assignment, and no one else', async () => {
      const { caseId } = await walkClueToCase(platform, w);
      await walkCaseToInvestigation(platform, w, caseId);
      const [inv1] = w.investigators;
      const [trial1, trial2] = w.trial;
      const upload = multipartCsv('流水.csv', '日期,金额\n2026-01-05,1200\n', { title: '银行流水' });
      const added = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/evidence`,
        payload: upload.payload,
        headers: { ...inv1.session.headers, ...upload.headers },
      });
      expect(added.statusCode, added.body).toBe(201);
      await step(inv1, caseId, 'submit_investigation_report', {
        reason: '事实清楚',
        attachments: [{ name: '审查调查报告.pdf', hash: FILE_HASH }],
      });
      const assigned = async (who: TestActor) => (await notices(who, caseId)).filter((n) => n.startsWith('assigned:'));
      // A trial user of the other county cannot be named (not a user of the jurisdiction): refused, telling no one.
      await step(trial1, caseId, 'accept_for_trial', { reviewerIds: [trial1.user.id, trialB.user.id] }, 400);
      expect(await notices(trialB, caseId)).toEqual([]);
      expect(await assigned(trial2)).toEqual([]);

      await step(trial1, caseId, 'accept_for_trial', { reviewerIds: [trial1.user.id, trial2.user.id] });
      expect(await assigned(trial2)).toEqual(['assigned:in_trial']);
      // The reviewer who accepted it named themself: they know already.
      expect(await assigned(trial1)).toEqual([]);
      // The proposer, the investigators (only their own filing), the leader and the other county hear of no trial assignment.
      expect(await notices(w.handler, caseId)).toEqual([]);
      for (const who of w.investigators) expect(await assigned(who)).toEqual(['assigned:filed']);
      expect(await assigned(w.leader)).toEqual([]);
      for (const who of [trialB, w.leaderB, w.investigatorB]) expect(await notices(who, caseId)).toEqual([]);
    });
  });
}
