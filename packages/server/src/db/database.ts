import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';
import { listenOnPostgres, STORE_CHANGED_CHANNEL, StoreRevisions } from './store-revisions.js';

export type OperationalEngine = 'pglite' | 'postgres';

/** The operational store: one Kysely instance over PGlite or a PostgreSQL server. */
export interface Database {
  readonly db: Kysely<DB>;
  readonly engine: OperationalEngine;
  /** What kept answers were read at (db/store-revisions.ts). */
  readonly revisions: StoreRevisions;
  close(): Promise<void>;
}

const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * Both engines return the same shapes: int8 as a number (ids and counts stay far below
 * 2^53), dates as 'YYYY-MM-DD' strings (a calendar date has no time zone), numeric as
 * a string (money must not pass through floating point).
 */
function parseInt8(value: string): number {
  return Number(value);
}

function parseDate(value: string): string {
  return value;
}

function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === INT8_OID) return parseInt8;
  if (oid === DATE_OID) return parseDate;
  return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** Folder for PGlite's files; when absent (and no url), PGlite runs in memory. */
  directory?: string;
  /** PGlite's files to start from, as `dumpDataDir` wrote them (the tests' migrated copy). */
  loadDataDir?: Blob;
}

/**
 * PGlite's shared buffers. PostgreSQL's default, 128 MB, is touched as it starts and so sits
 * in the process's memory from the first moment, beside DuckDB and Node, in a store that holds
 * users, batches, warnings and the audit trail. The files stay in the operating system's page
 * cache, so a smaller pool costs a copy, not a disk read.
 */
const EMBEDDED_SHARED_BUFFERS = '16MB';

/** Opens the operational store described by the options. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10, types: { getTypeParser: pgTypeParser } });
    // As for the PostgreSQL lake: an idle client whose server went away (a restart, a dropped
    // connection) emits 'error' on the pool, which crashes the process without a listener.
    // The pool drops that client and the next query connects afresh.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const revisions = new StoreRevisions(db);
    // Every pooled connection listens too: PostgreSQL hands a session its own notices as its
    // COMMIT returns, so this process's changes move the revisions before the code that made
    // them goes on (a reply to a sign-out never races the notice).
    pool.on('connect', (client) => {
      const backend = (client as unknown as { processID: number }).processID;
      revisions.ownBackends.add(backend);
      client.on('end', () => revisions.ownBackends.delete(backend));
      // Its own only: another process's come to the listening connection (store-revisions.ts).
      client.on('notification', (notice) => {
        if (notice.processId === backend) revisions.changed(notice.payload ?? '');
      });
      client.query(`LISTEN ${STORE_CHANGED_CHANNEL}`).catch(() => undefined);
    });
    const stopListening = listenOnPostgres(options.url, revisions);
    const close = async () => {
      await stopListening();
      await db.destroy();
    };
    return { db, engine: 'postgres', revisions, close };
  }
  if (options.directory) mkdirSync(options.directory, { recursive: true });
  const pglite = await PGlite.create(options.directory, {
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`],
    parsers: { [pgliteTypes.INT8]: parseInt8, [pgliteTypes.DATE]: parseDate },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  const revisions = new StoreRevisions(db);
  // PGlite calls back as the committing statement returns, in this process: nothing to lose.
  await pglite.listen(STORE_CHANGED_CHANNEL, (topic) => revisions.changed(topic));
  revisions.listen();
  return { db, engine: 'pglite', revisions, close: () => db.destroy() };
}
