import type { Role } from '@qingfeng/core';
import { COMMISSION_CODE } from '@qingfeng/demo';
import type { AppServices } from '../app/app-services.js';
import { cliScope } from '../modules/organisations/scope.js';
import { UsersService } from '../modules/users/users.service.js';
import type { InitialLogin } from '../app/first-administrators.js';

/** The demo county commission's staff: one of each role a visitor would want to try. */
const DEMO_STAFF: { username: string; displayName: string; role: Role }[] = [
  { username: 'demo.leader', displayName: '演示·委领导', role: 'leader' },
  { username: 'demo.data', displayName: '演示·数据管理员', role: 'data_admin' },
  { username: 'demo.analyst', displayName: '演示·模型分析员', role: 'model_analyst' },
  { username: 'demo.supervision', displayName: '演示·监督检查室', role: 'supervision' },
];

/**
 * Creates the demo staff in the demo county's commission, each with a temporary password
 * (returned once). Users that already exist are left alone, so a second demo load on the
 * same data folder creates nobody.
 */
export async function createDemoStaff(services: AppServices): Promise<InitialLogin[]> {
  const db = services.database.db;
  const commission = await db
    .selectFrom('organisations')
    .select('id')
    .where('code', '=', COMMISSION_CODE)
    .executeTakeFirst();
  if (!commission) return [];
  const users = new UsersService(services);
  const logins: InitialLogin[] = [];
  for (const staff of DEMO_STAFF) {
    const taken = await db.selectFrom('users').select('id').where('username', '=', staff.username).executeTakeFirst();
    if (taken) continue;
    const { temporaryPassword } = await users.createUser(cliScope('demo'), {
      username: staff.username,
      displayName: staff.displayName,
      orgId: commission.id,
      role: staff.role,
    });
    logins.push({ username: staff.username, role: staff.role, password: temporaryPassword });
  }
  return logins;
}
