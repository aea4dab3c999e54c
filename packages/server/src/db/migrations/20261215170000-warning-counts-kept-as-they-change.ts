import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

/*
 * The warnings counted by what the list filters and the overview splits them by, kept as
 * they change, so a total or an overview reads a few thousand counts instead of a million
 * warnings (at the scale bench's million: 11,700 count cells, about 10,000 month cells).
 *
 * The counts are an append-only table of changes: every statement that inserts, updates
 * or deletes warnings appends, per cell it touched, how many warnings the cell gained or
 * lost (transition tables, one row per cell, not per warning). A cell's count is the sum
 * of its rows. Appending takes no lock another writer waits for: a run's transaction,
 * seconds long, never blocks a handler changing a status in the same cell, and two writers
 * cannot deadlock on counts. The rows are folded now and then (one row per cell, see
 * modules/warnings/warning-counts.ts), in a statement that deletes what it sums, so a fold
 * racing an append loses nothing. A TRUNCATE of warnings empties them.
 *
 * The month is the month of first sight in the writing session's time zone, as the
 * overview's trend read it (`to_char`) before: the server and the store share one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // What the list's total and the overview's splits count: a few thousand cells at a million warnings.
  await sql`CREATE TABLE warning_count_changes (
    division_code TEXT,
    model_id TEXT NOT NULL,
    severity TEXT NOT NULL,
    status TEXT NOT NULL,
    retired BOOLEAN NOT NULL,
    n BIGINT NOT NULL
  )`.execute(db);
  // The trend and the overdue figure, by month of first sight: live warnings only, and
  // without model and severity, which would multiply the cells by twenty.
  await sql`CREATE TABLE warning_month_changes (
    division_code TEXT,
    status TEXT NOT NULL,
    month TEXT NOT NULL,
    n BIGINT NOT NULL
  )`.execute(db);
  for (const table of ['warning_count_changes', 'warning_month_changes']) {
    await sql`CREATE INDEX ${sql.raw(`${table}_division_idx`)}
      ON ${sql.table(table)} (division_code text_pattern_ops)`.execute(db);
  }

  const counts = (rows: string, n: number) => `
    SELECT division_code, model_id, severity, status, retired_at IS NOT NULL AS retired, ${n} AS n FROM ${rows}`;
  const months = (rows: string, n: number) => `
    SELECT division_code, status, to_char(first_seen_at, 'YYYY-MM') AS month, ${n} AS n
    FROM ${rows} WHERE retired_at IS NULL`;
  const append = (table: string, columns: string, source: string) => `
    INSERT INTO ${table} (${columns}, n) SELECT ${columns}, sum(n) FROM (${source}) c
    GROUP BY ${columns} HAVING sum(n) <> 0`;
  const COUNT_COLUMNS = 'division_code, model_id, severity, status, retired';
  const MONTH_COLUMNS = 'division_code, status, month';
  const both = (source: (cells: typeof counts) => string) =>
    `${append('warning_count_changes', COUNT_COLUMNS, source(counts))};
        ${append('warning_month_changes', MONTH_COLUMNS, source(months))}`;
  // One function for every event: plpgsql plans a branch only when it runs, so each reads
  // only the transition tables its trigger declares.
  await sql
    .raw(
      `CREATE FUNCTION warning_counts_append() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${both((cells) => cells('new_rows', 1))};
      ELSIF TG_OP = 'UPDATE' THEN
        ${both((cells) => `${cells('new_rows', 1)} UNION ALL ${cells('old_rows', -1)}`)};
      ELSIF TG_OP = 'DELETE' THEN
        ${both((cells) => cells('old_rows', -1))};
      ELSE
        DELETE FROM warning_count_changes;
        DELETE FROM warning_month_changes;
      END IF;
      RETURN NULL;
    END $$`,
    )
    .execute(db);
  await sql`CREATE TRIGGER warnings_count_insert AFTER INSERT ON warnings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION warning_counts_append()`.execute(db);
  await sql`CREATE TRIGGER warnings_count_update AFTER UPDATE ON warnings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION warning_counts_append()`.execute(db);
  await sql`CREATE TRIGGER warnings_count_delete AFTER DELETE ON warnings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION warning_counts_append()`.execute(db);
  await sql`CREATE TRIGGER warnings_count_truncate AFTER TRUNCATE ON warnings
    FOR EACH STATEMENT EXECUTE FUNCTION warning_counts_append()`.execute(db);
  await sql.raw(append('warning_count_changes', COUNT_COLUMNS, counts('warnings', 1))).execute(db);
  await sql.raw(append('warning_month_changes', MONTH_COLUMNS, months('warnings', 1))).execute(db);

  // Overdue (open longer than a number of days) is no counter: the month counts give the
  // months before the threshold's, and this index the open warnings of its month, a bounded range.
  await sql`CREATE INDEX warnings_open_first_seen_idx ON warnings (first_seen_at, division_code text_pattern_ops, status)
    WHERE retired_at IS NULL AND status IN ('new', 'under_review')`.execute(db);

  // A person's page looks up their warnings in this GIN index. With `fastupdate` a run's new
  // warnings wait in a pending list (up to 4 MB) that every lookup reads through until
  // VACUUM merges it: 52 of a page's 57 ms at a million warnings (docs/performance.md).
  // Merged at once instead, which costs the run a little more per warning.
  await sql`ALTER INDEX warnings_subject_keys_idx SET (fastupdate = off)`.execute(db);
  await sql`SELECT gin_clean_pending_list('warnings_subject_keys_idx')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER INDEX warnings_subject_keys_idx RESET (fastupdate)`.execute(db);
  await sql`DROP INDEX warnings_open_first_seen_idx`.execute(db);
  for (const event of ['insert', 'update', 'delete', 'truncate']) {
    await sql`DROP TRIGGER ${sql.raw(`warnings_count_${event}`)} ON warnings`.execute(db);
  }
  await sql`DROP FUNCTION warning_counts_append()`.execute(db);
  await sql`DROP TABLE warning_month_changes`.execute(db);
  await sql`DROP TABLE warning_count_changes`.execute(db);
}
