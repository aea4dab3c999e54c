import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // A person's page and a search by person ask for the warnings naming one subject key, as
  // their subject or as another party (`subject_keys ?| …`): without these, each asks by
  // reading every warning. PostgreSQL combines the two (a bitmap OR).
  await db.schema.createIndex('warnings_subject_key_idx').on('warnings').column('subject_key').execute();
  await sql`CREATE INDEX warnings_subject_keys_idx ON warnings USING gin (subject_keys)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('warnings_subject_keys_idx').execute();
  await db.schema.dropIndex('warnings_subject_key_idx').execute();
}
