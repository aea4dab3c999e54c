import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../testing/auth-helpers.js';
import { buildCaseWorld, callApi, type CaseWorld, FILE_HASH, walkClueToCase } from '../../testing/case-fixtures.js';
import { multipartCsv } from '../../testing/catalogue-fixtures.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

interface Detail {
  id: number;
  state: string;
  caseNumber: string | null;
  clueId: number | null;
  subjects: { id: number; name: string; idNumber: string | null }[];
  measures: { id: string; kind: string; status: string }[];
  evidence: { id: number; hash: string; hashName: string; supersedes: number | null; supersededBy: number | null }[];
  dispositions: { subject: string; outcome: { value: { zh: string } }[]; form: { zh: string } | null }[];
  timeline: { action: string; from: string; to: string; actorName: string }[];
  allowedActions: { action: string }[];
  code?: string;
}

const attachments = [{ name: '报告.pdf', hash: FILE_HASH }];

for (const engine of testEngines()) {
  describe(`cases (${engine})`, () => {
    let platform: TestPlatform;
    let w: CaseWorld;
    let caseId: number;
    let clueId: number;
    const clock = new ManualClock();
    const call = <T = Detail>(who: TestActor, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) =>
      callApi<T>(platform, who, method, url, payload, status);
    const step = (who: TestActor, action: string, payload: object = {}, status = 200) =>
      call(who, 'POST', `/api/v1/cases/${caseId}/steps`, { action, payload }, status);
    const detail = (who: TestActor) => call(who, 'GET', `/api/v1/cases/${caseId}`);

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { clock });
      w = await buildCaseWorld(platform);
      ({ clueId, caseId } = await walkClueToCase(platform, w));
    });
    afterAll(async () => platform?.close());

    it('proposes the case in the step that approves the clue report, with its subjects masked', async () => {
      const proposed = await detail(w.leader);
      expect(proposed).toMatchObject({ state: 'filing_proposed', clueId, caseNumber: null });
      expect(proposed.subjects).toEqual([expect.objectContaining({ name: '王某', idNumber: '330***********0015' })]);
      expect(proposed.timeline.map((e) => e.action)).toEqual(['propose']);
      // The handler recommended filing: they may not approve it, the leader may.
      expect(proposed.allowedActions.map((a) => a.action)).toEqual(['approve_filing', 'reject_filing']);
    });

    it('walks filing, investigation, trial and decision, refusing what the procedure does not allow', async () => {
      const [inv1, inv2] = w.investigators;
      const [trial1, trial2] = w.trial;
      expect((await step(inv1, 'submit_investigation_plan', { attachments }, 409)).code).toBe('not_allowed_in_state');
      const filed = await step(w.leader, 'approve_filing', { investigatorIds: [inv1.user.id, inv2.user.id] });
      expect(filed.state).toBe('filed');
      expect(filed.caseNumber).toMatch(/^测试县01纪案〔\d{4}〕001$/);
      expect((await step(w.registrar, 'submit_investigation_plan', { attachments }, 422)).code).toBe(
        'not_an_investigator',
      );
      await step(inv1, 'submit_investigation_plan', { attachments });
      expect((await step(w.leader, 'approve_investigation_plan')).state).toBe('investigating');

      await step(inv1, 'propose_measure', { kind: 'talk', reason: '与王某谈话' });
      const frozen = await step(inv1, 'propose_measure', { kind: 'freezing', reason: '冻结涉案账户' });
      expect(frozen.measures.map((m) => [m.id, m.kind, m.status])).toEqual([
        ['M1', 'talk', 'done'],
        ['M2', 'freezing', 'awaiting_approval'],
      ]);
      await step(w.leader, 'approve_measure', { measureId: 'M2' });

      const upload = multipartCsv('流水.csv', '日期,金额\n2026-01-05,1200\n', { title: '银行流水' });
      const withFile = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/evidence`,
        payload: upload.payload,
        headers: { ...inv1.session.headers, ...upload.headers },
      });
      expect(withFile.statusCode, withFile.body).toBe(201);
      expect(withFile.json<Detail>().evidence[0]?.hash).toBe(
        createHash('sha256').update('日期,金额\n2026-01-05,1200\n').digest('hex'),
      );

      await step(inv1, 'lift_measure', { measureId: 'M2', reason: '已查清' });
      await step(inv1, 'submit_investigation_report', { reason: '事实清楚', attachments });
      const forTrial = await detail(trial1);
      expect(forTrial.state).toBe('awaiting_trial');
      expect(forTrial.allowedActions.map((a) => a.action)).toEqual(['accept_for_trial', 'return_to_investigation']);
      const mixed = await step(trial1, 'accept_for_trial', { reviewerIds: [trial1.user.id, inv1.user.id] }, 422);
      expect(mixed.code).toBe('invalid_payload');
      await step(trial1, 'accept_for_trial', { reviewerIds: [trial1.user.id, trial2.user.id] });
      const subjectId = forTrial.subjects[0]!.id;
      await step(trial1, 'conclude_trial', {
        dispositions: [{ subjectId, party: 'warning' }],
        reason: '违反群众纪律',
        attachments,
      });
      const decided = await step(w.leader, 'decide');
      expect(decided.state).toBe('decided');
      expect(decided.dispositions).toEqual([
        {
          subject: '王某',
          outcome: [expect.objectContaining({ value: { zh: '警告', en: 'Warning' } })],
          form: expect.objectContaining({ zh: expect.stringContaining('第二种形态') }),
        },
      ]);
      expect(decided.timeline.map((e) => e.action)).toEqual([
        'propose',
        'approve_filing',
        'submit_investigation_plan',
        'approve_investigation_plan',
        'propose_measure',
        'propose_measure',
        'approve_measure',
        'add_evidence',
        'lift_measure',
        'submit_investigation_report',
        'accept_for_trial',
        'conclude_trial',
        'decide',
      ]);
      const audits = await platform.services.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('object_type', '=', 'case')
        .where('object_id', '=', String(caseId))
        .execute();
      expect(audits.filter((a) => a.action === 'case.step')).toHaveLength(12);
      await expect(
        sql`DELETE FROM case_steps WHERE case_id = ${caseId}`.execute(platform.services.database.db),
      ).rejects.toThrow(/append-only/);
    });

    it('answers another county with 404 and lists nothing of it', async () => {
      await call(w.leaderB, 'GET', `/api/v1/cases/${caseId}`, undefined, 404);
      await step(w.leaderB, 'decide', {}, 404);
      expect(await call(w.leaderB, 'GET', `/api/v1/cases/by-clue/${clueId}`)).toEqual({ caseId: null });
      const page = await call<{ items: { id: number }[] }>(w.leaderB, 'GET', '/api/v1/cases?limit=200');
      expect(page.items.map((c) => c.id)).not.toContain(caseId);
      const own = await call<{ items: { id: number }[] }>(w.leader, 'GET', '/api/v1/cases?state=decided');
      expect(own.items.map((c) => c.id)).toContain(caseId);
    });

    it('audits every look at its page, and no look another county could not take', async () => {
      const looks = async () =>
        (
          await platform.services.database.db
            .selectFrom('audit_log')
            .select('user_id')
            .where('action', '=', 'case.read')
            .where('object_id', '=', String(caseId))
            .execute()
        ).map((e) => e.user_id);
      const before = await looks();
      await detail(w.leader);
      await detail(w.leader);
      await call(w.leaderB, 'GET', `/api/v1/cases/${caseId}`, undefined, 404);
      expect(await looks()).toEqual([...before, w.leader.user.id, w.leader.user.id]);
    });

    it('shuts a recused person out as if the case did not exist, and audits the attempt', async () => {
      await call(w.colleague, 'POST', `/api/v1/cases/${caseId}/recusal`, { reason: '与王某系亲属' }, 204);
      await call(w.colleague, 'GET', `/api/v1/cases/${caseId}`, undefined, 404);
      const denied = await platform.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'outcome'])
        .where('user_id', '=', w.colleague.user.id)
        .where('action', '=', 'case.open')
        .execute();
      expect(denied).toEqual([{ action: 'case.open', outcome: 'denied' }]);
      const seen = await detail(w.leader);
      expect(seen.timeline.at(-1)?.action).toBe('declare_recusal');
    });
  });
}
