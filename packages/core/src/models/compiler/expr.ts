import { ModelSpecError } from '../errors.js';
import type { AggName, Condition, Expr, Lookup, OutlierStat } from '../spec-types.js';
import type { BindType } from './binder.js';
import { compileFn } from './functions.js';
import { compileColumn, q, Scope, type Ctx } from './scope.js';
import { isNumeric, type Compiled, type SqlType } from './sql-types.js';

const PARAM_BIND: Record<string, BindType> = {
  int: 'integer',
  number: 'double',
  money: 'decimal',
  date: 'date',
  text: 'text',
  bool: 'boolean',
};
const BIND_SQL_TYPE: Record<BindType, SqlType> = {
  integer: 'int',
  double: 'num',
  decimal: 'money',
  date: 'date',
  text: 'text',
  boolean: 'bool',
};

// The aggregate's name is written into the SQL: only these ever are.
const AGGREGATES: ReadonlySet<string> = new Set<AggName>(['count', 'sum', 'min', 'max', 'avg']);
const STATS: ReadonlySet<string> = new Set<OutlierStat>([
  'q1',
  'q3',
  'iqr',
  'mean',
  'sd',
  'n',
  'low_fence',
  'high_fence',
]);

function at(ctx: Ctx, suffix: string): Ctx {
  return { ...ctx, path: `${ctx.path}${suffix}` };
}

function paramDef(name: string, ctx: Ctx) {
  const def = ctx.spec.parameters.find((p) => p.key === name);
  if (def === undefined) throw new ModelSpecError(ctx.path, `unknown parameter "${name}"`);
  return def;
}

/** Binds a scalar parameter. */
function compileParam(name: string, ctx: Ctx): Compiled {
  const def = paramDef(name, ctx);
  const bind = PARAM_BIND[def.type];
  if (bind === undefined)
    throw new ModelSpecError(ctx.path, `list parameter "${name}" can only be used with in/not_in/within_any`);
  return { sql: ctx.binder.bind(ctx.params[name] ?? null, bind, `param:${name}`), type: BIND_SQL_TYPE[bind] };
}

function compileLiteral(value: string | number | boolean | null, ctx: Ctx): Compiled {
  if (value === null) return { sql: 'NULL', type: 'null' };
  const bind: BindType =
    typeof value === 'string'
      ? 'text'
      : typeof value === 'boolean'
        ? 'boolean'
        : Number.isInteger(value)
          ? 'integer'
          : 'double';
  return { sql: ctx.binder.literal(value, bind), type: BIND_SQL_TYPE[bind] };
}

function compileAgg(
  name: AggName,
  arg: Expr | undefined,
  distinct: boolean,
  filter: Condition | undefined,
  ctx: Ctx,
): Compiled {
  if (!AGGREGATES.has(name)) throw new ModelSpecError(ctx.path, `unknown aggregate "${String(name)}"`);
  if (!ctx.allowAgg) throw new ModelSpecError(ctx.path, `aggregate ${name}() is only allowed in an aggregate rule`);
  const inner: Ctx = { ...ctx, allowAgg: false };
  const a = arg === undefined ? undefined : compileExpr(arg, inner);
  if (a === undefined && name !== 'count') throw new ModelSpecError(ctx.path, `${name}() needs an argument`);
  const body = a === undefined ? '*' : `${distinct ? 'DISTINCT ' : ''}${a.sql}`;
  const where = filter === undefined ? '' : ` FILTER (WHERE ${compileCond(filter, at(inner, '.filter'))})`;
  const sql = `${name}(${body})${where}`;
  if (name === 'count') return { sql: `CAST(${sql} AS BIGINT)`, type: 'int' };
  if (name === 'avg') return { sql: `CAST(${sql} AS ${ctx.d.double})`, type: 'num' };
  return { sql, type: a?.type ?? 'null' };
}

function compileLookup(lookup: Lookup, ctx: Ctx): Compiled {
  const scope = new Scope(ctx.scope);
  scope.add(lookup.alias, lookup.dataset, ctx.path);
  const inner: Ctx = { ...ctx, scope, allowAgg: true };
  const value = compileAgg(lookup.agg, lookup.arg, lookup.distinct ?? false, undefined, inner);
  const where = compileConds(lookup.where, at({ ...inner, allowAgg: false }, '.where'));
  return {
    sql: `(SELECT ${value.sql} FROM ${q(`ds_${lookup.dataset}`)} AS ${q(lookup.alias)} WHERE ${where})`,
    type: value.type,
  };
}

