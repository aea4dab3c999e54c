import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCaseWorld,
  callApi,
  type CaseWorld,
  walkCaseToInvestigation,
  walkClueToCase,
} from '../../testing/case-fixtures.js';
import { multipartCsv } from '../../testing/catalogue-fixtures.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

interface Evidence {
  id: number;
  hash: string;
  hashName: string;
  supersedes: number | null;
  supersededBy: number | null;
}
interface Ledger {
  items: { itemId: string; locations: { place: string; where: string; quantity: number }[] }[];
  balance: { balanced: boolean; registered: { fen: number }; totals: { fen: Record<string, number> } };
}

const CONTENT = '日期,金额\n2026-01-05,1200\n';

for (const engine of testEngines()) {
  describe(`case evidence and property (${engine})`, () => {
    let platform: TestPlatform;
    let w: CaseWorld;
    let caseId: number;
    let inv: TestActor;
    const db = () => platform.services.database.db;

    async function upload(who: TestActor, fields: Record<string, string>, status: number, content = CONTENT) {
      const body = multipartCsv('流水.csv', content, fields);
      const response = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/evidence`,
        payload: body.payload,
        headers: { ...who.session.headers, ...body.headers },
      });
      expect(response.statusCode, response.body).toBe(status);
      return response.json<{ evidence: Evidence[]; code?: string }>();
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      w = await buildCaseWorld(platform);
      ({ caseId } = await walkClueToCase(platform, w));
      await walkCaseToInvestigation(platform, w, caseId);
      inv = w.investigators[0];
    });
    afterAll(async () => platform?.close());

    it('hashes evidence on the server, queues it for the log, and never replaces it', async () => {
      const added = await upload(inv, { title: '银行流水' }, 201);
      const first = added.evidence[0]!;
      expect(first).toMatchObject({ hashName: 'sha256', hash: createHash('sha256').update(CONTENT).digest('hex') });
      const queued = await db()
        .selectFrom('transparency_queue')
        .select('kind')
        .where('kind', '=', 'evidence')
        .where('source_id', '=', String(first.id))
        .execute();
      expect(queued).toHaveLength(1);

      // The same bytes again are refused by the core; so is anyone but an investigator.
      expect((await upload(inv, { title: '银行流水（重复）' }, 422)).code).toBe('invalid_payload');
      expect((await upload(w.registrar, { title: '其他' }, 422, 'x')).code).toBe('not_an_investigator');
      await upload(w.investigatorB, { title: '其他' }, 404, 'y');

      // A correction supersedes: both stay, each with its own hash.
      const corrected = await callApi<{ evidence: Evidence[] }>(
        platform,
        inv,
        'POST',
        `/api/v1/cases/${caseId}/evidence/record`,
        { title: '银行流水说明', text: '更正后的流水说明', supersedes: first.id },
        201,
      );
      expect(corrected.evidence.map((e) => [e.supersedes, e.supersededBy])).toEqual([
        [null, corrected.evidence[1]!.id],
        [first.id, null],
      ]);
      await expect(
        sql`UPDATE case_evidence SET hash = ${'0'.repeat(64)} WHERE id = ${first.id}`.execute(db()),
      ).rejects.toThrow(/append-only/);

      const download = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${caseId}/evidence/${first.id}`,
        headers: w.trial[0].session.headers,
      });
      expect(download.statusCode).toBe(200);
      expect(download.body).toBe(CONTENT);
      const other = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${caseId}/evidence/${first.id}`,
        headers: w.leaderB.session.headers,
      });
      expect(other.statusCode).toBe(404);
      const audits = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'case.evidence.download')
        .where('object_id', '=', String(caseId))
        .execute();
      expect(audits).toHaveLength(1);
    });

    it('keeps a property ledger that balances and shows where each item is', async () => {
      const url = `/api/v1/cases/${caseId}/property`;
      const post = (payload: object, status = 201) =>
        callApi<Ledger & { code?: string }>(platform, inv, 'POST', url, payload, status);
      const storeroom = { place: 'custody', where: '县纪委暂扣款专户' };
      await post({
        type: 'register',
        kind: 'cash',
        description: '退缴违纪款',
        unit: 'fen',
        quantity: 100_000,
        to: storeroom,
      });
      const tooMuch = await post(
        {
          type: 'move',
          itemId: 'P1',
          quantity: 200_000,
          from: storeroom,
          to: { place: 'returned', where: '' },
          authority: '退还决定',
        },
        422,
      );
      expect(tooMuch.code).toBe('ledger_refused');
      await post(
        { type: 'move', itemId: 'P1', quantity: 100_000, from: storeroom, to: { place: 'confiscated', where: '' } },
        422,
      );
      const moved = await post({
        type: 'move',
        itemId: 'P1',
        quantity: 40_000,
        from: storeroom,
        to: { place: 'confiscated', where: '' },
        authority: '县纪委〔2026〕1号处理决定',
      });
      expect(moved.balance).toMatchObject({ balanced: true, registered: { fen: 100_000 } });
      expect(moved.balance.totals.fen).toMatchObject({ custody: 60_000, confiscated: 40_000 });
      expect(moved.items[0]!.locations).toEqual([
        { place: 'custody', placeLabel: expect.anything(), where: '县纪委暂扣款专户', quantity: 60_000 },
        { place: 'confiscated', placeLabel: expect.anything(), where: '', quantity: 40_000 },
      ]);
      await callApi(platform, w.leaderB, 'GET', url, undefined, 404);
      await callApi(
        platform,
        w.trial[0],
        'POST',
        url,
        { type: 'register', kind: 'cash', description: 'x', unit: 'fen', quantity: 1, to: storeroom },
        403,
      );
      await expect(sql`DELETE FROM case_property_entries WHERE case_id = ${caseId}`.execute(db())).rejects.toThrow(
        /append-only/,
      );
    });
  });
}
