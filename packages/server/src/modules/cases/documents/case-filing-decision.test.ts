import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCaseWorld,
  type CaseWorld,
  walkCaseToInvestigation,
  walkClueToCase,
} from '../../../testing/case-fixtures.js';
import type { TestActor } from '../../../testing/org-factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';

/*
 * The case filing decision as DOCX: once the filing is approved, its text holds the case
 * in Chinese words (no code, no whole identity number); refused before, and outside the
 * jurisdiction; every download audited.
 */

for (const engine of testEngines()) {
  describe(`the case filing decision (${engine})`, () => {
    let platform: TestPlatform;
    let w: CaseWorld;
    let caseId: number;
    const download = (who: TestActor) =>
      platform.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${caseId}/documents/filing-decision`,
        headers: who.session.headers,
      });

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      w = await buildCaseWorld(platform);
      ({ caseId } = await walkClueToCase(platform, w));
    });
    afterAll(async () => platform?.close());

    it('is refused before the filing is approved, and to another county', async () => {
      const early = await download(w.leader);
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({ code: 'form_not_ready' });
      expect((await download(w.leaderB)).statusCode).toBe(404);
    });

    it('writes the decision in Chinese from the record once filed, masked, watermarked and audited', async () => {
      await walkCaseToInvestigation(platform, w, caseId);
      const response = await download(w.leader);
      expect(response.statusCode, response.body).toBe(200);
      const zip = await JSZip.loadAsync(response.rawPayload);
      const words = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      const text = words((await zip.file('word/document.xml')?.async('string')) ?? '');
      const header = words((await zip.file('word/header1.xml')?.async('string')) ?? '');
      for (const expected of [
        '立案决定书',
        '编号：测试县01纪案〔',
        '王某，村委会主任，公民身份号码330***********0015',
        '测试县01纪线〔',
        '涉嫌侵害群众利益、挪用民生资金问题',
        `经${w.leader.user.display_name}批准，决定对王某立案审查调查`,
        w.investigators[0].user.display_name,
      ]) {
        expect(text, expected).toContain(expected);
      }
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      for (const code of ['330106194001010015', 'livelihood_funds', 'filed', w.divisionA])
        expect(text).not.toContain(code);
      expect(header).toContain(w.leader.user.username);
      const audits = await platform.services.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'case.document')
        .where('object_id', '=', String(caseId))
        .execute();
      expect(audits).toHaveLength(1);
    });
  });
}