/** Compiles a value expression. */
export function compileExpr(expr: Expr, ctx: Ctx): Compiled {
  if (typeof expr === 'string') return compileColumn(expr, ctx);
  if ('param' in expr) return compileParam(expr.param, ctx);
  if ('value' in expr) return compileLiteral(expr.value, ctx);
  if ('fn' in expr) {
    const args = expr.args.map((a, i) => compileExpr(a, at(ctx, `.${expr.fn}[${i}]`)));
    return compileFn(expr.fn, args, ctx);
  }
  if ('agg' in expr) return compileAgg(expr.agg, expr.arg, expr.distinct ?? false, expr.filter, ctx);
  if ('test' in expr) return { sql: compileCond(expr.test, ctx), type: 'bool' };
  if ('case' in expr) {
    const whens = expr.case.map((c) => ({ when: compileCond(c.when, ctx), then: compileExpr(c.then, ctx) }));
    const other = expr.else === undefined ? undefined : compileExpr(expr.else, ctx);
    const type = [...whens.map((w) => w.then.type), other?.type].find((t) => t !== undefined && t !== 'null') ?? 'null';
    const body = whens.map((w) => `WHEN ${w.when} THEN ${w.then.sql}`).join(' ');
    return { sql: `(CASE ${body}${other === undefined ? '' : ` ELSE ${other.sql}`} END)`, type };
  }
  if ('stat' in expr) {
    if (ctx.statsAlias === undefined)
      throw new ModelSpecError(ctx.path, `{ stat } is only available with an outlier test`);
    if (!STATS.has(expr.stat)) throw new ModelSpecError(ctx.path, `unknown statistic "${String(expr.stat)}"`);
    return { sql: `${q(ctx.statsAlias)}.${q(expr.stat)}`, type: expr.stat === 'n' ? 'int' : 'num' };
  }
  if ('lookup' in expr) return compileLookup(expr.lookup, ctx);
  throw new ModelSpecError(ctx.path, `unrecognised expression ${JSON.stringify(expr)}`);
}

function checkComparable(l: Compiled, r: Compiled, ctx: Ctx): void {
  const subjectVsOther = (a: SqlType, b: SqlType) => a === 'sk' && b !== 'sk' && b !== 'null' && b !== 'int';
  if (subjectVsOther(l.type, r.type) || subjectVsOther(r.type, l.type)) {
    throw new ModelSpecError(ctx.path, 'a subject key can only be compared with another subject key');
  }
  if ((l.type === 'text') !== (r.type === 'text') && l.type !== 'null' && r.type !== 'null') {
    if (isNumeric(l.type) || isNumeric(r.type))
      throw new ModelSpecError(ctx.path, `cannot compare ${l.type} with ${r.type}`);
  }
}

/** Whether a condition compares two columns, not expressions or values (as an equality: a hash key of a join). */
export function comparesColumns(cond: Condition): cond is Extract<Condition, { left: Expr; right: Expr }> {
  return 'left' in cond && 'right' in cond && typeof cond.left === 'string' && typeof cond.right === 'string';
}

function compileList(cond: Extract<Condition, { op: 'in' | 'not_in' }>, ctx: Ctx, left: Compiled): string[] {
  if (Array.isArray(cond.list)) return (cond.list as readonly Expr[]).map((e) => compileExpr(e, ctx).sql);
  const name = (cond.list as { param: string }).param;
  const def = paramDef(name, ctx);
  if (def.type !== 'text_list' && def.type !== 'date_list') {
    throw new ModelSpecError(ctx.path, `parameter "${name}" is not a list`);
  }
  const values = (ctx.params[name] ?? []) as readonly string[];
  const type: BindType = def.type === 'date_list' ? 'date' : left.type === 'date' ? 'date' : 'text';
  return values.map((v, i) => ctx.binder.bind(v, type, `param:${name}:${i}`));
}

/** Compiles a list of conditions joined by AND (TRUE when empty). */
export function compileConds(conds: readonly Condition[] | undefined, ctx: Ctx): string {
  if (conds === undefined || conds.length === 0) return 'TRUE';
  return conds.map((c, i) => compileCond(c, at(ctx, `[${i}]`))).join(' AND ');
}

