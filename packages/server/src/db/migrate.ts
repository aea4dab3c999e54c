import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';

function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const where = failed ? ` (in ${failed.migrationName})` : '';
    throw new Error(`Migration failed${where}: ${String((result.error as Error).message ?? result.error)}`);
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return unwrap(await createMigrator(db).migrateToLatest());
}

/** Reverts the most recent migration; returns the name reverted. */
export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  return unwrap(await createMigrator(db).migrateDown());
}

/**
 * Applies migrations up to and including `name` (a restore rebuilds the schema a backup was
 * taken at); throws when this build does not know it.
 */
export async function migrateTo(db: Kysely<any>, name: string): Promise<string[]> {
  if (!Object.hasOwn(MIGRATIONS, name)) throw new Error(`Unknown migration ${name}`);
  return unwrap(await createMigrator(db).migrateTo(name));
}

/** The names of every migration this build knows, in the order they apply. */
export function knownMigrations(): string[] {
  return Object.keys(MIGRATIONS).sort();
}
