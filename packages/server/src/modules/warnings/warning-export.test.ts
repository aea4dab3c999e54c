import { parse } from 'csv-parse/sync';
import { columnLabel } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findAuditEntries } from '../../testing/auth-helpers.js';
import { findRebuildableIdNumbers } from '../../testing/identity-rebuild.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { buildCounties, importCsv, runAndWait } from '../../testing/warnings-fixture.js';

/*
 * Issue 17, "exports a person can follow up": the export carries each warning's subjects
 * and evidence rows, masked and bounded by jurisdiction exactly as the detail view.
 */

// Month-days no other date of the data shares, so the rebuild checker's hits can only be birth dates.
const PAID_A = makeIdNumber('19410923', 61);
const PAID_A2 = makeIdNumber('19390814', 62);
/** Paid in county A, but their death was registered by county B. */
const DIED_IN_B = makeIdNumber('19361127', 63);
const PAID_B = makeIdNumber('19380719', 64);
const PEOPLE = [PAID_A, PAID_A2, DIED_IN_B, PAID_B];

const masked = (id: string) => `${id.slice(0, 3)}***********${id.slice(-4)}`;

const PAYMENTS = [
  'payment_id,program,id,name,division,amount,paid_on,period,account_no,account_name,bank',
  `E1,dibao,${PAID_A},吴一,330106001001,500.00,2024-03-15,2024-03,6222020200110000001,吴一,农商银行`,
  `E2,dibao,${PAID_A2},郑二,330106001001,500.00,2024-03-15,2024-03,6222020200110000002,郑二,农商银行`,
  `E3,dibao,${DIED_IN_B},冯三,330106001002,500.00,2024-03-15,2024-03,6222020200110000003,冯三,农商银行`,
  `E4,dibao,${PAID_B},陈四,330108001001,500.00,2024-03-15,2024-03,6222020200110000004,陈四,农商银行`,
].join('\n');
const DEATHS = [
  'id,name,death_date,division',
  `${PAID_A},吴一,2024-01-10,330106001001`,
  `${PAID_A2},郑二,2024-01-11,330106001001`,
  `${DIED_IN_B},冯三,2024-01-12,330108001001`,
  `${PAID_B},陈四,2024-01-13,330108001001`,
].join('\n');

interface Evidence {
  dataset: string;
  batchId: number;
  rowNo: number;
  role: string;
  values: Record<string, unknown> | null;
  outsideJurisdiction: boolean;
}
interface Subject {
  subjectKey: string;
  kind: string | null;
  primary: boolean;
  identifier: string | null;
  withheld: boolean;
}
interface Exported {
  id: number;
  watermark: string;
  modelId: string;
  divisionCode: string;
  subjectKey: string;
  explanation: { zh: string };
  subjects: Subject[];
  evidence: Evidence[];
}

