import { type Kysely, sql } from 'kysely';
import { BackupError } from './backup-error.js';

/*
 * What the backup needs to know of the operational store's schema, read from PostgreSQL's
 * catalogue (the same on PGlite): its tables in an order that inserts parents before
 * children, their primary keys, their sequences, the migration level. Only the current
 * schema (public) is read: it is the whole of the operational store.
 */

/** The store's tables, each after every table its foreign keys point to. */
export async function listTablesParentsFirst(db: Kysely<any>): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(db);
  const edges = await sql<{ child: string; parent: string }>`
    select ch.relname as child, pa.relname as parent
    from pg_constraint k
    join pg_class ch on ch.oid = k.conrelid
    join pg_class pa on pa.oid = k.confrelid
    join pg_namespace n on n.oid = ch.relnamespace
    where k.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const parents = new Map<string, Set<string>>(tables.rows.map((t) => [t.name, new Set<string>()]));
  // A table pointing at itself (a parent organisation) is loaded in key order instead.
  for (const edge of edges.rows) if (edge.child !== edge.parent) parents.get(edge.child)?.add(edge.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < parents.size) {
    const ready = [...parents].filter(([name, of]) => !placed.has(name) && [...of].every((p) => placed.has(p)));
    if (ready.length === 0) {
      throw new BackupError(
        'The operational store has a cycle of foreign keys between tables, which a backup cannot order',
      );
    }
    for (const [name] of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered;
}

/** The table's primary key columns in key order (empty when it has none). */
export async function primaryKeyOf(db: Kysely<any>, table: string): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select a.attname as name
    from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${quotedName(table)}::regclass and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
  return result.rows.map((row) => row.name);
}

/** The columns a restore writes: all but generated ones, which the engine computes again. */
export async function writableColumnsOf(db: Kysely<any>, table: string): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select attname as name from pg_attribute
    where attrelid = ${quotedName(table)}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
    order by attnum`.execute(db);
  return result.rows.map((row) => row.name);
}

/** The store's sequences by name. */
export async function listSequences(db: Kysely<any>): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'S' order by c.relname`.execute(db);
  return result.rows.map((row) => row.name);
}

/** How many tables the store's schema has: zero for an empty target. */
export async function countTables(db: Kysely<any>): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S')`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** The migrations applied, in order (none on an unmigrated store). */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db);
  if (exists.rows[0]?.t == null) return [];
  const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return result.rows.map((row) => row.name);
}

/** A name quoted as an identifier, to pass as text to `::regclass` (which parses it like SQL). */
export function quotedName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
