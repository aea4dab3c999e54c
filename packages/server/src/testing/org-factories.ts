import { randomBytes, randomInt } from 'node:crypto';
import type { Role } from '@qingfeng/core';
import type { AppServices } from '../app/app-services.js';
import type { Organisation, User } from '../db/schema.js';
import { buildOrganisation, buildSession, buildUser, type TestSession } from './factories.js';

const usedCities = new Set<string>();

/** A city division prefix (4 digits) no other test in this process has used. */
function freshCityPrefix(): string {
  for (;;) {
    const prefix = `${randomInt(11, 66)}${String(randomInt(1, 100)).padStart(2, '0')}`;
    if (!usedCities.has(prefix)) {
      usedCities.add(prefix);
      return prefix;
    }
  }
}

/** A signed-in user of a role in an organisation. */
export interface TestActor {
  user: User;
  session: TestSession;
}

export async function buildActor(services: AppServices, role: Role, org: Organisation): Promise<TestActor> {
  const user = await buildUser(services.database.db, { role, orgId: org.id });
  return { user, session: await buildSession(services, user) };
}

/**
 * A city commission with two sibling county commissions under it, each in a division of
 * its own that no other test uses, and a system administrator in each county and the city.
 */
export async function buildJurisdictions(services: AppServices) {
  const db = services.database.db;
  const prefix = freshCityPrefix();
  const tag = randomBytes(3).toString('hex');
  const city = await buildOrganisation(db, {
    code: `C${prefix}${tag}`,
    name: '测试市纪委监委',
    commission_level: 'city',
    division_code: `${prefix}00000000`,
  });
  const county = (n: string) =>
    buildOrganisation(db, {
      code: `C${prefix}${n}${tag}`,
      name: `测试县${n}纪委监委`,
      commission_level: 'county',
      parent_id: city.id,
      division_code: `${prefix}${n}000000`,
    });
  const countyA = await county('01');
  const countyB = await county('02');
  return {
    prefix,
    city,
    countyA,
    countyB,
    cityAdmin: await buildActor(services, 'sys_admin', city),
    adminA: await buildActor(services, 'sys_admin', countyA),
    adminB: await buildActor(services, 'sys_admin', countyB),
  };
}

/** A multipart/form-data body carrying one file, for `app.inject`. */
export function multipartFile(fileName: string, content: Uint8Array | string, field = 'file') {
  const boundary = `----qingfeng${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
        'Content-Type: text/csv\r\n\r\n',
    ),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
