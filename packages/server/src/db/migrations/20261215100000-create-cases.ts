import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

/** A trigger refusing every update and delete of `table`: its rows are a record that only grows. */
async function appendOnly(db: Kysely<any>, table: string): Promise<void> {
  await sql`
    CREATE FUNCTION ${sql.raw(`${table}_append_only`)}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '${sql.raw(table)} is append-only';
    END $$`.execute(db);
  await sql`CREATE TRIGGER ${sql.raw(`${table}_no_change`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
    FOR EACH ROW EXECUTE FUNCTION ${sql.raw(`${table}_append_only`)}()`.execute(db);
}

async function dropAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  await sql`DROP TRIGGER ${sql.raw(`${table}_no_change`)} ON ${sql.table(table)}`.execute(db);
  await sql`DROP FUNCTION ${sql.raw(`${table}_append_only`)}()`.execute(db);
}

/** The log's queue function as the transparency migration wrote it, plus (when `withEvidence`) case evidence. */
async function enqueueFunction(db: Kysely<any>, withEvidence: boolean): Promise<void> {
  const evidence = withEvidence
    ? sql`elsif tg_table_name = 'case_evidence' then
        insert into transparency_queue (kind, source_id) values ('evidence', new.id::text);`
    : sql``;
  await sql`
    create or replace function transparency_enqueue() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'audit_log' then
        insert into transparency_queue (kind, source_id) values ('audit', new.id::text);
      elsif tg_table_name = 'model_versions' then
        insert into transparency_queue (kind, source_id) values ('model-version', new.model_id || '/' || new.version);
      ${evidence}
      elsif new.status = 'loaded' and (tg_op = 'INSERT' or old.status is distinct from 'loaded') then
        insert into transparency_queue (kind, source_id) values ('import-batch', new.id::text);
      end if;
      return null;
    end;
    $$`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // The commission that holds the case: its case numbers are counted per year.
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    // Where the matter lies: the jurisdiction every read and write is checked against.
    .addColumn('division_code', 'varchar(12)', (c) => c.notNull())
    // The clue whose verification led here; a case is proposed from a clue at most once.
    .addColumn('clue_id', 'integer', (c) => c.references('clues.id').unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('problem_type', 'varchar(40)', (c) => c.notNull().references('clue_problem_types.code'))
    .addColumn('state', 'varchar(40)', (c) => c.notNull())
    // Given when the filing is approved (立案), like a clue's registration number.
    .addColumn('case_year', 'integer')
    .addColumn('case_seq', 'integer')
    .addColumn('case_number', 'text')
    // The core's record as it stands after the last step (CaseRecord): what the next step reads.
    .addColumn('record', 'jsonb', (c) => c.notNull())
    // The running deadline, copied out of the record so the overdue list is an index range.
    .addColumn('deadline_step', 'varchar(40)')
    .addColumn('deadline_due', 'date')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('cases_number_seq_unique', ['org_id', 'case_year', 'case_seq'])
    .addUniqueConstraint('cases_number_unique', ['org_id', 'case_number'])
    .execute();
  await sql`CREATE INDEX cases_division_idx ON cases (division_code text_pattern_ops, id)`.execute(db);
  await db.schema.createIndex('cases_state_idx').on('cases').columns(['state', 'id']).execute();
  await sql`CREATE INDEX cases_deadline_idx ON cases (deadline_due, id) WHERE deadline_due IS NOT NULL`.execute(db);

  await db.schema
    .createTable('case_number_counters')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_number_counters_pk', ['org_id', 'year'])
    .execute();

  await db.schema
    .createTable('case_subjects')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    // Identity numbers sealed by the field cipher; the blind index finds a person's cases.
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_hash', 'text')
    .execute();
  await db.schema.createIndex('case_subjects_case_idx').on('case_subjects').column('case_id').execute();
  await db.schema.createIndex('case_subjects_hash_idx').on('case_subjects').column('id_number_hash').execute();

  await db.schema
    .createTable('case_steps')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
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
  await db.schema.createIndex('case_steps_case_idx').on('case_steps').columns(['case_id', 'id']).execute();
  await appendOnly(db, 'case_steps');

  // Evidence bytes, hashed when they arrive; never replaced (a correction is a new row that supersedes).
  await db.schema
    .createTable('case_evidence')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // A file's name and type, or a written record (kind 'record', text/plain UTF-8).
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('hash_name', 'text', (c) => c.notNull().check(sql`hash_name in ('sha256', 'sm3')`))
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('supersedes_id', 'integer', (c) => c.references('case_evidence.id'))
    .addColumn('added_by', 'integer', (c) => c.references('users.id'))
    .addColumn('added_by_name', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('case_evidence_hash_unique', ['case_id', 'hash'])
    .execute();
  await db.schema.createIndex('case_evidence_case_idx').on('case_evidence').columns(['case_id', 'id']).execute();
  await appendOnly(db, 'case_evidence');
  await enqueueFunction(db, true);
  await sql`
    create trigger case_evidence_to_transparency after insert on case_evidence
    for each row execute function transparency_enqueue()`.execute(db);

  // The money-and-property ledger (涉案财物): each registration and movement, as the core's entry.
  await db.schema
    .createTable('case_property_entries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('item_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('type', 'varchar(10)', (c) => c.notNull())
    .addColumn('entry', 'jsonb', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_property_entries_case_idx')
    .on('case_property_entries')
    .columns(['case_id', 'id'])
    .execute();
  await appendOnly(db, 'case_property_entries');
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropAppendOnly(db, 'case_property_entries');
  await db.schema.dropTable('case_property_entries').execute();
  await sql`DROP TRIGGER case_evidence_to_transparency ON case_evidence`.execute(db);
  await enqueueFunction(db, false);
  await dropAppendOnly(db, 'case_evidence');
  await db.schema.dropTable('case_evidence').execute();
  await dropAppendOnly(db, 'case_steps');
  await db.schema.dropTable('case_steps').execute();
  await db.schema.dropTable('case_subjects').execute();
  await db.schema.dropTable('case_number_counters').execute();
  await db.schema.dropTable('cases').execute();
}
