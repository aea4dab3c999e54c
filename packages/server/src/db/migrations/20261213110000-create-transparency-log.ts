import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

/**
 * The transparency log's store (docs/transparency-log.md): what waits to be logged, the entries
 * in log order, the perfect-subtree hashes proofs are built from, and the signed tree heads.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One row: the log's hash function and origin, fixed when its first entry is sequenced.
  await db.schema
    .createTable('transparency_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('hash_name', 'text', (c) => c.notNull().check(sql`hash_name in ('sha256', 'sm3')`))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // What is waiting for the sequencer. Rows are written by triggers in the transaction that
  // makes the source row, so nothing committed can be missed, and nobody waits on the log.
  await db.schema
    .createTable('transparency_queue')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('transparency_entries')
    .addColumn('idx', 'bigint', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    // The jurisdiction of what the entry records (null: the whole country's), for who may read its bytes.
    .addColumn('division_code', 'text')
    .addColumn('entry', 'bytea', (c) => c.notNull())
    .addColumn('leaf_hash', 'bytea', (c) => c.notNull())
    .addColumn('logged_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('transparency_entries_source_key', ['kind', 'source_id'])
    .execute();

  await db.schema
    .createTable('transparency_subtrees')
    .addColumn('level', 'smallint', (c) => c.notNull())
    .addColumn('idx', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('transparency_subtrees_pkey', ['level', 'idx'])
    .execute();

  await db.schema
    .createTable('transparency_tree_heads')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('root_hash', 'bytea', (c) => c.notNull())
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    // The whole C2SP signed note: checkpoint text, blank line, one line per signature.
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('transparency_tree_heads_size_idx')
    .on('transparency_tree_heads')
    .column('size')
    .execute();

  // Entries, subtrees and tree heads are append-only, like the audit trail.
  await sql`
    create function transparency_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name;
    end;
    $$`.execute(db);
  for (const table of ['transparency_entries', 'transparency_subtrees', 'transparency_tree_heads']) {
    await sql`
      create trigger ${sql.raw(`${table}_no_update_delete`)} before update or delete on ${sql.table(table)}
      for each row execute function transparency_refuse_change()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function transparency_refuse_change()`.execute(db);
  }

  // What goes in: every audit entry, every model version, every batch once it has loaded.
  await sql`
    create function transparency_enqueue() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'audit_log' then
        insert into transparency_queue (kind, source_id) values ('audit', new.id::text);
      elsif tg_table_name = 'model_versions' then
        insert into transparency_queue (kind, source_id) values ('model-version', new.model_id || '/' || new.version);
      elsif new.status = 'loaded' and (tg_op = 'INSERT' or old.status is distinct from 'loaded') then
        insert into transparency_queue (kind, source_id) values ('import-batch', new.id::text);
      end if;
      return null;
    end;
    $$`.execute(db);
  await sql`
    create trigger audit_log_to_transparency after insert on audit_log
    for each row execute function transparency_enqueue()`.execute(db);
  await sql`
    create trigger model_versions_to_transparency after insert on model_versions
    for each row execute function transparency_enqueue()`.execute(db);
  await sql`
    create trigger import_batches_to_transparency after insert or update of status on import_batches
    for each row execute function transparency_enqueue()`.execute(db);

  // What existed before the log: queued in the order it was made, so the log starts complete.
  await sql`
    insert into transparency_queue (kind, source_id)
    select kind, source_id from (
      select 'audit' as kind, id::text as source_id, at as made_at, 1 as part, id as n from audit_log
      union all
      select 'model-version', model_id || '/' || version, changed_at, 2, 0 from model_versions
      union all
      select 'import-batch', id::text, coalesce(finished_at, created_at), 3, id from import_batches where status = 'loaded'
    ) existing
    order by made_at, part, n, source_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists audit_log_to_transparency on audit_log`.execute(db);
  await sql`drop trigger if exists model_versions_to_transparency on model_versions`.execute(db);
  await sql`drop trigger if exists import_batches_to_transparency on import_batches`.execute(db);
  await sql`drop function if exists transparency_enqueue()`.execute(db);
  for (const table of [
    'transparency_tree_heads',
    'transparency_subtrees',
    'transparency_entries',
    'transparency_queue',
    'transparency_log',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop function if exists transparency_refuse_change()`.execute(db);
}
