import type { Insertable, Kysely } from 'kysely';
import type { ApiKeyRow, ApiKeyTable, DB } from '../../db/schema.js';

/** A key with the department it belongs to. */
export type ApiKeyWithDepartment = ApiKeyRow & {
  org_code: string;
  org_name: string;
  org_kind: string;
  org_division_code: string;
};

/** Filters of the key list. */
export interface ApiKeyFilter {
  departmentId?: number;
  includeRevoked?: boolean;
}

/**
 * All SQL of API keys. Reads that serve an administrator take the jurisdiction prefix and
 * filter by the department's division here; `findForAuthentication` alone is unscoped,
 * since a department's key is checked before anyone's jurisdiction is known.
 */
export class ApiKeysRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private joined() {
    return this.db
      .selectFrom('api_keys')
      .innerJoin('organisations', 'organisations.id', 'api_keys.org_id')
      .selectAll('api_keys')
      .select([
        'organisations.code as org_code',
        'organisations.name as org_name',
        'organisations.kind as org_kind',
        'organisations.division_code as org_division_code',
      ]);
  }

  async insertKey(values: Insertable<ApiKeyTable>): Promise<ApiKeyRow> {
    return this.db.insertInto('api_keys').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async findForAuthentication(id: number): Promise<ApiKeyWithDepartment | undefined> {
    return this.joined().where('api_keys.id', '=', id).executeTakeFirst();
  }

  async findById(prefix: string, id: number): Promise<ApiKeyWithDepartment | undefined> {
    return this.joined()
      .where('api_keys.id', '=', id)
      .where('organisations.division_code', 'like', `${prefix}%`)
      .executeTakeFirst();
  }

  async findAll(prefix: string, filter: ApiKeyFilter): Promise<ApiKeyWithDepartment[]> {
    let query = this.joined().where('organisations.division_code', 'like', `${prefix}%`);
    if (filter.departmentId !== undefined) query = query.where('api_keys.org_id', '=', filter.departmentId);
    if (filter.includeRevoked !== true) query = query.where('api_keys.revoked_at', 'is', null);
    return query.orderBy('api_keys.id', 'desc').execute();
  }

  async revokeKey(id: number, values: { at: Date; by: number | null; reason: string }): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ revoked_at: values.at, revoked_by: values.by, revoke_reason: values.reason })
      .where('id', '=', id)
      .execute();
  }

  async touchLastUsed(id: number, at: Date): Promise<void> {
    await this.db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
