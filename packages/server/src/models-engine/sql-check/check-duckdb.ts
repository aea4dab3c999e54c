import { ALLOWED_FUNCTIONS, ALLOWED_TABLE_FUNCTIONS, ALLOWED_TYPES } from './allowlist.js';
import { serializeDuckdbSql } from './duckdb-parser.js';
import { checkRelation, type CteScope, type SqlCheckTarget, SqlRefusal } from './refusal.js';

// DuckDB's parse tree as json_serialize_sql writes it: query nodes (`type: SELECT_NODE`…,
// with a `cte_map`), table references (`type: BASE_TABLE`…, with a `sample` field) and
// expressions (with a `class`). The walk visits every object of the tree and accepts only
// the query, table and expression kinds a SELECT over tables needs; an unknown kind (a
// SHOW_REF from SUMMARIZE, a recursive CTE, a PIVOT) is refused by name.

type Fields = Record<string, unknown>;

const QUERY_NODES = new Set(['SELECT_NODE', 'SET_OPERATION_NODE']);

/** Table references with no name of their own to check; their children are walked. */
const PLAIN_TABLE_REFS = new Set(['JOIN', 'SUBQUERY', 'EMPTY', 'EXPRESSION_LIST']);

/** Expression classes with no name to check (FUNCTION, WINDOW and CAST are checked by name). */
const PLAIN_EXPRESSIONS = new Set([
  'BETWEEN',
  'CASE',
  'COLLATE',
  'COMPARISON',
  'CONJUNCTION',
  'CONSTANT',
  'LAMBDA',
  'OPERATOR',
  'PARAMETER',
  'POSITIONAL_REFERENCE',
  'STAR',
  'SUBQUERY',
]);

/**
 * Bare names DuckDB's binder turns into calls when no column has them (like SQL's
 * CURRENT_USER); those that say who or where the query runs are refused.
 */
const SESSION_NAMES = new Set([
  'current_catalog',
  'current_role',
  'current_schema',
  'current_user',
  'session_user',
  'user',
]);

/**
 * A function is accepted bare or under `main`, where the parser itself puts those it writes
 * for syntax (EXTRACT is main.date_part, TRIM main.trim, a list literal main.list_value);
 * an allowed name is the same built-in function either way.
 */
function checkFunction(fields: Fields, allowed: ReadonlySet<string>, what: string): void {
  const name = String(fields.function_name).toLowerCase();
  const schema = typeof fields.schema === 'string' ? fields.schema : '';
  const catalog = typeof fields.catalog === 'string' ? fields.catalog : '';
  if (catalog !== '' || (schema !== '' && schema !== 'main')) {
    throw new SqlRefusal(`${what} "${[catalog, schema, name].filter(Boolean).join('.')}" names a schema`);
  }
  if (!allowed.has(name)) throw new SqlRefusal(`${what} ${name}() is not allowed in a model`);
}

class DuckdbWalk {
  constructor(private readonly target: SqlCheckTarget) {}

  walk(value: unknown, scope: CteScope): void {
    if (Array.isArray(value)) {
      for (const item of value) this.walk(item, scope);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const fields = value as Fields;
    if (typeof fields.class === 'string') return this.expression(fields, scope);
    // A query node has a `sample` field too; its type tells it from a table reference.
    if (typeof fields.type === 'string' && fields.type.endsWith('_NODE')) return this.query(fields, scope);
    if (typeof fields.type === 'string' && 'sample' in fields) return this.tableRef(fields, scope);
    for (const child of Object.values(fields)) this.walk(child, scope);
  }

  /** A query: its CTEs first, each seeing only those before it, then the rest seeing them all. */
  private query(fields: Fields, outer: CteScope): void {
    if (!QUERY_NODES.has(String(fields.type))) throw new SqlRefusal(`${String(fields.type)} is not allowed in a model`);
    let scope = outer;
    const ctes = ((fields.cte_map as { map?: unknown[] } | undefined)?.map ?? []) as {
      key: string;
      value: { query?: unknown };
    }[];
    for (const cte of ctes) {
      this.walk(cte.value.query, scope);
      scope = new Set([...scope, cte.key]);
    }
    for (const [key, child] of Object.entries(fields)) if (key !== 'cte_map') this.walk(child, scope);
  }

  private tableRef(fields: Fields, scope: CteScope): void {
    const type = String(fields.type);
    if (type === 'BASE_TABLE') {
      if (fields.at_clause) throw new SqlRefusal('AT (time travel) is not allowed');
      return checkRelation(this.target, scope, String(fields.table_name), [
        fields.catalog_name as string | undefined,
        fields.schema_name as string | undefined,
      ]);
    }
    if (type === 'TABLE_FUNCTION') {
      const call = fields.function as Fields;
      checkFunction(call, ALLOWED_TABLE_FUNCTIONS, 'table function');
      return this.walk(call.children, scope);
    }
    if (!PLAIN_TABLE_REFS.has(type)) throw new SqlRefusal(`${type} is not allowed in a model's FROM`);
    for (const child of Object.values(fields)) this.walk(child, scope);
  }

  private expression(fields: Fields, scope: CteScope): void {
    const kind = String(fields.class);
    if (kind === 'FUNCTION' || kind === 'WINDOW') checkFunction(fields, ALLOWED_FUNCTIONS, 'function');
    else if (kind === 'COLUMN_REF') {
      const parts = fields.column_names as string[];
      if (parts.length === 1 && SESSION_NAMES.has(String(parts[0]).toLowerCase())) {
        throw new SqlRefusal(`${parts[0]} is not allowed in a model`);
      }
    } else if (kind === 'CAST') {
      const type = String((fields.cast_type as { id?: string } | undefined)?.id ?? '').toLowerCase();
      if (!ALLOWED_TYPES.has(type)) throw new SqlRefusal(`a cast to type ${type} is not allowed in a model`);
    } else if (!PLAIN_EXPRESSIONS.has(kind)) throw new SqlRefusal(`${kind} is not allowed in a model's SQL`);
    for (const [key, child] of Object.entries(fields)) if (key !== 'class') this.walk(child, scope);
  }
}

/**
 * Checks SQL text with DuckDB's parser: undefined when it is one SELECT reading only
 * `target.tables` (and its own CTEs) through allowed functions, else the reason it is not.
 */
export async function checkDuckdbSql(sql: string, target: SqlCheckTarget): Promise<string | undefined> {
  const tree = (await serializeDuckdbSql(sql)) as {
    error?: boolean;
    error_message?: string;
    statements?: { node?: unknown }[];
  };
  if (tree.error) return `DuckDB refuses it as a model: ${tree.error_message ?? 'not a SELECT'}`;
  const statements = tree.statements ?? [];
  if (statements.length !== 1) return `it holds ${statements.length} statements; a model is one SELECT`;
  try {
    new DuckdbWalk(target).walk(statements[0]?.node, new Set());
    return undefined;
  } catch (error) {
    if (error instanceof SqlRefusal) return error.message;
    throw error;
  }
}
