import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // A unit named by a clue is matched to other clues by its credit code (normalised, GB 32100)
  // or, failing that, by its name folded for comparison (half width, lower case, no spaces).
  await db.schema
    .alterTable('clue_subjects')
    .addColumn('credit_code', 'varchar(40)')
    .addColumn('name_key', 'text')
    .execute();
  await sql`CREATE INDEX clue_subjects_credit_code_idx ON clue_subjects (credit_code) WHERE credit_code IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX clue_subjects_unit_name_idx ON clue_subjects (name_key) WHERE kind = 'unit'`.execute(db);

  // A member of staff may carry their identity number (sealed, with a blind index), so that
  // kinship data can show them to be a relative of a clue's subject and recuse them.
  await db.schema.alterTable('users').addColumn('id_number_enc', 'text').addColumn('id_number_hash', 'text').execute();
  await sql`CREATE UNIQUE INDEX users_id_number_hash_idx ON users (id_number_hash) WHERE id_number_hash IS NOT NULL`.execute(
    db,
  );

  // Who may not open a clue: the core's record says so (recusedIds); this copy lets every list
  // leave those clues out with an index probe instead of reading each record.
  await db.schema
    .createTable('clue_recusals')
    .addColumn('clue_id', 'integer', (c) => c.notNull().references('clues.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('clue_recusals_pk', ['clue_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('clue_recusals').execute();
  await db.schema.dropIndex('users_id_number_hash_idx').execute();
  await db.schema.alterTable('users').dropColumn('id_number_hash').dropColumn('id_number_enc').execute();
  await db.schema.dropIndex('clue_subjects_unit_name_idx').execute();
  await db.schema.dropIndex('clue_subjects_credit_code_idx').execute();
  await db.schema.alterTable('clue_subjects').dropColumn('name_key').dropColumn('credit_code').execute();
}
