import { parse } from 'libpg-query';
import { ALLOWED_FUNCTIONS, ALLOWED_TABLE_FUNCTIONS, ALLOWED_TYPES } from './allowlist.js';
import { checkRelation, type CteScope, type SqlCheckTarget, SqlRefusal } from './refusal.js';

// PostgreSQL's own grammar (libpg-query: the server's parser compiled to WebAssembly) gives
// the raw parse tree: every node is `{ TypeName: { field: … } }`, node types start with a
// capital, fields with a small letter. The walk below visits every node of the tree and
// accepts only the node types a SELECT over tables needs; anything else (XMLTABLE, JSON_TABLE,
// a data-modifying CTE, a statement inside a statement) is refused by name, so a construct
// a later PostgreSQL adds is refused until someone looks at it.

type Fields = Record<string, unknown>;

/** Node types that carry no name of their own to check; their children are walked. */
const PLAIN_NODES = new Set([
  'A_ArrayExpr',
  'A_Const',
  'A_Indices',
  'A_Indirection',
  'A_Star',
  'Alias',
  'BitString',
  'BoolExpr',
  'Boolean',
  'BooleanTest',
  'CaseExpr',
  'CaseWhen',
  'CoalesceExpr',
  'ColumnRef',
  'Float',
  'GroupingFunc',
  'GroupingSet',
  'Integer',
  'JoinExpr',
  'List',
  'MinMaxExpr',
  'NullTest',
  'ParamRef',
  'RangeSubselect',
  'ResTarget',
  'RowExpr',
  'SortBy',
  'String',
  'SubLink',
  'WindowDef',
]);

/** CURRENT_DATE and its kind; CURRENT_USER, CURRENT_SCHEMA and the like say who and where the query runs. */
const ALLOWED_VALUE_FUNCTIONS = new Set([
  'SVFOP_CURRENT_DATE',
  'SVFOP_CURRENT_TIME',
  'SVFOP_CURRENT_TIME_N',
  'SVFOP_CURRENT_TIMESTAMP',
  'SVFOP_CURRENT_TIMESTAMP_N',
  'SVFOP_LOCALTIME',
  'SVFOP_LOCALTIME_N',
  'SVFOP_LOCALTIMESTAMP',
  'SVFOP_LOCALTIMESTAMP_N',
]);

function names(list: unknown): string[] {
  return ((list ?? []) as { String?: { sval?: string } }[]).map((item) => item.String?.sval ?? '');
}

/** A function name, accepted bare or under pg_catalog (where the parser puts EXTRACT, AT TIME ZONE…). */
function functionName(list: unknown): string {
  const parts = names(list);
  const bare = parts.at(-1) ?? '';
  if (parts.length > 2 || (parts.length === 2 && parts[0] !== 'pg_catalog')) {
    throw new SqlRefusal(`function "${parts.join('.')}" names a schema`);
  }
  return bare;
}

class PostgresWalk {
  constructor(private readonly target: SqlCheckTarget) {}

  walk(value: unknown, scope: CteScope): void {
    if (Array.isArray(value)) {
      for (const item of value) this.walk(item, scope);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (/^[A-Z]/.test(key)) this.node(key, child as Fields, scope);
      else this.walk(child, scope);
    }
  }

  private node(type: string, fields: Fields, scope: CteScope): void {
    switch (type) {
      case 'SelectStmt':
        return this.select(fields, scope);
      case 'RangeVar':
        return checkRelation(this.target, scope, String(fields.relname), [
          fields.catalogname as string | undefined,
          fields.schemaname as string | undefined,
        ]);
      case 'RangeFunction':
        return this.rangeFunction(fields, scope);
      case 'FuncCall': {
        const name = functionName(fields.funcname);
        if (!ALLOWED_FUNCTIONS.has(name)) throw new SqlRefusal(`function ${name}() is not allowed in a model`);
        return this.walk(fields, scope);
      }
      case 'A_Expr':
        if (names(fields.name).length > 1) throw new SqlRefusal('a schema-qualified operator is not allowed');
        return this.walk(fields, scope);
      case 'TypeCast': {
        const typeName = fields.typeName as Fields | undefined;
        const type = names(typeName?.names).at(-1) ?? '';
        if (!ALLOWED_TYPES.has(type)) throw new SqlRefusal(`a cast to type ${type} is not allowed in a model`);
        return this.walk(fields.arg, scope);
      }
      case 'SQLValueFunction':
        if (!ALLOWED_VALUE_FUNCTIONS.has(String(fields.op))) {
          throw new SqlRefusal(`${String(fields.op).replace('SVFOP_', '')} is not allowed in a model`);
        }
        return;
      default:
        if (!PLAIN_NODES.has(type)) throw new SqlRefusal(`${type} is not allowed in a model's SQL`);
        return this.walk(fields, scope);
    }
  }

