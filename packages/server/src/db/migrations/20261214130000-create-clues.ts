import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

/** The problem types a clue is filed under, seeded here; a deployment may add rows. */
const PROBLEM_TYPES: [string, string, string][] = [
  ['eight_point_rules', '违反中央八项规定精神', 'Violating the eight-point rules'],
  ['livelihood_funds', '侵害群众利益、挪用民生资金', "Embezzling people's livelihood funds"],
  ['bribery', '受贿行贿', 'Bribery'],
  ['abuse_of_power', '滥用职权', 'Abuse of power'],
  ['dereliction', '玩忽职守', 'Dereliction of duty'],
  ['formalism_bureaucratism', '形式主义、官僚主义', 'Formalism and bureaucratism'],
  ['other', '其他', 'Other'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clue_problem_types')
    .addColumn('code', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('retired', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db
    .insertInto('clue_problem_types')
    .values(PROBLEM_TYPES.map(([code, name_zh, name_en]) => ({ code, name_zh, name_en })))
    .execute();

  await db.schema
    .createTable('clues')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // The commission that holds the clue: its registration numbers are counted per year.
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    // Where the matter lies: the jurisdiction every read and write is checked against.
    .addColumn('division_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('source', 'varchar(30)', (c) => c.notNull())
    .addColumn('problem_type', 'varchar(40)', (c) => c.notNull().references('clue_problem_types.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('state', 'varchar(40)', (c) => c.notNull())
    .addColumn('registration_year', 'integer')
    .addColumn('registration_seq', 'integer')
    .addColumn('registration_number', 'text')
    // The core's record as it stands after the last step (ClueRecord): what the next step reads.
    .addColumn('record', 'jsonb', (c) => c.notNull())
    // The running deadline, copied out of the record so the overdue list is an index range.
    .addColumn('deadline_step', 'varchar(40)')
    .addColumn('deadline_due', 'date')
    .addColumn('responsible_org_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('responsible_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('clues_registration_seq_unique', ['org_id', 'registration_year', 'registration_seq'])
    .addUniqueConstraint('clues_registration_number_unique', ['org_id', 'registration_number'])
    .execute();
  // The registry pages by id, newest first, inside a division prefix; filters narrow it.
  await sql`CREATE INDEX clues_division_idx ON clues (division_code text_pattern_ops, id)`.execute(db);
  await db.schema.createIndex('clues_state_idx').on('clues').columns(['state', 'id']).execute();
  await db.schema.createIndex('clues_source_idx').on('clues').columns(['source', 'id']).execute();
  await db.schema.createIndex('clues_problem_type_idx').on('clues').columns(['problem_type', 'id']).execute();
  await sql`CREATE INDEX clues_deadline_idx ON clues (deadline_due, id) WHERE deadline_due IS NOT NULL`.execute(db);

  // The running numbers handed out, per commission and year: a row lock serialises them.
  await db.schema
    .createTable('clue_number_counters')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('clue_number_counters_pk', ['org_id', 'year'])
    .execute();

  await db.schema
    .createTable('clue_subjects')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('clue_id', 'integer', (c) => c.notNull().references('clues.id'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    // Identity numbers sealed by the field cipher; the blind index finds a person's clues.
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_hash', 'text')
    .execute();
  await db.schema.createIndex('clue_subjects_clue_idx').on('clue_subjects').column('clue_id').execute();
  await db.schema.createIndex('clue_subjects_hash_idx').on('clue_subjects').column('id_number_hash').execute();

  await db.schema
    .createTable('clue_steps')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('clue_id', 'integer', (c) => c.notNull().references('clues.id'))
    .addColumn('action', 'varchar(40)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(40)', (c) => c.notNull())
    .addColumn('to_state', 'varchar(40)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('attachments', 'jsonb', (c) => c.notNull())
    .addColumn('deadline', 'jsonb')
    .execute();
  await db.schema.createIndex('clue_steps_clue_idx').on('clue_steps').columns(['clue_id', 'id']).execute();
  // The timeline is a record of what happened: it only grows.
  await sql`
    CREATE FUNCTION clue_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'clue_steps is append-only';
    END $$`.execute(db);
  await sql`CREATE TRIGGER clue_steps_no_change BEFORE UPDATE OR DELETE ON clue_steps
    FOR EACH ROW EXECUTE FUNCTION clue_steps_append_only()`.execute(db);

  await db.schema
    .createTable('clue_links')
    .addColumn('clue_id', 'integer', (c) => c.notNull().references('clues.id'))
    .addColumn('other_clue_id', 'integer', (c) => c.notNull().references('clues.id'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('clue_links_pk', ['clue_id', 'other_clue_id'])
    .execute();

  // A warning becomes or joins one clue at most.
  await db.schema
    .createTable('clue_warnings')
    .addColumn('warning_id', 'integer', (c) => c.primaryKey().references('warnings.id'))
    .addColumn('clue_id', 'integer', (c) => c.notNull().references('clues.id'))
    .execute();
  await db.schema.createIndex('clue_warnings_clue_idx').on('clue_warnings').column('clue_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('clue_warnings').execute();
  await db.schema.dropTable('clue_links').execute();
  await sql`DROP TRIGGER clue_steps_no_change ON clue_steps`.execute(db);
  await sql`DROP FUNCTION clue_steps_append_only()`.execute(db);
  await db.schema.dropTable('clue_steps').execute();
  await db.schema.dropTable('clue_subjects').execute();
  await db.schema.dropTable('clue_number_counters').execute();
  await db.schema.dropTable('clues').execute();
  await db.schema.dropTable('clue_problem_types').execute();
}
