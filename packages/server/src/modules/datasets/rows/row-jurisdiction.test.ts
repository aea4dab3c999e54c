import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../../db/schema.js';
import type { TestActor } from '../../../testing/org-factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { buildCounties } from '../../../testing/warnings-fixture.js';
import type { AuditActor } from '../../audit/index.js';
import { importDatasetFile } from '../import/import.service.js';
import type { TRowPage } from './dataset-rows.schemas.js';

/*
 * The row browser, the catalogue's counts, a single row's lineage and the quality report
 * place a row as the model engine does (issue 17): its own division, else that of the
 * record it belongs to (a collective ledger entry → its collective organisation), else its
 * batch's. Ledger entries have no division of their own, and the ledger batches here were
 * imported by county B and by the city, so the older rule (own division, else the batch)
 * gave county B every entry of its batch and county A none.
 */

const ORGS_CSV = ['org_code,name,division', 'OA,甲村经济合作社,330106001001', 'OB,乙村经济合作社,330108001001'];
const LEDGER_HEADER = 'entry_id,org_code,direction,amount,date';
/** Imported by county B: row 2 belongs to county A's organisation, row 3 to B's, row 4 to one nobody registered. */
const LEDGER_OF_B = [
  LEDGER_HEADER,
  'E1,OA,out,10.00,2024-05-01',
  'E2,OB,out,20.00,2024-05-02',
  'E3,OX,in,30.00,2024-05-03',
];
/** Imported by the city: row 2 belongs to county A's organisation, row 3 to an unknown one (the city's, by its batch). */
const LEDGER_OF_CITY = [LEDGER_HEADER, 'E4,OA,in,40.00,2024-06-01', 'E5,OX,out,50.00,2024-06-02'];

const LEDGER = 'collective_ledger';
const ROWS = `/api/v1/datasets/${LEDGER}/rows`;

function actorOf(who: TestActor): AuditActor {
  const { user } = who;
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    orgId: user.org_id,
    ip: null,
    userAgent: null,
    requestId: null,
  };
}

for (const engine of testEngines()) {
  describe(`rows lie where the record they belong to lies (${engine})`, () => {
    let platform: TestPlatform;
    let leaderA: TestActor;
    let leaderB: TestActor;
    let cityAdmin: TestActor;
    let ofB: ImportBatch;
    let ofCity: ImportBatch;
    let files = 0;

    const get = (who: TestActor, url: string) =>
      platform.app.inject({ method: 'GET', url, headers: who.session.headers });
    const entries = async (who: TestActor, query = '') => {
      const response = await get(who, `${ROWS}?pageSize=200${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<TRowPage>();
      return { total: page.total, ids: page.items.map((r) => r.values.entry_id).sort() };
    };
    const counts = async (who: TestActor) => {
      const list = await get(who, '/api/v1/datasets');
      expect(list.statusCode, list.body).toBe(200);
      const items = list.json<{ items: { key: string; rowCount: number }[] }>().items;
      const one = await get(who, `/api/v1/datasets/${LEDGER}`);
      expect(one.statusCode, one.body).toBe(200);
      return {
        listed: items.find((d) => d.key === LEDGER)?.rowCount,
        orgs: items.find((d) => d.key === 'collective_org')?.rowCount,
        single: one.json<{ rowCount: number }>().rowCount,
      };
    };
    const quality = async (who: TestActor) => {
      const response = await get(who, `/api/v1/datasets/${LEDGER}/quality`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ rows: number }>().rows;
    };
    const lineage = async (who: TestActor, batch: ImportBatch, rowNo: number) =>
      (await get(who, `${ROWS}/${batch.id}/${rowNo}/lineage`)).statusCode;
    const importAs = async (who: TestActor, datasetType: string, lines: string[]) => {
      files += 1;
      const file = path.join(platform.dataDir, `rows-${files}-${datasetType}.csv`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const { batch } = await importDatasetFile(platform.services, actorOf(who), {
        datasetType,
        file,
        fileName: path.basename(file),
      });
      expect(batch.status).toBe('loaded');
      return batch;
    };

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const { city, countyA, countyB, actor } = await buildCounties(platform);
      leaderA = await actor('leader', countyA);
      leaderB = await actor('leader', countyB);
      cityAdmin = await actor('data_admin', city);
      const adminB = await actor('data_admin', countyB);
      await importAs(cityAdmin, 'collective_org', ORGS_CSV);
      ofB = await importAs(adminB, LEDGER, LEDGER_OF_B);
      ofCity = await importAs(cityAdmin, LEDGER, LEDGER_OF_CITY);
      expect(ofB.division_code.trim()).toBe('330108000000');
      expect(ofCity.division_code.trim()).toBe('330100000000');
    });
    afterAll(async () => platform?.close());

    it('the row browser shows each county the entries of its organisations, whoever imported them', async () => {
      expect(await entries(leaderA)).toEqual({ total: 2, ids: ['E1', 'E4'] });
      expect(await entries(leaderB)).toEqual({ total: 2, ids: ['E2', 'E3'] });
      // Shown whole (person.read, with a reason), the same rows and no others.
      const reason = `&reveal=true&reason=${encodeURIComponent('核查线索')}`;
      expect(await entries(leaderA, reason)).toEqual({ total: 2, ids: ['E1', 'E4'] });
      expect(await entries(leaderB, reason)).toEqual({ total: 2, ids: ['E2', 'E3'] });
      // A filter narrows within the jurisdiction, never beyond it.
      expect(await entries(leaderB, '&filter[org_code]=OA')).toEqual({ total: 0, ids: [] });
      expect(await entries(leaderA, '&filter[org_code]=OA')).toEqual({ total: 2, ids: ['E1', 'E4'] });
    });

    it('the catalogue counts the same rows', async () => {
      expect(await counts(leaderA)).toEqual({ listed: 2, orgs: 1, single: 2 });
      expect(await counts(leaderB)).toEqual({ listed: 2, orgs: 1, single: 2 });
      expect(await counts(cityAdmin)).toEqual({ listed: 5, orgs: 2, single: 5 });
    });

    it("a single row's lineage is read where the row lies, not where its batch does", async () => {
      expect(await lineage(leaderA, ofB, 2)).toBe(200);
      expect(await lineage(leaderB, ofB, 2)).toBe(404);
      expect(await lineage(leaderB, ofB, 3)).toBe(200);
      expect(await lineage(leaderA, ofB, 3)).toBe(404);
      // An entry of an organisation nobody registered stays with its batch.
      expect(await lineage(leaderB, ofB, 4)).toBe(200);
      expect(await lineage(leaderA, ofB, 4)).toBe(404);
      expect(await lineage(leaderA, ofCity, 2)).toBe(200);
      expect(await lineage(leaderB, ofCity, 2)).toBe(404);
      expect(await lineage(leaderA, ofCity, 3)).toBe(404);
    });

    it('the quality report covers the same rows, and follows the organisations when they change', async () => {
      expect(await quality(leaderA)).toBe(2);
      expect(await quality(leaderB)).toBe(2);
      // OX is registered in county A: its entries move there, though no ledger batch changed.
      await importAs(cityAdmin, 'collective_org', ['org_code,name,division', 'OX,丙村经济合作社,330106002001']);
      expect(await quality(leaderA)).toBe(4);
      expect(await quality(leaderB)).toBe(1);
      expect(await entries(leaderA)).toEqual({ total: 4, ids: ['E1', 'E3', 'E4', 'E5'] });
      expect(await entries(leaderB)).toEqual({ total: 1, ids: ['E2'] });
      expect((await counts(leaderA)).listed).toBe(4);
    });
  });
}
