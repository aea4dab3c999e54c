import type { Organisation } from '../db/schema.js';
import { buildOrganisation } from './factories.js';
import { type TestActor, buildActor, buildJurisdictions } from './org-factories.js';
import type { TestPlatform } from './test-platform.js';

/** Two counties, each with a department (a unit) and a data administrator. */
export interface KeyWorld {
  unitA: Organisation;
  unitB: Organisation;
  countyA: Organisation;
  adminA: TestActor;
  adminB: TestActor;
}

/** Builds a KeyWorld in divisions no other test uses. */
export async function buildKeyWorld(platform: TestPlatform): Promise<KeyWorld> {
  const { services } = platform;
  const db = services.database.db;
  const { countyA, countyB } = await buildJurisdictions(services);
  const unit = (county: Organisation, name: string) =>
    buildOrganisation(db, {
      name,
      kind: 'unit',
      unit_type: 'department',
      commission_level: null,
      parent_id: county.id,
      division_code: county.division_code,
    });
  return {
    unitA: await unit(countyA, '甲县民政局'),
    unitB: await unit(countyB, '乙县民政局'),
    countyA,
    adminA: await buildActor(services, 'data_admin', countyA),
    adminB: await buildActor(services, 'data_admin', countyB),
  };
}

/** Issues a key over the API as the given administrator; returns the answer's body. */
export async function issueKey(
  platform: TestPlatform,
  admin: TestActor,
  body: Record<string, unknown>,
): Promise<{ key: { id: number; status: string; departmentCode: string }; secret: string }> {
  const response = await platform.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: admin.session.headers,
    payload: { name: '数据推送', ...body },
  });
  if (response.statusCode !== 201) throw new Error(`issue key: ${response.statusCode} ${response.body}`);
  return response.json();
}
