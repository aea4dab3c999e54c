import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // The cases' overdue list is read like the clues' (20261216140000): a county's cases,
  // soonest overdue first, a page at a time. Led by the county (the first six digits of the
  // division), the walk reads that county's deadlines alone instead of every county's.
  await sql`CREATE INDEX cases_overdue_county_idx ON cases (left(division_code, 6), deadline_due, id)
    WHERE deadline_due IS NOT NULL`.execute(db);
  // An expression's statistics come only from ANALYZE: until then the planner takes a
  // county for a handful of rows and, reading a page backwards, sorts the whole county.
  await sql`ANALYZE cases`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX cases_overdue_county_idx`.execute(db);
}
