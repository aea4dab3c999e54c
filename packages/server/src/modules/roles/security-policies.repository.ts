import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** All SQL of the security policies: one JSON value per key. */
export class SecurityPoliciesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findValue(key: string): Promise<unknown> {
    const row = await this.db.selectFrom('security_policies').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async upsertValue(key: string, value: unknown, updatedBy: number | null): Promise<void> {
    // Stored as JSON text: the pg driver would turn a JS array into a PostgreSQL array.
    const json = JSON.stringify(value);
    await this.db
      .insertInto('security_policies')
      .values({ key, value: json, updated_by: updatedBy })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_by: updatedBy, updated_at: new Date() }))
      .execute();
  }
}
