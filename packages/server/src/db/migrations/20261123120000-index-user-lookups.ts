import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Equality lookups of an encrypted phone go through its blind index.
  await db.schema.createIndex('users_phone_hash_idx').on('users').column('phone_hash').execute();
  // The console filters users by role (e.g. "every case handler of this county").
  await db.schema.createIndex('users_role_idx').on('users').column('role').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_role_idx').execute();
  await db.schema.dropIndex('users_phone_hash_idx').execute();
}
