import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database made for one run, and how to throw it away. */
export interface ScratchDatabase {
  /** The server's URL with this database in its path. */
  url: string;
  /** Drops the database, closing any session still in it. */
  drop(): Promise<void>;
}

const NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Creates a new database on the PostgreSQL server at `serverUrl`, named `prefix` and random
 * hex digits, so runs side by side never share one: empty, or a copy of `template` (a
 * database nobody is connected to, e.g. one the test run migrated once).
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
  template?: string,
): Promise<ScratchDatabase> {
  if (!NAME.test(prefix) || (template !== undefined && !NAME.test(template))) {
    throw new Error(`a scratch database prefix or template is lower-case letters, digits and _, got "${prefix}"`);
  }
  // Checked above and hex digits after it, so the names are safe to put in the SQL unquoted.
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const copy = template === undefined ? '' : ` template ${template}`;
  await withServerClient(serverUrl, (client) => client.query(`create database ${name}${copy}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withServerClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withServerClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
