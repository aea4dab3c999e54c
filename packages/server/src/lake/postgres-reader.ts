import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { LakeError } from './errors.js';
import { DATASET_TABLE_PREFIX } from './lake.js';
import { inPoolTransaction } from './postgres-transaction.js';

/**
 * Predefined roles whose members read or run things on the server itself, or read or write
 * every table: a reader in any of them would defeat its purpose.
 */
const SERVER_ROLES = [
  'pg_read_server_files',
  'pg_write_server_files',
  'pg_execute_server_program',
  'pg_read_all_data',
  'pg_write_all_data',
];

// A reader's own sessions start read-only and stop a runaway statement even if a caller forgets.
const READER_STATEMENT_TIMEOUT = '10min';

// SQLSTATE of a login refused for its password: another process opening the same lake set a new one.
const INVALID_PASSWORD = '28P01';

/** How the reader connects: the pool it opens for a URL, and where the lake's tables are. */
export interface ReaderSetup {
  /** The lake's own URL (its owner's login). */
  url: string;
  /** An explicit reader login, used as is instead of provisioning one. */
  readerUrl?: string;
  /** Opens a pool for a URL with the lake's session settings and type parsers. */
  openPool: (url: string, schema: string) => pg.Pool;
}

/** The role name a provisioned reader of this lake gets: one per database and schema. */
export function readerRoleName(database: string, schema: string): string {
  const digest = createHash('sha256').update(`${database}\u0000${schema}`).digest('hex');
  return `qf_lake_reader_${digest.slice(0, 24)}`;
}

/**
 * The login untrusted SQL runs under on the PostgreSQL lake. PostgreSQL only keeps a role
 * from reading what it may not when that role is the session user: under a superuser's
 * session, `SET ROLE` can be undone inside one SELECT (`set_config('role', …)`), so the
 * reader connects as itself, on a pool of its own.
 */
export class PostgresReader {
  private constructor(
    private readonly admin: pg.Pool,
    private readonly setup: ReaderSetup,
    readonly role: string,
    readonly schema: string,
    private pool: pg.Pool,
    private readonly provisioned: boolean,
  ) {}

  /**
   * Connects the reader: the explicit reader URL if given, else a role this lake creates
   * (or refreshes) with a new random password, which needs a lake login that may create
   * roles. Either way the reader must be no superuser and in no server-file role, and may
   * SELECT the lake schema's `ds_*` tables and no other table there, and write none;
   * otherwise opening fails with LAKE_NO_READER.
   */
  static async open(admin: pg.Pool, setup: ReaderSetup): Promise<PostgresReader> {
    const place = await describeLake(admin);
    let reader: PostgresReader;
    if (setup.readerUrl !== undefined) {
      const pool = setup.openPool(setup.readerUrl, place.schema);
      const role = await sessionUser(pool).catch(async (error: unknown) => {
        await pool.end();
        throw error;
      });
      reader = new PostgresReader(admin, setup, role, place.schema, pool, false);
    } else if (place.canCreateRoles) {
      const role = readerRoleName(place.database, place.schema);
      const password = await provisionRole(admin, role, place.schema);
      const pool = setup.openPool(withLogin(setup.url, role, password), place.schema);
      reader = new PostgresReader(admin, setup, role, place.schema, pool, true);
    } else {
      throw new LakeError(
        'LAKE_NO_READER',
        'The PostgreSQL lake needs a login for model queries that may only read its ds_* tables: ' +
          'give the lake user (QF_LAKE_URL) the CREATEROLE privilege so the lake creates one, ' +
          'or set QF_LAKE_READER_URL to such a login',
      );
    }
    try {
      await reader.grantAllDatasets();
      await reader.assertConfined();
    } catch (error) {
      await reader.close();
      throw error;
    }
    return reader;
  }

