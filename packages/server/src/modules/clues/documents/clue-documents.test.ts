import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClueWorld } from '../../../testing/clue-world.js';
import { buildActor, type TestActor } from '../../../testing/org-factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { makeIdNumber } from '../../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';

/*
 * The standard forms of a clue as DOCX: read back from the zip, they hold the record in
 * Chinese words (no codes, no whole identity number), carry the watermark, and are
 * refused outside the jurisdiction, to the recused and before the record holds them.
 */

const ID_NUMBER = makeIdNumber('19400101', 1);
const HASH = 'd'.repeat(64);
/** Codes the record stores that a reader must never see in the document. */
const CODES = ['letters_visits', 'livelihood_funds', 'preliminary_verification', 'file_case', 'verifying', ID_NUMBER];

for (const engine of testEngines()) {
  describe(`clue documents (${engine})`, () => {
    let platform: TestPlatform;
    let world: Awaited<ReturnType<typeof buildClueWorld>>;
    let registrar: TestActor;
    let handler: TestActor;
    let colleague: TestActor;
    let leader: TestActor;
    let leaderB: TestActor;
    let dataAdmin: TestActor;
    let county: string;
    let clueId: number;

    const call = <T>(who: TestActor, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) =>
      world.call<T>(who, method, url, payload, status);
    const step = (who: TestActor, action: string, payload: object = {}) => world.step(who, clueId, action, payload);
    const download = (who: TestActor, form: string, id = clueId) =>
      platform.app.inject({
        method: 'GET',
        url: `/api/v1/clues/${id}/documents/${form}`,
        headers: who.session.headers,
      });
    /** The text of the document's body (runs joined) and of its header, from the DOCX. */
    async function read(body: Buffer) {
      const zip = await JSZip.loadAsync(body);
      const xml = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
      const words = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      return {
        text: words(await xml('word/document.xml')),
        header: words(await xml('word/header1.xml')),
        styles: await xml('word/styles.xml'),
      };
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      world = await buildClueWorld(platform);
      ({ registrar, handler, colleague, leader, leaderB } = world.people);
      county = world.countyA.division_code.slice(0, 6);
      dataAdmin = await buildActor(platform.services, 'data_admin', world.countyA);
      await platform.services.database.db
        .insertInto('divisions')
        .values([
          { code: `${county}001000`, name: '城关镇', level: 'township', parent_code: null },
          { code: `${county}001001`, name: '东风村', level: 'village', parent_code: `${county}001000` },
        ])
        .execute();
      const clue = await call<{ id: number }>(
        handler,
        'POST',
        '/api/v1/clues',
        {
          source: 'letters_visits',
          problemType: 'livelihood_funds',
          title: '东风村低保资金被冒领',
          summary: '群众来信反映村干部冒领低保金',
          divisionCode: `${county}001001`,
          subjects: [{ kind: 'official', name: '王某', position: '村委会主任', idNumber: ID_NUMBER }],
        },
        201,
      );
      clueId = clue.id;
      await step(registrar, 'register');
      await step(handler, 'propose_disposal', {
        disposal: 'preliminary_verification',
        participantIds: [handler.user.id, colleague.user.id],
        reason: '反映具体，可查性强',
      });
      await step(leader, 'approve_disposal', { reason: '同意初核' });
      await step(handler, 'submit_verification_plan', { attachments: [{ name: '初核方案.pdf', hash: HASH }] });
      await step(leader, 'approve_verification_plan');
      await step(handler, 'record_verification_work', { summary: '调取村账册三本，询问村民五人' });
      await step(handler, 'submit_verification_report', {
        recommendation: 'file_case',
        reason: '冒领低保金问题基本属实',
        attachments: [{ name: '初核报告.pdf', hash: HASH }],
      });
      await step(leader, 'approve_verification_report');
    });
    afterAll(async () => platform?.close());

    it('writes the disposal approval form in Chinese from the record, masked and watermarked', async () => {
      const response = await download(leader, 'disposal-approval');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toContain('wordprocessingml.document');
      expect(response.headers['content-disposition']).toContain(encodeURIComponent('线索处置审批表'));
      const { text, header, styles } = await read(response.rawPayload);
      for (const expected of [
        '测试县01纪委监委',
        '线索处置审批表',
        '测试县01纪线〔',
        '信访举报',
        '侵害群众利益、挪用民生资金',
        '城关镇东风村',
        `王某，村委会主任，公民身份号码330***********${ID_NUMBER.slice(-4)}`,
        '拟初步核实',
        '反映具体，可查性强',
        '同意。同意初核',
        `审批人：${leader.user.display_name}`,
        `${handler.user.display_name}、${colleague.user.display_name}`,
      ]) {
        expect(text, expected).toContain(expected);
      }
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      for (const code of CODES) expect(text, code).not.toContain(code);
      expect(text).not.toContain(`${county}001001`);
      expect(header).toContain('内部资料 注意保密');
      expect(header).toContain(leader.user.username);
      expect(styles).toContain('仿宋');
    });

    it('writes the preliminary verification report with the work done, the recommendation and the decision', async () => {
      const response = await download(leader, 'verification-report');
      expect(response.statusCode, response.body).toBe(200);
      const { text } = await read(response.rawPayload);
      for (const expected of [
        '关于东风村低保资金被冒领的初步核实情况报告',
        '一、线索基本情况',
        '群众来信反映村干部冒领低保金',
        '调取村账册三本，询问村民五人',
        '冒领低保金问题基本属实',
        '处理建议：建议立案审查调查',
        '四、审批意见',
        `报告人：${handler.user.display_name}`,
      ]) {
        expect(text, expected).toContain(expected);
      }
      for (const code of CODES) expect(text, code).not.toContain(code);
    });

    it('audits every download', async () => {
      await download(handler, 'verification-report');
      const audits = await platform.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'user_id', 'detail'])
        .where('action', '=', 'clue.document')
        .where('object_id', '=', String(clueId))
        .where('user_id', '=', handler.user.id)
        .execute();
      expect(audits).toHaveLength(1);
      expect(audits[0]?.detail).toMatchObject({ form: 'verification-report' });
    });

    it("refuses another county's leader, the recused, a form the record lacks and readers without clue.read", async () => {
      const foreign = await download(leaderB, 'disposal-approval');
      const unknown = await download(leaderB, 'disposal-approval', 2_147_483_000);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json()).toEqual({ ...unknown.json(), message: `Clue ${clueId} not found` });
      expect((await download(dataAdmin, 'disposal-approval')).statusCode).toBe(403);
      expect((await download(leader, 'case-filing')).statusCode).toBe(400);

      const fresh = await call<{ id: number }>(
        handler,
        'POST',
        '/api/v1/clues',
        { source: 'audit', problemType: 'bribery', title: '新线索', summary: '待办', divisionCode: `${county}001001` },
        201,
      );
      const notYet = await download(leader, 'verification-report', fresh.id);
      expect(notYet.statusCode).toBe(409);
      expect(notYet.json()).toMatchObject({ code: 'form_not_ready' });

      await platform.services.database.db
        .updateTable('clues')
        .set({ record: sql`jsonb_set(record, '{recusedIds}', ${JSON.stringify([String(colleague.user.id)])}::jsonb)` })
        .where('id', '=', clueId)
        .execute();
      const recused = await download(colleague, 'disposal-approval');
      expect(recused.statusCode).toBe(403);
      expect(recused.json()).toMatchObject({ code: 'recused' });
      expect((await download(leader, 'disposal-approval')).statusCode).toBe(200);
    });
  });
}
