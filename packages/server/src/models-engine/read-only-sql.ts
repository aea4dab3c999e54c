import { tokenizeSql, type SqlToken } from './sql-tokens.js';

/** The verdict on an expert's SQL model. */
export type ReadOnlySqlCheck =
  | { readonly ok: true; /** The ds_ tables it reads. */ readonly tables: readonly string[] }
  | {
      readonly ok: false;
      /** What was refused, e.g. `table subject_index`. */ readonly refused: string;
      readonly message: string;
    };

// Statements and clauses that change data, sessions or the engine, or reach outside the lake.
const FORBIDDEN_WORDS = new Set([
  'insert',
  'update',
  'delete',
  'merge',
  'upsert',
  'create',
  'drop',
  'alter',
  'truncate',
  'copy',
  'attach',
  'detach',
  'install',
  'load',
  'pragma',
  'set',
  'reset',
  'call',
  'export',
  'import',
  'grant',
  'revoke',
  'vacuum',
  'analyze',
  'checkpoint',
  'execute',
  'prepare',
  'deallocate',
  'listen',
  'notify',
  'lock',
  'do',
  'into',
  'begin',
  'commit',
  'rollback',
  'savepoint',
  'explain',
  'summarize',
  'describe',
  'show',
]);
// Functions that read files, other databases, settings or the catalogue, or change state.
const FORBIDDEN_FUNCTIONS = new Set([
  'glob',
  'sniff_csv',
  'query',
  'query_table',
  'getenv',
  'current_setting',
  'set_config',
  'nextval',
  'setval',
  'currval',
  'lo_import',
  'lo_export',
  'dblink',
  'read_csv',
  'read_parquet',
  'read_json',
  'read_text',
  'read_blob',
  'parquet_scan',
  'parquet_metadata',
  'parquet_schema',
  'csv_scan',
  'json_scan',
  'iceberg_scan',
  'delta_scan',
  'sqlite_scan',
  'postgres_scan',
  'mysql_scan',
  'txid_current',
  'version',
  'current_user',
  'session_user',
]);
const FORBIDDEN_PREFIXES = ['read_', 'pg_', 'duckdb_', 'pragma_', 'sqlite_', 'lo_', 'dblink'];
const FORBIDDEN_NAMES = new Set([
  'subject_index',
  'lake_batches',
  'information_schema',
  'pg_catalog',
  'system',
  'temp',
]);
const CLAUSE_END = new Set([
  'where',
  'group',
  'having',
  'order',
  'limit',
  'offset',
  'union',
  'except',
  'intersect',
  'window',
  'qualify',
  'fetch',
  'returning',
]);
const TABLE = /^ds_[a-z0-9_]+$/;

function refuse(refused: string, message: string): ReadOnlySqlCheck {
  return { ok: false, refused, message };
}

function isName(t: SqlToken | undefined): boolean {
  return t !== undefined && (t.kind === 'word' || t.kind === 'quoted');
}

/** CTE names: `name [(cols)] AS [NOT] [MATERIALIZED] (`. */
function cteNames(tokens: readonly SqlToken[]): Set<string> {
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    if (!isName(t)) return;
    let j = i + 1;
    if (tokens[j]?.text === '(') {
      while (j < tokens.length && tokens[j]?.text !== ')') j += 1;
      j += 1;
    }
    if (tokens[j]?.text !== 'as') return;
    j += 1;
    if (tokens[j]?.text === 'not') j += 1;
    if (tokens[j]?.text === 'materialized') j += 1;
    if (tokens[j]?.text === '(' && ['select', 'with', 'values'].includes(tokens[j + 1]?.text ?? '')) names.add(t.text);
  });
  return names;
}

/**
 * Decides whether an expert's SQL may run: exactly one SELECT (or WITH … SELECT) statement
 * reading only `ds_*` dataset tables (and its own CTEs). Refuses, naming the culprit, any other
 * statement, a second statement, the lake's own tables (subject_index, lake_batches), system
 * catalogs, schema-qualified or quoted-around names, table functions and file reads
 * (read_csv, read_parquet, FROM 'file.csv'…), and functions that touch settings or files.
 */
