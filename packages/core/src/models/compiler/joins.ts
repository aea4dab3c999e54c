import type { Condition, Expr } from '../spec-types.js';
import { compileCond, compileExpr } from './expr.js';
import type { Ctx } from './scope.js';
import type { SqlType } from './sql-types.js';

/*
 * Join conditions shaped so that the engines can hash the join. DuckDB hashes a join only
 * on comparisons whose two sides each read one side of the join; an OR across the sides,
 * or (in an outer join) any other expression of both sides, makes it a nested-loop join,
 * quadratic in the tables' sizes: minutes at a few million rows instead of milliseconds.
 * PostgreSQL hashes only on `=`, so not on IS NOT DISTINCT FROM.
 */

/** Most variants a rule's FROM is expanded into (the product over its sources' OR branches). */
export const MAX_JOIN_VARIANTS = 8;

/** The source alias a plain column reference (`alias.field`) reads; undefined for any other expression. */
export const aliasOf = (e: Expr): string | undefined => (typeof e === 'string' ? e.split('.')[0] : undefined);

/** Whether `c` is, or ANDs, an equality of a column of `alias` with a column of another source. */
function hasEquiKey(c: Condition, alias: string): boolean {
  if (c.op === 'and') return c.all.some((x) => hasEquiKey(x, alias));
  if (c.op !== '=') return false;
  const [l, r] = [aliasOf(c.left), aliasOf(c.right)];
  return l !== undefined && r !== undefined && l !== r && (l === alias || r === alias);
}

/** One way to join a source: its conditions, less the pairs an earlier way already joined. */
export interface JoinWay {
  readonly on: readonly Condition[];
  readonly excluded: readonly Condition[];
}

/**
 * The ways to join source `alias` by its `on` conditions. One, unless they hold no equality
 * key but an OR whose every branch has one (a household member is the person or shares the
 * household number): then one way per branch, the k-th excluding the pairs an earlier branch
 * holds for, so that the ways' UNION ALL is the OR join row for row and each way is a hash join.
 */
export function joinWays(on: readonly Condition[], alias: string): JoinWay[] {
  if (on.some((c) => hasEquiKey(c, alias))) return [{ on, excluded: [] }];
  const i = on.findIndex((c) => c.op === 'or' && c.all.length > 1 && c.all.every((b) => hasEquiKey(b, alias)));
  const or = on[i];
  if (or === undefined || or.op !== 'or') return [{ on, excluded: [] }];
  const rest = on.filter((_, j) => j !== i);
  return or.all.map((branch, k) => ({ on: [...rest, branch], excluded: or.all.slice(0, k) }));
}

/** `NOT COALESCE(c, FALSE)`: the pair is kept unless `c` is true of it (NULL counts as not true). */
export function notTrue(c: Condition, ctx: Ctx): string {
  return `(NOT COALESCE(${compileCond(c, ctx)}, FALSE))`;
}

function sentinels(types: readonly SqlType[], ctx: Ctx): { low: string; high: string } | undefined {
  if (!types.every((t) => t === 'date' || t === 'timestamp')) return undefined;
  const type = !types.includes('timestamp') ? 'DATE' : ctx.d.engine === 'duckdb' ? 'TIMESTAMP' : 'TIMESTAMPTZ';
  return { low: `CAST('-infinity' AS ${type})`, high: `CAST('infinity' AS ${type})` };
}

/**
 * An outer join's ON conditions, each `during` and `overlaps` spelled as comparisons only
 * (open ends as ∓infinity, the NULL cases as comparisons of IS NULL tests), so DuckDB can
 * hash the join on its equality key and check the dates there. The spelling is true exactly
 * when the usual one is; only NULL becomes FALSE, which at the top of an ON is the same.
 */
export function compileOuterOn(conds: readonly Condition[], ctx: Ctx): string {
  if (conds.length === 0) return 'TRUE';
  return conds.map((c, i) => compileOuterCond(c, { ...ctx, path: `${ctx.path}[${i}]` })).join(' AND ');
}

function compileOuterCond(c: Condition, ctx: Ctx): string {
  if (c.op !== 'during' && c.op !== 'overlaps') return compileCond(c, ctx);
  const e = (x: Expr, s: string) => compileExpr(x, { ...ctx, path: `${ctx.path}${s}` });
  if (c.op === 'during') {
    const [at, from, to] = [e(c.at, '.at'), e(c.from, '.from'), e(c.to, '.to')];
    const s = sentinels([at.type, from.type, to.type], ctx);
    if (s === undefined) return compileCond(c, ctx);
    const nullAt = `(${at.sql} IS NULL)`;
    return (
      `(COALESCE(${from.sql}, ${s.low}) <= COALESCE(${at.sql}, ${s.low}) AND ${nullAt} <= (${from.sql} IS NULL) AND ` +
      `COALESCE(${at.sql}, ${s.high}) <= COALESCE(${to.sql}, ${s.high}) AND ${nullAt} <= (${to.sql} IS NULL))`
    );
  }
  const [s1, e1] = [e(c.a[0], '.a[0]'), e(c.a[1], '.a[1]')];
  const [s2, e2] = [e(c.b[0], '.b[0]'), e(c.b[1], '.b[1]')];
  const s = sentinels([s1.type, e1.type, s2.type, e2.type], ctx);
  if (s === undefined) return compileCond(c, ctx);
  // An open end overlaps everything: the usual spelling is never NULL, nor is this one.
  const before = (start: string, end: string) => `COALESCE(${start}, ${s.low}) <= COALESCE(${end}, ${s.high})`;
  return `(${before(s1.sql, e2.sql)} AND ${before(s2.sql, e1.sql)})`;
}

// A value of each type to stand in for NULL in a join key; any value will do (see nullSafeEquals).
const STAND_IN: Partial<Record<SqlType, string>> = {
  text: "''",
  int: '0',
  sk: '0',
  num: '0',
  money: '0',
  bool: 'FALSE',
  date: "CAST('2000-01-01' AS DATE)",
  timestamp: "CAST('2000-01-01' AS TIMESTAMP)",
};

/**
 * `a IS NOT DISTINCT FROM b` (NULL matches NULL) as equalities PostgreSQL can hash:
 * IS NOT DISTINCT FROM is no operator to it, so a join on it nests loops over both sides.
 */
export function nullSafeEquals(a: string, b: string, type: SqlType): string {
  const standIn = STAND_IN[type];
  if (standIn === undefined) return `${a} IS NOT DISTINCT FROM ${b}`;
  return `COALESCE(${a}, ${standIn}) = COALESCE(${b}, ${standIn}) AND (${a} IS NULL) = (${b} IS NULL)`;
}
