import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

// DuckDB's own parser, reached through json_serialize_sql on a private in-memory instance
// (never the lake's): it answers for a lake on PostgreSQL too (portable text is checked by
// both parsers), and the text it parses is never run. The instance can reach no file and
// no network, and nobody can change that, in case a parser bug ever ran anything.
// Opening it costs about 70 ms once; a parse then costs 1–3 ms (the largest built-in
// model, 14 KB of SQL, about 6 ms).
let instance: Promise<DuckDBInstance> | undefined;

function openParser(): Promise<DuckDBInstance> {
  instance ??= DuckDBInstance.create(':memory:', {
    enable_external_access: 'false',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '1',
    memory_limit: '64MB',
    lock_configuration: 'true',
  });
  return instance;
}

/**
 * DuckDB's parse tree of `sql` as json_serialize_sql gives it: `{ error: false, statements }`
 * for SELECT statements, `{ error: true, error_message }` for a syntax error or any other
 * kind of statement.
 */
export async function serializeDuckdbSql(sql: string): Promise<unknown> {
  let connection: DuckDBConnection | undefined;
  try {
    connection = await (await openParser()).connect();
    const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS tree', [sql]);
    const tree = reader.getRowObjects()[0]?.tree;
    return JSON.parse(String(tree)) as unknown;
  } finally {
    connection?.closeSync();
  }
}