  /** A SELECT: its CTEs first, each seeing only those before it, then the rest seeing them all. */
  private select(fields: Fields, outer: CteScope): void {
    if (fields.intoClause) throw new SqlRefusal('SELECT … INTO is not allowed');
    if (Array.isArray(fields.lockingClause) && fields.lockingClause.length > 0) {
      throw new SqlRefusal('FOR UPDATE / FOR SHARE is not allowed');
    }
    let scope = outer;
    const withClause = fields.withClause as { recursive?: boolean; ctes?: unknown[] } | undefined;
    if (withClause?.recursive) throw new SqlRefusal('WITH RECURSIVE is not allowed in a model');
    for (const item of withClause?.ctes ?? []) {
      const cte = (item as { CommonTableExpr?: Fields }).CommonTableExpr;
      if (!cte) throw new SqlRefusal('unexpected WITH item');
      // A non-recursive CTE cannot see itself: its own name inside it is a real table.
      this.walk(cte.ctequery, scope);
      scope = new Set([...scope, String(cte.ctename)]);
    }
    for (const [key, child] of Object.entries(fields)) {
      if (key === 'withClause') continue;
      // The branches of a set operation are bare SelectStmt fields, without the node wrapper.
      if ((key === 'larg' || key === 'rarg') && child) this.select(child as Fields, scope);
      else this.walk(child, scope);
    }
  }

  /** A function in FROM: only those that make rows from their arguments (generate_series…). */
  private rangeFunction(fields: Fields, scope: CteScope): void {
    if (Array.isArray(fields.coldeflist) && fields.coldeflist.length > 0) {
      throw new SqlRefusal('a column definition list is not allowed');
    }
    for (const entry of (fields.functions ?? []) as { List?: { items?: unknown[] } }[]) {
      const call = (entry.List?.items?.[0] as { FuncCall?: Fields } | undefined)?.FuncCall;
      if (!call) throw new SqlRefusal('only a function call may stand in FROM');
      const name = functionName(call.funcname);
      if (!ALLOWED_TABLE_FUNCTIONS.has(name)) throw new SqlRefusal(`table function ${name}() is not allowed`);
      this.walk(call, scope);
    }
    this.walk(fields.alias, scope);
  }
}

/**
 * Checks SQL text with PostgreSQL's parser: undefined when it is one SELECT reading only
 * `target.tables` (and its own CTEs) through allowed functions, else the reason it is not.
 */
export async function checkPostgresSql(sql: string, target: SqlCheckTarget): Promise<string | undefined> {
  let tree: { stmts?: { stmt?: Fields }[] };
  try {
    tree = await parse(sql);
  } catch (error) {
    return `PostgreSQL cannot parse it: ${(error as Error).message}`;
  }
  const statements = tree.stmts ?? [];
  if (statements.length !== 1) return `it holds ${statements.length} statements; a model is one SELECT`;
  const statement = statements[0]?.stmt ?? {};
  const kind = Object.keys(statement)[0] ?? 'nothing';
  if (kind !== 'SelectStmt') return `it is a ${kind}, not a SELECT`;
  try {
    new PostgresWalk(target).walk(statement, new Set());
    return undefined;
  } catch (error) {
    if (error instanceof SqlRefusal) return error.message;
    throw error;
  }
}
