import type { Kysely } from 'kysely';

/**
 * A case's subjects carry a unit's credit code as a clue's do: a unit added to a case, or
 * copied from its clue, is then refused a second time by its code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_subjects').addColumn('credit_code', 'varchar(40)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_subjects').dropColumn('credit_code').execute();
}
