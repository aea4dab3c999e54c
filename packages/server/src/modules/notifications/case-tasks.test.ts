import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../testing/auth-helpers.js';
import { type CaseWorld, FILE_HASH, buildCaseWorld, callApi, walkClueToCase } from '../../testing/case-fixtures.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { sweepDeadlines } from './deadline-sweep.js';

interface Inbox {
  items: { subjectType: string; case?: { id: number }; actions: { action: string }[]; awaitingApproval: boolean }[];
}
interface Page {
  items: { kind: string; subjectType: string; subjectId: number; params: Record<string, unknown> }[];
}

for (const engine of testEngines()) {
  describe(`case tasks and reminders (${engine})`, () => {
    let platform: TestPlatform;
    let w: CaseWorld;
    const clock = new ManualClock();
    const caseTasks = async (who: TestActor) =>
      Object.fromEntries(
        (await callApi<Inbox>(platform, who, 'GET', '/api/v1/inbox')).items
          .filter((i) => i.subjectType === 'case')
          .map((i) => [i.case!.id, i.actions.map((a) => a.action)]),
      );
    const caseNotices = async (who: TestActor, id: number) => {
      // The steps' own notices are written after their commit, beside the answer.
      await platform.services.background.idle();
      return (await callApi<Page>(platform, who, 'GET', '/api/v1/notifications?limit=100')).items
        .filter((n) => n.subjectType === 'case' && n.subjectId === id)
        .map((n) => n.kind);
    };

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { clock });
      w = await buildCaseWorld(platform);
    });
    afterAll(async () => platform?.close());

    it('puts a case in the inbox of who must act on it, and reminds its investigators once', async () => {
      const { caseId } = await walkClueToCase(platform, w);
      const [inv1, inv2] = w.investigators;
      // Proposed for filing: the county's leader approves; nobody else has a task, nor the other county.
      expect(await caseTasks(w.leader)).toEqual({ [caseId]: ['approve_filing', 'reject_filing'] });
      for (const who of [inv1, w.trial[0], w.leaderB]) expect(await caseTasks(who)).toEqual({});

      await callApi(platform, w.leader, 'POST', `/api/v1/cases/${caseId}/steps`, {
        action: 'approve_filing',
        payload: { investigatorIds: [inv1.user.id, inv2.user.id] },
      });
      // Filed: the plan is the investigators' to draft, and only theirs.
      for (const who of [inv1, inv2]) expect(await caseTasks(who)).toEqual({ [caseId]: ['submit_investigation_plan'] });
      for (const who of [w.leader, w.trial[0], w.investigatorB]) expect(await caseTasks(who)).toEqual({});

      const { deadline } = await callApi<{ deadline: { dueOn: string; remindOn: string[] } }>(
        platform,
        w.leader,
        'GET',
        `/api/v1/cases/${caseId}`,
      );
      // The sweep runs on the reminder's day; the API is read back at the real time, where the sessions live.
      const now = clock.now();
      clock.set(new Date(`${deadline.remindOn[0]}T01:00:00Z`));
      await sweepDeadlines(platform.services);
      await sweepDeadlines(platform.services);
      clock.set(now);
      // Newest first: the reminder after the assignment the filing sent them.
      for (const who of [inv1, inv2]) expect(await caseNotices(who, caseId)).toEqual(['deadline_close', 'assigned']);
      expect(await caseNotices(w.leader, caseId)).toEqual(['approval_waiting']);
      expect(await caseNotices(w.investigatorB, caseId)).toEqual([]);

      const after = new Date(`${deadline.dueOn}T01:00:00Z`);
      after.setUTCDate(after.getUTCDate() + 1);
      clock.set(after);
      await sweepDeadlines(platform.services);
      clock.set(now);
      expect(await caseNotices(inv1, caseId)).toEqual(['overdue', 'deadline_close', 'assigned']);
      // The plan submitted, the investigators' task is done and the leader's approval waits.
      await callApi(platform, inv1, 'POST', `/api/v1/cases/${caseId}/steps`, {
        action: 'submit_investigation_plan',
        payload: { attachments: [{ name: '审查调查方案.pdf', hash: FILE_HASH }] },
      });
      expect(await caseTasks(inv2)).toEqual({});
      const leaderInbox = await callApi<Inbox>(platform, w.leader, 'GET', '/api/v1/inbox');
      expect(leaderInbox.items.find((i) => i.case?.id === caseId)).toMatchObject({
        actions: [{ action: 'approve_investigation_plan' }, { action: 'return_investigation_plan' }],
        awaitingApproval: true,
      });
    });
  });
}