  /**
   * Runs fn on a reader connection. When the login is refused for its password (another
   * process opening this lake gave the provisioned role a new one), sets a new one and
   * tries once more: fn has not run then.
   */
  async use<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      if (!this.provisioned || (error as { code?: string }).code !== INVALID_PASSWORD) throw error;
      await this.refreshPassword();
      client = await this.pool.connect();
    }
    let broken: Error | undefined;
    try {
      return await fn(client);
    } catch (error) {
      broken = error as Error;
      throw error;
    } finally {
      // A failed statement may leave the session mid-transaction: the pool drops it rather than reuse it.
      client.release(broken);
    }
  }

  /** Lets the reader SELECT a dataset table the lake just created (no-op for other tables). */
  async grantDataset(table: string): Promise<void> {
    if (!table.startsWith(DATASET_TABLE_PREFIX)) return;
    await this.admin.query(`GRANT SELECT ON ${quote(this.schema)}.${quote(table)} TO ${quote(this.role)}`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async grantAllDatasets(): Promise<void> {
    await this.admin.query(`GRANT USAGE ON SCHEMA ${quote(this.schema)} TO ${quote(this.role)}`);
    for (const table of await datasetTables(this.admin, this.schema)) await this.grantDataset(table);
  }

  /** Asks the server, as the reader, what the reader may do; refuses a reader that may do more than read datasets. */
  private async assertConfined(): Promise<void> {
    const [self] = await this.use(async (client) => {
      const result = await client.query<{ dangers: string[] }>(
        `SELECT array_remove(ARRAY[
                  CASE WHEN r.rolsuper THEN 'SUPERUSER' END,
                  CASE WHEN r.rolcreaterole THEN 'CREATEROLE' END,
                  CASE WHEN r.rolcreatedb THEN 'CREATEDB' END,
                  CASE WHEN r.rolreplication THEN 'REPLICATION' END,
                  CASE WHEN r.rolbypassrls THEN 'BYPASSRLS' END
                ] || ARRAY(
                  SELECT 'member of ' || s FROM unnest($1::text[]) AS s
                  WHERE CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = s)
                             THEN pg_has_role(session_user, s, 'MEMBER') ELSE false END
                ) || ARRAY(
                  -- dblink would let SQL reach other servers over the network.
                  SELECT DISTINCT 'may call ' || p.proname FROM pg_proc p
                  WHERE p.proname IN ('dblink', 'dblink_connect', 'dblink_exec')
                    AND has_function_privilege(session_user, p.oid, 'EXECUTE')
                ) || ARRAY(
                  SELECT CASE WHEN c.relname LIKE $3 THEN 'may write ' ELSE 'may read ' END || c.relname
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                    AND CASE WHEN c.relname LIKE $3
                             THEN has_table_privilege(session_user, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')
                             ELSE has_table_privilege(session_user, c.oid, 'SELECT') END
                ), NULL) AS dangers
         FROM pg_roles r WHERE r.rolname = session_user`,
        [SERVER_ROLES, this.schema, `${DATASET_TABLE_PREFIX.replaceAll('_', '\\_')}%`],
      );
      return result.rows;
    });
    const dangers = self?.dangers ?? ['not found'];
    if (dangers.length > 0) {
      throw new LakeError(
        'LAKE_NO_READER',
        `The lake's reader login "${this.role}" may do more than read the ds_* tables (${dangers.join(', ')}); ` +
          'model queries will not run under it',
      );
    }
  }

  private async refreshPassword(): Promise<void> {
    const password = await provisionRole(this.admin, this.role, this.schema);
    const old = this.pool;
    this.pool = this.setup.openPool(withLogin(this.setup.url, this.role, password), this.schema);
    await old.end();
  }
}

/** The lake's database and schema, and whether its login may create roles. */
async function describeLake(admin: pg.Pool): Promise<{ database: string; schema: string; canCreateRoles: boolean }> {
  const { rows } = await admin.query<{ database: string; schema: string | null; can_create_roles: boolean }>(
    `SELECT current_database() AS database, current_schema() AS schema,
            (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) AS can_create_roles`,
  );
  const row = rows[0];
  if (row?.schema === null || row?.schema === undefined) {
    throw new LakeError('LAKE_INVALID_DEFINITION', 'The lake has no schema: its search_path names none that exists');
  }
  return { database: row.database, schema: row.schema, canCreateRoles: row.can_create_roles };
}

/**
 * Creates the reader role unless it exists, gives it a new random password, read-only
 * sessions and a statement timeout, and takes away every grant it holds on the lake
 * schema's tables and every role it is a member of, in one transaction (the caller grants
 * the dataset tables afterwards). Returns the password.
 */
async function provisionRole(admin: pg.Pool, role: string, schema: string): Promise<string> {
  const password = randomBytes(24).toString('hex');
  return inPoolTransaction(admin, async (client) => {
    // Two processes opening the same lake may both find the role missing: the second's CREATE fails, harmlessly.
    await client.query(`DO $$ BEGIN CREATE ROLE ${quote(role)} LOGIN NOINHERIT;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    // ALTER ROLE takes no parameters; the name is hexadecimal and the verifier base64. The
    // server is sent the SCRAM verifier, not the password, so no statement log holds it.
    await client.query(`ALTER ROLE ${quote(role)} WITH LOGIN NOINHERIT PASSWORD '${scramVerifier(password)}'`);
    await client.query(`ALTER ROLE ${quote(role)} SET default_transaction_read_only = on`);
    await client.query(`ALTER ROLE ${quote(role)} SET statement_timeout = '${READER_STATEMENT_TIMEOUT}'`);
    const memberships = await client.query<{ name: string }>(
      `SELECT m.roleid::regrole::text AS name FROM pg_auth_members m WHERE m.member = $1::regrole`,
      [role],
    );
    for (const { name } of memberships.rows) await client.query(`REVOKE ${name} FROM ${quote(role)}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${quote(schema)} FROM ${quote(role)}`);
    return password;
  });
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802, RFC 7677), in the
 * form `ALTER ROLE … PASSWORD` accepts as already encrypted; it serves the scram-sha-256,
 * md5 and password authentication methods alike.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const iterations = 4096;
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

async function datasetTables(admin: pg.Pool, schema: string): Promise<string[]> {
  const { rows } = await admin.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND starts_with(c.relname, $2)`,
    [schema, DATASET_TABLE_PREFIX],
  );
  return rows.map((row) => row.name);
}

async function sessionUser(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ name: string }>('SELECT session_user AS name');
  return rows[0]?.name ?? '';
}

/** The lake's URL with another login. */
function withLogin(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
