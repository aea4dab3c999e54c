import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // RFC 6238 §5.2: a verifier must not accept the same one-time code twice. The last time
  // step that signed a user in is kept so a code read over someone's shoulder, or replayed
  // from a captured request, is refused for the rest of its window.
  await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
