import { COUNTRY_DIVISION_CODE, type Role } from '@qingfeng/core';
import type { AppServices } from './app-services.js';
import { cliScope } from '../modules/organisations/scope.js';
import { UsersService } from '../modules/users/users.service.js';

export interface InitialLogin {
  username: string;
  role: Role;
  password: string;
}

const FIRST_ADMINISTRATORS: { username: string; displayName: string; role: Role }[] = [
  { username: 'sysadmin', displayName: '系统管理员', role: 'sys_admin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'sec_admin' },
  { username: 'auditor', displayName: '安全审计员', role: 'auditor' },
];

/**
 * On a platform with no users, creates the root commission and the three separated
 * administrators, each with a random password that must be changed at first sign-in.
 * Returns their logins (shown once), or an empty list when users already exist.
 */
export async function ensureFirstAdministrators(services: AppServices): Promise<InitialLogin[]> {
  const db = services.database.db;
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return [];
  return db.transaction().execute(async (trx) => {
    let root = await trx.selectFrom('organisations').select('id').where('parent_id', 'is', null).executeTakeFirst();
    if (!root) {
      root = await trx
        .insertInto('organisations')
        .values({
          code: 'ROOT',
          name: '纪委监委',
          kind: 'commission',
          commission_level: 'province',
          division_code: COUNTRY_DIVISION_CODE,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    }
    // The same path as `qingfeng user add`: temporary password, history, audit entry.
    const users = new UsersService(services);
    const logins: InitialLogin[] = [];
    for (const admin of FIRST_ADMINISTRATORS) {
      const { temporaryPassword } = await users.createUser(
        cliScope('bootstrap'),
        { username: admin.username, displayName: admin.displayName, orgId: root.id, role: admin.role },
        trx,
      );
      logins.push({ username: admin.username, role: admin.role, password: temporaryPassword });
    }
    return logins;
  });
}
