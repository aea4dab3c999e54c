import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '@qingfeng/core';
import type { ImportBatch, Organisation } from '../db/schema.js';
import { buildOrganisation } from './factories.js';
import { buildActor, type TestActor } from './org-factories.js';
import type { TestPlatform } from './test-platform.js';
import { systemActor } from '../modules/audit/audit.service.js';
import { importDatasetFile } from '../modules/datasets/import/import.service.js';
import { makeIdNumber } from './test-data.js';
import { getRun, startRun, type StartRunInput } from '../modules/models/runs/model-runs.service.js';

/*
 * A small world for run and warning tests: two sibling counties (330106, 330108) under a
 * city, deaths and benefit payments imported through the real import service, so subject
 * keys, encrypted identifiers and import batches are all real.
 */

export const ALICE = makeIdNumber('19400101', 11);
export const BOB = makeIdNumber('19500202', 22);
export const CAROL = makeIdNumber('19450303', 33);
export const DAVE = makeIdNumber('19380404', 44);
export const ERIN = makeIdNumber('19420505', 55);

export const COUNTY_A = '330106';
export const COUNTY_B = '330108';

const PAYMENT_HEADER = 'payment_id,program,id,name,division,amount,paid_on,period';
const DEATH_HEADER = 'id,name,death_date,division';

/** Payments: Alice and Dave paid after death (hits, in county A and B); Carol within grace; Bob and Erin alive so far. */
export const PAYMENTS_CSV = [
  PAYMENT_HEADER,
  `P1,dibao,${ALICE},张爱丽,330106001001,500.00,2024-03-15,2024-03`,
  `P2,dibao,${BOB},李博,330106001001,500.00,2024-03-15,2024-03`,
  `P3,dibao,${CAROL},王卡萝,330106001002,500.00,2024-03-15,2024-03`,
  `P4,dibao,${DAVE},赵大卫,330108001001,500.00,2024-03-15,2024-03`,
  `P5,dibao,${ERIN},钱艾琳,330106002001,500.00,2024-03-15,2024-03`,
].join('\n');

export const DEATHS_CSV = [
  DEATH_HEADER,
  `${ALICE},张爱丽,2024-01-10,330106001001`,
  `${CAROL},王卡萝,2024-02-20,330106001002`,
  `${DAVE},赵大卫,2023-12-01,330108001001`,
].join('\n');

/** A later death register naming Erin: an incremental run finds her payment and nothing else. */
export const MORE_DEATHS_CSV = [DEATH_HEADER, `${ERIN},钱艾琳,2024-01-05,330106002001`].join('\n');

let files = 0;

/** Imports CSV text as one batch of the dataset type. */
export async function importCsv(platform: TestPlatform, datasetType: string, content: string): Promise<ImportBatch> {
  files += 1;
  const file = path.join(platform.dataDir, `fixture-${files}-${datasetType}.csv`);
  writeFileSync(file, `${content}\n`);
  const { batch } = await importDatasetFile(platform.services, systemActor('test'), {
    datasetType,
    file,
    fileName: path.basename(file),
  });
  return batch;
}

/** Starts a run as the command line would and waits for it to finish. */
export async function runAndWait(platform: TestPlatform, input: StartRunInput) {
  const requester = { actor: systemActor('test'), userId: null, username: 'test' };
  const run = await startRun(platform.services, requester, input);
  await platform.services.modelRuns.whenFinished(run.id);
  return getRun(platform.services, run.id);
}

/** The city and its two counties, with a signed-in user of `role` in each county. */
export async function buildCounties(platform: TestPlatform) {
  const db = platform.services.database.db;
  const org = (code: string, level: 'city' | 'county', parent?: Organisation) =>
    buildOrganisation(db, {
      division_code: code.padEnd(12, '0'),
      commission_level: level,
      parent_id: parent?.id ?? null,
    });
  const city = await org('3301', 'city');
  const countyA = await org(COUNTY_A, 'county', city);
  const countyB = await org(COUNTY_B, 'county', city);
  const actor = (role: Role, where: Organisation): Promise<TestActor> => buildActor(platform.services, role, where);
  return { city, countyA, countyB, actor };
}
