import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Role } from '@qingfeng/core';
import type { Organisation, User } from '../db/schema.js';
import { buildOrganisation, buildSession, buildUser, type TestSession } from './factories.js';
import type { TestPlatform } from './test-platform.js';
import type { AuditActor } from '../modules/audit/audit.service.js';
import { batchDivisionFor } from '../modules/datasets/batches/batch-scope.js';
import { importDatasetFile } from '../modules/datasets/import/import.service.js';
import { makeIdNumber, withBadCheckDigit } from './test-data.js';

/*
 * The known fixture of the quality and browser tests: a city commission (杭州, 3301) with
 * two counties (330106 A, 330108 B); the city's data administrator imports seven benefit
 * payments, five good and two rejected, one of them for county B.
 */

export const PERSON_A = makeIdNumber('19500101', 1);
export const PERSON_B = makeIdNumber('19600202', 2);
export const PERSON_C = makeIdNumber('19700303', 3);
export const PERSON_D = makeIdNumber('19800404', 4);
export const PERSON_E = makeIdNumber('19900505', 5);

/** Rows 2–8 of the file (row 1 is the header). Row 7 has a bad check digit, row 8 a bad amount. */
export const PAYMENTS_CSV = [
  'payment_id,program,id,name,division,amount,paid_on,period',
  `P1,dibao,${PERSON_A},张三,330106001001,100.00,2024-01-15,2024-01`,
  `P2,dibao,${PERSON_B},李四,330106001002,200.00,2024-02-15,2024-02`,
  `P2,tekun,${PERSON_C},王五,330108001001,300.00,2024-03-15,2024-03`,
  `P4,dibao,${PERSON_A},张三,330106001001,100.00,2024-01-20,2024-01`,
  `,dibao,${PERSON_D},赵六,330106001003,1000.00,2024-04-15,`,
  `P6,dibao,${withBadCheckDigit(PERSON_A)},钱七,330106001001,50,2024-05-15,2024-05`,
  `P7,dibao,${PERSON_E},孙八,330106001001,abc,2024-05-15,2024-05`,
].join('\n');

/** A user with a session, as the API sees them. */
export interface FixtureUser {
  user: User;
  session: TestSession;
}

export interface QualityFixture {
  city: Organisation;
  countyA: Organisation;
  countyB: Organisation;
  cityAdmin: FixtureUser;
  cityAnalyst: FixtureUser;
  countyAAdmin: FixtureUser;
  countyBLeader: FixtureUser;
  batchId: number;
}

function actorOf(user: User): AuditActor {
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

/** Builds the organisations and users and imports the payments as the city's data administrator. */
export async function buildQualityFixture(platform: TestPlatform): Promise<QualityFixture> {
  const { services } = platform;
  const db = services.database.db;
  const city = await buildOrganisation(db, { commission_level: 'city', division_code: '330100000000' });
  const countyA = await buildOrganisation(db, { parent_id: city.id, division_code: '330106000000' });
  const countyB = await buildOrganisation(db, { parent_id: city.id, division_code: '330108000000' });
  const make = async (role: Role, org: Organisation): Promise<FixtureUser> => {
    const user = await buildUser(db, { role, orgId: org.id });
    return { user, session: await buildSession(services, user) };
  };
  const cityAdmin = await make('data_admin', city);
  const file = path.join(platform.dataDir, 'payments.csv');
  await writeFile(file, PAYMENTS_CSV);
  const actor = actorOf(cityAdmin.user);
  const outcome = await importDatasetFile(services, actor, {
    datasetType: 'benefit_payment',
    file,
    fileName: '2024年低保发放.csv',
    departmentCode: 'FIN01',
  });
  // Stands in for the hook in import.service.ts until the lead adds it (see batchDivisionFor).
  await db
    .updateTable('import_batches')
    .set({ division_code: await batchDivisionFor(db, actor) })
    .where('id', '=', outcome.batch.id)
    .execute();
  return {
    city,
    countyA,
    countyB,
    cityAdmin,
    cityAnalyst: await make('model_analyst', city),
    countyAAdmin: await make('data_admin', countyA),
    countyBLeader: await make('leader', countyB),
    batchId: outcome.batch.id,
  };
}
