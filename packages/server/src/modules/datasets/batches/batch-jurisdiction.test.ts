import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDatasetCommands } from '../../../cli/commands/dataset-commands.js';
import { runCommand } from '../../../testing/cli-runner.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import type { TestActor } from '../../../testing/org-factories.js';
import { systemActor } from '../../audit/audit.service.js';
import { ALICE, buildCounties, runAndWait } from '../../../testing/warnings-fixture.js';
import { importDatasetFile } from '../import/import.service.js';

/*
 * Findings 2 and 3 of issue 15: a batch loaded from the command line belonged to nobody,
 * so every county's data administrator could list it, read its rejected rows (raw
 * identity numbers) and roll it back, and the rows of datasets with no division field
 * (collective leases, medical claims, …) were listed to every county.
 */

/** Collective leases have no division field: their rows lie where their batch does. One row is rejected. */
const LEASES_CSV = [
  'lease_id,asset_id,org_code,lessee,lessee_name,annual_rent,benchmark_rent,start_date,end_date',
  `L1,A1,O1,${ALICE},张爱丽,1000.00,10000.00,2023-01-01,2025-12-31`,
  'L2,A2,O1,110101199001011235,李四,1000.00,10000.00,2023-01-01,2025-12-31',
].join('\n');

for (const engine of testEngines()) {
  describe(`batch and row jurisdiction (${engine})`, () => {
    let platform: TestPlatform;
    let adminA: TestActor;
    let adminB: TestActor;
    let codeA: string;
    let divisionA: string;
    let files = 0;

    const get = (actor: TestActor, url: string) =>
      platform.app.inject({ method: 'GET', url, headers: actor.session.headers });
    const leaseFile = () => {
      files += 1;
      const file = path.join(platform.dataDir, `leases-${files}.csv`);
      // Each file differs, so none is refused as a repeat.
      writeFileSync(
        file,
        `${LEASES_CSV}\nL${files}9,A9,O1,${ALICE},张爱丽,${files}.00,10000.00,2023-01-01,2025-12-31\n`,
      );
      return file;
    };
    /** What county B's data administrator can do with a batch: every answer must be 404 or empty. */
    const probeFromB = async (batchId: number) => {
      const list = await get(adminB, '/api/v1/batches?pageSize=200');
      return {
        listed: list.json<{ items: { id: number }[] }>().items.some((b) => b.id === batchId),
        read: (await get(adminB, `/api/v1/batches/${batchId}`)).statusCode,
        rejected: (await get(adminB, `/api/v1/batches/${batchId}/rejected`)).statusCode,
        quality: (await get(adminB, `/api/v1/batches/${batchId}/quality`)).statusCode,
        rollback: (
          await platform.app.inject({
            method: 'POST',
            url: `/api/v1/batches/${batchId}/rollback`,
            headers: adminB.session.headers,
            payload: { reason: '越权回滚' },
          })
        ).statusCode,
        rows: (await get(adminB, '/api/v1/datasets/collective_lease/rows?pageSize=200')).json<{ total: number }>()
          .total,
      };
    };
    const unseen = { listed: false, read: 404, rejected: 404, quality: 404, rollback: 404, rows: 0 };

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const { countyA, countyB, actor } = await buildCounties(platform);
      codeA = countyA.code;
      divisionA = countyA.division_code.trim();
      adminA = await actor('data_admin', countyA);
      adminB = await actor('data_admin', countyB);
    });
    afterAll(async () => platform?.close());

    it('`qingfeng import --org` gives the batch to that organisation: another county sees nothing of it', async () => {
      await runCommand(platform, registerDatasetCommands, [
        'import',
        '--type',
        'collective_lease',
        '--org',
        codeA,
        leaseFile(),
      ]);
      const batch = await platform.services.database.db
        .selectFrom('import_batches')
        .selectAll()
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(batch.division_code.trim()).toBe(divisionA);
      expect(Number(batch.rows_rejected)).toBe(1);
      expect(await probeFromB(batch.id)).toEqual(unseen);
      // County A's administrator has it all: the batch, its report, its rows (no division of their own).
      expect((await get(adminA, `/api/v1/batches/${batch.id}`)).statusCode).toBe(200);
      expect((await get(adminA, `/api/v1/batches/${batch.id}/rejected`)).body).toContain('110101199001011235');
      const rows = await get(adminA, `/api/v1/datasets/collective_lease/rows?batchId=${batch.id}`);
      expect(rows.json<{ total: number }>().total).toBe(2);
    });

    it('the command line refuses to guess the organisation when several commissions exist', async () => {
      await expect(
        runCommand(platform, registerDatasetCommands, ['import', '--type', 'collective_lease', leaseFile()]),
      ).rejects.toThrow(/--org/);
      await expect(
        runCommand(platform, registerDatasetCommands, [
          'import',
          '--type',
          'death',
          '--org',
          'NO-SUCH-ORG',
          leaseFile(),
        ]),
      ).rejects.toThrow(/NO-SUCH-ORG/);
    });

    it('a batch imported with no organisation belongs to the whole country, not to every county', async () => {
      const { batch } = await importDatasetFile(platform.services, systemActor('tool'), {
        datasetType: 'collective_lease',
        file: leaseFile(),
        fileName: 'tool.csv',
      });
      expect(await probeFromB(batch.id)).toEqual(unseen);
      expect((await get(adminA, `/api/v1/batches/${batch.id}`)).statusCode).toBe(404);
      // `qingfeng batch assign` gives it to the county it came from, and to no other.
      await runCommand(platform, registerDatasetCommands, [
        'batch',
        'assign',
        String(batch.id),
        '--org',
        codeA,
        '--reason',
        '补登批次归属',
      ]);
      expect((await get(adminA, `/api/v1/batches/${batch.id}`)).statusCode).toBe(200);
      expect(await probeFromB(batch.id)).toEqual(unseen);
    });

    it('a warning whose driving row has no division lies in its batch’s jurisdiction', async () => {
      const run = await runAndWait(platform, { kind: 'full', modelIds: ['C01'] });
      expect(run.status).toBe('succeeded');
      const warnings = await platform.services.database.db
        .selectFrom('warnings')
        .select(['division_code'])
        .where('model_id', '=', 'C01')
        .execute();
      // Both lease batches are county A's now (the second by assignment): so are their warnings.
      expect(warnings.length).toBeGreaterThanOrEqual(2);
      expect(new Set(warnings.map((w) => w.division_code))).toEqual(new Set([divisionA]));
    });
  });
}
