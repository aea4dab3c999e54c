import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { ALICE, buildCounties, runAndWait } from '../../testing/warnings-fixture.js';
import { systemActor } from '../audit/audit.service.js';
import { importDatasetFile } from '../datasets/import/import.service.js';
import type { WarningNotice } from './warning-feed.js';

const PAYMENT_HEADER = 'payment_id,program,id,name,division,amount,paid_on,period';
const payment = (month: string, amount = '500.00') =>
  `P-${month},dibao,${ALICE},张爱丽,330106001001,${amount},${month}-15,${month}`;
/** Alice died in January and was paid dibao for March, April and May. */
const THREE_MONTHS = [PAYMENT_HEADER, payment('2024-03'), payment('2024-04'), payment('2024-05', '520.00')].join('\n');
const DEATH = ['id,name,death_date,division', `${ALICE},张爱丽,2024-01-10,330106001001`].join('\n');

type Summary = {
  evidenceCount: number;
  itemCount: number;
  periodFrom: string | null;
  periodTo: string | null;
  amountTotal: number | null;
};
type Detail = {
  id: number;
  status: string;
  explanation: { zh: string; en: string };
  summary: Summary;
  evidence: { dataset: string; role: string }[];
  events: { kind: string; runId: number | null }[];
};

for (const engine of testEngines()) {
  describe(`one warning per problem (${engine})`, () => {
    let platform: TestPlatform;
    let handler: TestActor;
    const notices: WarningNotice[] = [];
    let files = 0;

    async function importCsv(datasetType: string, content: string, force = false) {
      files += 1;
      const file = path.join(platform.dataDir, `grouped-${files}.csv`);
      writeFileSync(file, `${content}\n`);
      const { batch } = await importDatasetFile(platform.services, systemActor('test'), {
        datasetType,
        file,
        fileName: `grouped-${datasetType}.csv`,
        ...(force ? { force: true } : {}),
      });
      await platform.services.modelRuns.idle();
      return batch;
    }

    async function w01(): Promise<Detail[]> {
      const rows = await platform.services.database.db
        .selectFrom('warnings')
        .select('id')
        .where('model_id', '=', 'W01')
        .orderBy('id')
        .execute();
      return Promise.all(
        rows.map(async ({ id }) => {
          const response = await platform.app.inject({
            method: 'GET',
            url: `/api/v1/warnings/${id}`,
            headers: handler.session.headers,
          });
          expect(response.statusCode, response.body).toBe(200);
          return response.json<Detail>();
        }),
      );
    }

    const w01Notices = () => notices.filter((n) => n.modelId === 'W01');

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { config: { autoRunModels: true } });
      const world = await buildCounties(platform);
      handler = await world.actor('supervision', world.city);
      platform.services.warningFeed.subscribe((n) => notices.push(n));
      await importCsv('benefit_payment', THREE_MONTHS);
      await importCsv('death', DEATH);
    });
    afterAll(async () => platform?.close());

    it('a person paid three months after death is one warning with every month, the count, the period and the total', async () => {
      const warnings = await w01();
      expect(warnings).toHaveLength(1);
      const [warning] = warnings as [Detail];
      expect(warning.summary).toEqual({
        evidenceCount: 4,
        itemCount: 3,
        periodFrom: '2024-03',
        periodTo: '2024-05',
        amountTotal: 1520,
      });
      expect(warning.evidence.map((e) => e.role).sort()).toEqual(['death', 'payment', 'payment', 'payment']);
      expect(warning.explanation.zh).toContain('2024-03至2024-05');
      expect(warning.explanation.zh).toContain('3笔，共1520元');
      expect(warning.explanation.en).toContain('3 times for 2024-03 to 2024-05, 1520 yuan in all');
      // The new death record raised one pop-up, not one per month.
      expect(w01Notices()).toHaveLength(1);
    });

    it('another month paid adds to the same warning, judged or not, with a trace entry and no pop-up', async () => {
      const [before] = (await w01()) as [Detail];
      const confirm = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/warnings/${before.id}/status`,
        headers: handler.session.headers,
        payload: { status: 'confirmed' },
      });
      expect(confirm.statusCode, confirm.body).toBe(200);
      await importCsv('benefit_payment', [PAYMENT_HEADER, payment('2024-06')].join('\n'));
      const warnings = await w01();
      expect(warnings).toHaveLength(1);
      const [after] = warnings as [Detail];
      expect(after.id).toBe(before.id);
      expect(after.status).toBe('confirmed');
      expect(after.summary).toEqual({
        evidenceCount: 5,
        itemCount: 4,
        periodFrom: '2024-03',
        periodTo: '2024-06',
        amountTotal: 2020,
      });
      expect(after.explanation.zh).toContain('2024-03至2024-06');
      expect(after.explanation.zh).toContain('4笔，共2020元');
      expect(after.events.map((e) => e.kind)).toEqual(['status', 'evidence_added']);
      expect(w01Notices()).toHaveLength(1);
    });

    it('a forced re-import of the same payments neither duplicates the warning nor counts a month twice', async () => {
      await importCsv('benefit_payment', THREE_MONTHS, true);
      const after = (await w01()) as [Detail];
      expect(after).toHaveLength(1);
      expect(after[0].summary).toMatchObject({ itemCount: 4, amountTotal: 2020, periodTo: '2024-06' });
      // Nothing new: the re-imported rows are items the warning already holds.
      expect(after[0].events.map((e) => e.kind)).toEqual(['status', 'evidence_added']);
      expect(w01Notices()).toHaveLength(1);
    });

    it('a full run finds the same one warning with the same summary', async () => {
      const run = await runAndWait(platform, { kind: 'full', modelIds: ['W01'] });
      expect(run.status).toBe('succeeded');
      const after = (await w01()) as [Detail];
      expect(after).toHaveLength(1);
      expect(after[0].summary).toEqual({
        evidenceCount: 5,
        itemCount: 4,
        periodFrom: '2024-03',
        periodTo: '2024-06',
        amountTotal: 2020,
      });
      expect(after[0].status).toBe('confirmed');
      expect(w01Notices()).toHaveLength(1);
    });
  });
}