export function validateReadOnlySql(sql: string): ReadOnlySqlCheck {
  let tokens: SqlToken[];
  try {
    tokens = tokenizeSql(sql);
  } catch (error) {
    return refuse('syntax', `The SQL cannot be read: ${(error as Error).message}`);
  }
  while (tokens.at(-1)?.text === ';') tokens.pop();
  if (tokens.length === 0) return refuse('empty', 'The SQL is empty');
  if (tokens.some((t) => t.text === ';')) return refuse('statement ;', 'Only one statement is allowed');
  const first = tokens[0]?.text ?? '';
  if (first !== 'select' && first !== 'with')
    return refuse(
      `statement ${first.toUpperCase()}`,
      `Only SELECT or WITH … SELECT is allowed, not ${first.toUpperCase()}`,
    );
  const ctes = cteNames(tokens);
  const tables = new Set<string>();
  let expectTable = false;
  let fromDepth = -1;
  let depth = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as SqlToken;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const qualified = prev?.text === '.';
    if (t.text === '(') depth += 1;
    if (t.text === ')') {
      depth -= 1;
      if (depth < fromDepth) fromDepth = -1;
    }
    if (t.kind === 'word' && !qualified && FORBIDDEN_WORDS.has(t.text))
      return refuse(`keyword ${t.text.toUpperCase()}`, `${t.text.toUpperCase()} is not allowed in a read-only model`);
    if (
      t.kind === 'word' &&
      next?.text === 'for' &&
      ['update', 'share', 'no', 'key'].includes(tokens[i + 2]?.text ?? '')
    )
      return refuse('FOR UPDATE', 'Row locks are not allowed');
    if (isName(t) && (FORBIDDEN_NAMES.has(t.text) || FORBIDDEN_PREFIXES.some((p) => t.text.startsWith(p)))) {
      return refuse(`name ${t.text}`, `"${t.text}" is not a dataset: models may read only ds_* tables`);
    }
    if (isName(t) && next?.text === '(' && !qualified && FORBIDDEN_FUNCTIONS.has(t.text))
      return refuse(`function ${t.text}`, `The function ${t.text}() is not allowed`);
    if (t.kind === 'string' && expectTable) return refuse(`file ${t.text}`, `Reading files (${t.text}) is not allowed`);
    if (t.kind === 'word' && (t.text === 'from' || t.text === 'join') && !qualified) {
      expectTable = true;
      if (t.text === 'from') fromDepth = depth;
      continue;
    }
    if (fromDepth === depth && t.kind === 'word' && CLAUSE_END.has(t.text)) fromDepth = -1;
    if (fromDepth === depth && t.text === ',') {
      expectTable = true;
      continue;
    }
    if (!expectTable) continue;
    if (t.text === '(' || t.text === 'lateral' || t.text === 'only') {
      // A subquery's own FROM is checked when reached; a parenthesised join keeps expecting a table.
      if (['select', 'with', 'values'].includes(next?.text ?? '')) expectTable = false;
      continue;
    }
    if (!isName(t)) return refuse(`table ${t.text}`, `Expected a ds_* table after FROM/JOIN, found ${t.text}`);
    if (next?.text === '.')
      return refuse(
        `name ${t.text}.${tokens[i + 2]?.text ?? ''}`,
        'Schema-qualified names are not allowed: read ds_* tables by name',
      );
    if (next?.text === '(')
      return refuse(`function ${t.text}`, `The table function ${t.text}() is not allowed: read ds_* tables`);
    if (!TABLE.test(t.text) && !ctes.has(t.text))
      return refuse(`table ${t.text}`, `"${t.text}" is not a dataset table: models may read only ds_* tables`);
    if (TABLE.test(t.text)) tables.add(t.text);
    expectTable = false;
  }
  return { ok: true, tables: [...tables].sort() };
}
