import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { quoteIdentifier } from './identifiers.js';
import { readerRoleName } from './postgres-reader.js';

/** A PostgreSQL lake schema made for one run, and how to throw it away. */
export interface ScratchLakeSchema {
  /** The schema's name, for `openLake({ url, schema })`. */
  schema: string;
  /** The server's URL with the schema as its search path, the form QF_LAKE_URL takes. */
  url: string;
  /** Drops the schema with everything in it, and the reader login a lake opened on it made. */
  drop(): Promise<void>;
}

/**
 * Creates an empty schema on the PostgreSQL server at `serverUrl`, named `prefix` and random
 * hex digits, so runs side by side never see each other's tables. Close the lake opened on
 * it before `drop`.
 */
export async function createScratchLakeSchema(serverUrl: string, prefix: string): Promise<ScratchLakeSchema> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const quoted = quoteIdentifier(schema, 'schema name');
  await withServerClient(serverUrl, (client) => client.query(`CREATE SCHEMA ${quoted}`));
  const url = new URL(serverUrl);
  // Beside any session settings the server's URL already carries, as the lake adds its own.
  const options = [url.searchParams.get('options'), `-c search_path=${schema}`].filter(Boolean).join(' ');
  url.searchParams.set('options', options);
  return {
    schema,
    url: url.toString(),
    async drop() {
      await withServerClient(serverUrl, async (client) => {
        await client.query(`DROP SCHEMA IF EXISTS ${quoted} CASCADE`);
        // Roles belong to the whole server: drop the reader the lake made, once nothing it was granted is left.
        const { rows } = await client.query<{ database: string }>('SELECT current_database() AS database');
        await client.query(`DROP ROLE IF EXISTS "${readerRoleName(rows[0]?.database ?? '', schema)}"`);
      });
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