for (const engine of testEngines()) {
  describe(`warnings export with subjects and evidence (${engine})`, () => {
    let platform: TestPlatform;
    let handlerA: TestActor;
    let handlerB: TestActor;
    let leaderA: TestActor;

    const get = async (actor: TestActor, url: string) => {
      const response = await platform.app.inject({ method: 'GET', url, headers: actor.session.headers });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response;
    };
    const exportJson = async (actor: TestActor, query = '') =>
      (await get(actor, `/api/v1/warnings/export?format=json${query}`)).json<Exported[]>();
    const detail = async (actor: TestActor, id: number) =>
      (await get(actor, `/api/v1/warnings/${id}`)).json<{ evidence: Evidence[] }>();

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildCounties(platform);
      handlerA = await world.actor('supervision', world.countyA);
      handlerB = await world.actor('supervision', world.countyB);
      leaderA = await world.actor('leader', world.countyA);
      // The division register names the villages: exports show place names, not codes.
      await platform.services.database.db
        .insertInto('divisions')
        .values([
          { code: '330106001000', name: '文新街道', level: 'town', parent_code: '330106000000' },
          { code: '330106001001', name: '桂花社区', level: 'village', parent_code: '330106001000' },
        ])
        .execute();
      await importCsv(platform, 'benefit_payment', PAYMENTS);
      await importCsv(platform, 'death', DEATHS);
      const run = await runAndWait(platform, { kind: 'full', modelIds: ['W01'] });
      expect(run).toMatchObject({ status: 'succeeded', new_warnings: 4 });
    });
    afterAll(async () => platform?.close());

    it('nests each warning’s subjects and evidence rows in JSON, shown exactly as the detail view shows them', async () => {
      const warnings = await exportJson(handlerA);
      expect(warnings.map((w) => w.subjects[0]?.identifier).sort()).toEqual(
        [PAID_A, PAID_A2, DIED_IN_B].map(masked).sort(),
      );
      for (const warning of warnings) {
        expect(warning.subjects).toEqual([
          {
            subjectKey: warning.subjectKey,
            kind: 'person',
            primary: true,
            identifier: expect.any(String),
            withheld: false,
          },
        ]);
        expect(warning.evidence.map((e) => [e.dataset, e.role])).toEqual([
          ['benefit_payment', 'payment'],
          ['death', 'death'],
        ]);
        expect(warning.evidence.every((e) => e.batchId > 0 && e.rowNo > 0)).toBe(true);
        expect(warning.evidence).toEqual((await detail(handlerA, warning.id)).evidence);
      }
      const paidA = warnings.find((w) => w.subjects[0]?.identifier === masked(PAID_A));
      expect(paidA?.evidence[0]?.values).toMatchObject({
        id: masked(PAID_A),
        id_birth_date: '****-**-**',
        name: '吴一',
        account_no: '***************0001',
      });
    });

    it('writes one CSV line per evidence row, with the warning’s id and columns repeated, audited as before', async () => {
      const response = await get(handlerA, '/api/v1/warnings/export?format=csv');
      expect(response.headers['content-type']).toContain('text/csv');
      const audited = await findAuditEntries(platform, { action: 'warning.export', userId: handlerA.user.id });
      expect(audited.at(-1)).toMatchObject({ outcome: 'allowed', detail: { format: 'csv' } });
      const records = parse<Record<string, string>>(response.body, { bom: true, columns: true });
      const warnings = await exportJson(handlerA);
      // Every line and every JSON warning names who exported it and when.
      const mark = new RegExp(
        `^内部资料 注意保密 Confidential · ${handlerA.user.username} · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(UTC\\+8\\)$`,
      );
      for (const record of [...records, ...warnings]) expect(record.watermark).toMatch(mark);
      expect(records).toHaveLength(warnings.reduce((n, w) => n + w.evidence.length, 0));
      expect(records).toHaveLength(6);
      for (const warning of warnings) {
        const lines = records.filter((r) => r.id === String(warning.id));
        expect(lines.map((r) => [r.evidence_dataset, r.evidence_role])).toEqual([
          ['benefit_payment', '发放记录'],
          ['death', '死亡记录'],
        ]);
        for (const [i, line] of lines.entries()) {
          const shown = warning.evidence[i] as Evidence;
          expect(line).toMatchObject({
            model_id: 'W01',
            severity: '红色',
            status: '新预警',
            division_code: warning.divisionCode,
            division_name: warning.divisionCode === '330106001001' ? '文新街道桂花社区' : '',
            explanation_zh: warning.explanation.zh,
            subjects: warning.subjects[0]?.identifier,
            evidence_batch_id: String(shown.batchId),
            evidence_row_no: String(shown.rowNo),
            evidence_outside_jurisdiction: shown.outsideJurisdiction ? '是' : '否',
          });
          const values = line.evidence_values === '' ? null : (JSON.parse(line.evidence_values as string) as object);
          // Each value under its field's label, in words: the row's own values, masked as the JSON shows them.
          expect(values === null ? [] : Object.keys(values)).toEqual(
            Object.keys(shown.values ?? {}).map((c) => columnLabel(shown.dataset, c, 'zh')),
          );
          if (shown.dataset === 'benefit_payment') {
            expect(values).toHaveProperty(columnLabel('benefit_payment', 'program', 'zh'), '最低生活保障');
            expect(values).toHaveProperty(columnLabel('benefit_payment', 'id', 'zh'), shown.values?.id);
          }
        }
      }
      const paidA = warnings.find((w) => w.subjects[0]?.identifier === masked(PAID_A));
      expect(paidA?.explanation.zh).toContain('最低生活保障');
      expect(records.find((r) => r.id === String(paidA?.id))?.evidence_values).toContain('文新街道桂花社区');
    });

    it('names each warning’s division, and every division its evidence holds, by its place name', async () => {
      const list = (await get(handlerA, '/api/v1/warnings')).json<{
        items: { id: number; divisionCode: string; divisionName: { zh: string; en: string } | null }[];
      }>();
      const inVillage = list.items.filter((w) => w.divisionCode === '330106001001');
      expect(inVillage.length).toBeGreaterThan(0);
      expect(inVillage.every((w) => w.divisionName?.zh === '文新街道桂花社区')).toBe(true);
      expect(inVillage.every((w) => w.divisionName?.en === 'Guihua Community, Wenxin Subdistrict')).toBe(true);
      // A division the register does not know has no name: the console shows its code.
      expect(list.items.filter((w) => w.divisionCode !== '330106001001').every((w) => w.divisionName === null)).toBe(
        true,
      );
      const shown = (await get(handlerA, `/api/v1/warnings/${inVillage[0]?.id}`)).json<{ places: object }>();
      expect(shown.places).toEqual({
        '330106001001': { zh: '文新街道桂花社区', en: 'Guihua Community, Wenxin Subdistrict' },
      });
    });

    it('writes a CSV in the words of the reader’s language', async () => {
      const body = (await get(handlerA, '/api/v1/warnings/export?format=csv&lang=en')).body;
      const records = parse<Record<string, string>>(body, { bom: true, columns: true });
      expect(records[0]).toMatchObject({ severity: 'Red', status: 'New', evidence_outside_jurisdiction: 'no' });
      const payment = records.find((r) => r.evidence_dataset === 'benefit_payment');
      expect(JSON.parse(payment?.evidence_values ?? '{}')).toHaveProperty(
        columnLabel('benefit_payment', 'program', 'en'),
        'Minimum living guarantee',
      );
      expect(body).not.toMatch(/\bdibao\b/);
    });

    it('exports only the county’s warnings, naming evidence rows of another county with their values withheld', async () => {
      const b = await exportJson(handlerB);
      expect(b.map((w) => w.subjects[0]?.identifier)).toEqual([masked(PAID_B)]);
      const a = await exportJson(handlerA);
      const diedInB = a.find((w) => w.subjects[0]?.identifier === masked(DIED_IN_B));
      expect(diedInB?.evidence.map((e) => [e.dataset, e.outsideJurisdiction, e.values === null])).toEqual([
        ['benefit_payment', false, false],
        ['death', true, true],
      ]);
      for (const format of ['json', 'csv']) {
        const body = (await get(handlerA, `/api/v1/warnings/export?format=${format}`)).body;
        expect(body).not.toContain(masked(PAID_B));
        expect(body).not.toContain('陈四');
        // The county-B death row's values (its division) stay out of county A's export.
        expect(body).not.toContain('330108001001');
      }
    });

    it('exports what the console’s list shows, its date range included', async () => {
      expect(await exportJson(handlerA)).toHaveLength(3);
      expect(await exportJson(handlerA, '&from=2999-01-01')).toEqual([]);
      expect(await exportJson(handlerA, '&to=2000-01-01')).toEqual([]);
    });

    it('withholds a subject whom only another county’s rows show', async () => {
      const db = platform.services.database.db;
      const all = await db.selectFrom('warnings').select(['id', 'subject_key', 'division_code']).execute();
      const inB = all.find((w) => w.division_code?.startsWith('330108'));
      const inA = all.find((w) => w.division_code?.startsWith('330106'));
      await db
        .updateTable('warnings')
        .set({ subject_keys: JSON.stringify([inA?.subject_key, inB?.subject_key]) })
        .where('id', '=', inA?.id as number)
        .execute();
      try {
        const exported = (await exportJson(handlerA)).find((w) => w.id === inA?.id);
        expect(exported?.subjects).toEqual([
          expect.objectContaining({ subjectKey: inA?.subject_key, primary: true, withheld: false }),
          { subjectKey: inB?.subject_key, kind: 'person', primary: false, identifier: null, withheld: true },
        ]);
        expect(JSON.stringify(exported)).not.toContain(masked(PAID_B));
      } finally {
        await db
          .updateTable('warnings')
          .set({ subject_keys: JSON.stringify([inA?.subject_key]) })
          .where('id', '=', inA?.id as number)
          .execute();
      }
    });

    it('gives a masking role no identity number it could rebuild', async () => {
      for (const actor of [handlerA, leaderA, handlerB]) {
        const answers = new Map<string, string>();
        for (const format of ['csv', 'json']) {
          answers.set(`export ${format}`, (await get(actor, `/api/v1/warnings/export?format=${format}`)).body);
        }
        // JSON names the column, a CSV the field's label in words.
        const evidenceShown = [...answers.values()].every((body) =>
          /"?(id_birth_date|出生日期)"?\W+\*{4}-\*\*-\*\*/.test(body),
        );
        expect(evidenceShown).toBe(true);
        for (const [name, body] of answers) for (const id of PEOPLE) expect(body, name).not.toContain(id);
        expect(findRebuildableIdNumbers(answers, PEOPLE)).toEqual([]);
      }
    });

    it('reads evidence a page at a time: as many lake queries for three warnings as for one', async () => {
      // The one with a row outside the county, so both exports make the same kinds of reads.
      const one = (await exportJson(handlerA)).find((w) => w.subjects[0]?.identifier === masked(DIED_IN_B));
      await platform.app.inject({
        method: 'POST',
        url: `/api/v1/warnings/${one?.id}/status`,
        headers: handlerA.session.headers,
        payload: { status: 'under_review' },
      });
      const queries = vi.spyOn(platform.services.lake, 'query');
      try {
        const single = await exportJson(handlerA, '&status=under_review');
        const forOne = queries.mock.calls.length;
        queries.mockClear();
        const all = await exportJson(handlerA);
        expect(single.map((w) => w.evidence.length)).toEqual([2]);
        expect(all.map((w) => w.evidence.length)).toEqual([2, 2, 2]);
        expect(queries.mock.calls.length).toBe(forOne);
      } finally {
        queries.mockRestore();
      }
    });
  });
}
