import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  // The overdue list reads a county's clues soonest overdue first, a page at a time. The
  // deadline index alone walks every county's deadlines in order and drops the others'
  // rows one by one; led by the county (the first six digits of the division, which every
  // jurisdiction at or below a county shares), the walk reads only the county's.
  await sql`CREATE INDEX clues_overdue_county_idx ON clues (left(division_code, 6), deadline_due, id)
    WHERE deadline_due IS NOT NULL`.execute(db);
  // An expression's statistics come only from ANALYZE: until then the planner takes a
  // county for a handful of rows and, reading a page backwards, sorts the whole county.
  await sql`ANALYZE clues`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX clues_overdue_county_idx`.execute(db);
}