/** Compiles a condition to a boolean SQL expression. */
export function compileCond(cond: Condition, ctx: Ctx): string {
  const e = (x: Expr, s: string) => compileExpr(x, at(ctx, s));
  switch (cond.op) {
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const l = e(cond.left, '.left');
      const r = e(cond.right, '.right');
      checkComparable(l, r, ctx);
      if (ctx.multiKeyJoin && cond.op === '=' && comparesColumns(cond) && l.type === 'text' && r.type === 'text')
        return `(${ctx.d.multiKeyText(l.sql)} = ${ctx.d.multiKeyText(r.sql)})`;
      return `(${l.sql} ${cond.op} ${r.sql})`;
    }
    case 'in':
    case 'not_in': {
      const left = e(cond.left, '.left');
      const items = compileList(cond, ctx, left);
      if (items.length === 0) return cond.op === 'in' ? 'FALSE' : 'TRUE';
      return `(${left.sql} ${cond.op === 'in' ? 'IN' : 'NOT IN'} (${items.join(', ')}))`;
    }
    case 'is_null':
      return `(${e(cond.expr, '.expr').sql} IS NULL)`;
    case 'not_null':
      return `(${e(cond.expr, '.expr').sql} IS NOT NULL)`;
    case 'and':
    case 'or': {
      if (cond.all.length === 0) return cond.op === 'and' ? 'TRUE' : 'FALSE';
      const parts = cond.all.map((c, i) => compileCond(c, at(ctx, `.${cond.op}[${i}]`)));
      return `(${parts.join(cond.op === 'and' ? ' AND ' : ' OR ')})`;
    }
    case 'not':
      return `(NOT ${compileCond(cond.cond, at(ctx, '.not'))})`;
    case 'during': {
      const x = e(cond.at, '.at').sql;
      const to = e(cond.to, '.to').sql;
      const from = e(cond.from, '.from').sql;
      // A missing start or end leaves that side open, as registries leave end dates empty.
      return `((${from} IS NULL OR ${x} >= ${from}) AND (${to} IS NULL OR ${x} <= ${to}))`;
    }
    case 'overlaps': {
      const [s1, e1] = [e(cond.a[0], '.a[0]').sql, e(cond.a[1], '.a[1]').sql];
      const [s2, e2] = [e(cond.b[0], '.b[0]').sql, e(cond.b[1], '.b[1]').sql];
      const before = (s: string, end: string) => `(${s} IS NULL OR ${end} IS NULL OR ${s} <= ${end})`;
      return `(${before(s1, e2)} AND ${before(s2, e1)})`;
    }
    case 'contains':
      return `(strpos(${e(cond.text, '.text').sql}, ${e(cond.part, '.part').sql}) > 0)`;
    case 'exists':
    case 'not_exists': {
      const scope = new Scope(ctx.scope);
      scope.add(cond.alias, cond.dataset, ctx.path);
      const where = compileConds(cond.where, { ...ctx, scope, allowAgg: false, path: `${ctx.path}.where` });
      const sub = `EXISTS (SELECT 1 FROM ${q(`ds_${cond.dataset}`)} AS ${q(cond.alias)} WHERE ${where})`;
      return cond.op === 'exists' ? `(${sub})` : `(NOT ${sub})`;
    }
    case 'within_any':
      return compileWithinAny(cond, ctx);
    default: {
      // Documents are checked before they compile (logic-shape.ts); this keeps a document
      // that skipped the check from compiling to `undefined` in the SQL.
      const unknown: never = cond;
      throw new ModelSpecError(ctx.path, `unknown operator ${JSON.stringify((unknown as { op: unknown }).op)}`);
    }
  }
}

function compileWithinAny(cond: Extract<Condition, { op: 'within_any' }>, ctx: Ctx): string {
  const def = paramDef(cond.fences.param, ctx);
  if (def.type !== 'geofences') throw new ModelSpecError(ctx.path, `parameter "${def.key}" is not a geofence list`);
  const fences = (ctx.params[def.key] ?? []) as readonly { lat: number; lon: number; radiusKm: number }[];
  if (fences.length === 0) return 'FALSE';
  const lat = compileExpr(cond.lat, ctx);
  const lon = compileExpr(cond.lon, ctx);
  const parts = fences.map((f, i) => {
    const key = `param:${def.key}:${i}`;
    const fLat = { sql: ctx.binder.bind(f.lat, 'double', `${key}:lat`), type: 'num' as const };
    const fLon = { sql: ctx.binder.bind(f.lon, 'double', `${key}:lon`), type: 'num' as const };
    const distance = compileFn('distance_km', [lat, lon, fLat, fLon], ctx);
    return `${distance.sql} <= ${ctx.binder.bind(f.radiusKm, 'double', `${key}:r`)}`;
  });
  return `(${parts.join(' OR ')})`;
}
