import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export class RolePermissionsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findAll(): Promise<{ role: string; permission: string }[]> {
    return this.db.selectFrom('role_permissions').select(['role', 'permission']).execute();
  }

  async replaceForRole(role: string, permissions: readonly string[]): Promise<void> {
    await this.db.deleteFrom('role_permissions').where('role', '=', role).execute();
    if (permissions.length === 0) return;
    await this.db
      .insertInto('role_permissions')
      .values(permissions.map((permission) => ({ role, permission })))
      .execute();
  }

  async countAll(): Promise<number> {
    const row = await this.db
      .selectFrom('role_permissions')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
