import { findDataset } from '../../standard/catalogue.js';
import { ModelSpecError } from '../errors.js';
import type { Condition, Expr, RuleLogic } from '../spec-types.js';
import { comparesColumns, compileConds, compileCond, compileExpr } from './expr.js';
import { compileOuterOn, joinWays, MAX_JOIN_VARIANTS, notTrue, nullSafeEquals } from './joins.js';
import { incrementalFilters, type Restriction } from './incremental.js';
import { hitKeySql, factsSql, itemKeySql, severitySql, relatedSql } from './output.js';
import { q, Scope, type Ctx } from './scope.js';
import type { Compiled } from './sql-types.js';

/** A compiled branch: CTEs to define and one evidence-level SELECT per evidence source. */
export interface CompiledBranch {
  readonly ctes: string[];
  readonly selects: string[];
}

const FACT_KEY = /^[a-z][a-z0-9_]{0,62}$/;
const STATS = '_st';
const MATCH = '_m';
const UNPIVOT = '_k';

/** A source's JOIN clauses: several ON clauses when an OR join is split into hash joins (joins.ts). */
interface JoinClauses {
  /** Absent for the first source, which is FROM. */
  readonly keyword?: 'JOIN' | 'LEFT JOIN';
  readonly ons: readonly string[];
}

function fromClause(rule: RuleLogic, ctx: Ctx, restriction: Restriction | undefined): { from: string; where: string } {
  const wheres: string[] = [];
  const clauses: JoinClauses[] = [];
  let variants = 1;
  rule.sources.forEach((source, i) => {
    const path = `${ctx.path}.sources[${i}]`;
    ctx.scope.add(source.alias, source.dataset, path);
    const local = { ...ctx, path };
    if (i === 0) {
      if (source.join !== undefined || source.on !== undefined)
        throw new ModelSpecError(path, 'the first source cannot join');
      clauses.push({ ons: [] });
      if (source.where) wheres.push(compileConds(source.where, { ...local, path: `${path}.where` }));
      return;
    }
    const left = source.join === 'left';
    const on = source.on ?? [];
    const onCtx = { ...local, path: `${path}.on`, multiKeyJoin: columnEqualities(on) > 1 };
    // Compiled whole first, so a mistake is reported at its place in the document.
    const whole = left ? compileOuterOn(on, onCtx) : compileConds(on, onCtx);
    const filter = source.where && compileConds(source.where, { ...local, path: `${path}.where` });
    if (filter !== undefined && !left) wheres.push(filter);
    const ways = left ? [] : joinWays(on, source.alias);
    const split = ways.length > 1 && variants * ways.length <= MAX_JOIN_VARIANTS;
    if (split) variants *= ways.length;
    const ons = split
      ? ways.map((w) => [compileConds(w.on, onCtx), ...w.excluded.map((c) => notTrue(c, onCtx))].join(' AND '))
      : [whole];
    clauses.push({
      keyword: left ? 'LEFT JOIN' : 'JOIN',
      ons: ons.map((o) => (left && filter ? `${o} AND ${filter}` : o)),
    });
  });
  if (rule.where) wheres.push(compileConds(rule.where, { ...ctx, path: `${ctx.path}.where` }));
  if (restriction !== undefined) {
    const source = rule.sources.find((s) => s.alias === restriction.alias);
    if (source === undefined || source.join === 'left') {
      throw new ModelSpecError(ctx.path, `incremental driver "${restriction.alias}" must be an inner source`);
    }
  }
  const narrowed = restriction === undefined ? new Map<string, string[]>() : incrementalFilters(rule, restriction, ctx);
  const joins = clauses.map((c, i) => {
    const source = rule.sources[i] as RuleLogic['sources'][number];
    const table = sourceTable(source.dataset, source.alias, narrowed.get(source.alias) ?? []);
    return c.keyword === undefined ? [table] : c.ons.map((o) => `${c.keyword} ${table} ON ${o}`);
  });
  const where = wheres.length === 0 ? 'TRUE' : wheres.join(' AND ');
  if (variants === 1) return { from: joins.map((j) => j[0]).join(' '), where };
  return { from: rejoinVariants(rule, joins, where), where: 'TRUE' };
}

/** How many of a join's conditions are equalities of two columns (its hash keys). */
function columnEqualities(on: readonly Condition[]): number {
  return on.filter((c) => c.op === '=' && comparesColumns(c)).length;
}

/** A source's table in FROM, narrowed to the rows that pass `filters` when there are any. */
function sourceTable(dataset: string, alias: string, filters: readonly string[]): string {
  const table = `${q(`ds_${dataset}`)} AS ${q(alias)}`;
  return filters.length === 0 ? table : `(SELECT * FROM ${table} WHERE ${filters.join(' AND ')}) AS ${q(alias)}`;
}

/**
 * The rows of every combination of join clauses (disjoint by construction, see joinWays),
 * as the sources' row ids, joined back to the sources by id: what follows reads the sources
 * by their aliases as if they had been joined by the one OR.
 */
function rejoinVariants(rule: RuleLogic, joins: readonly string[][], where: string): string {
  const combos = joins.reduce<string[][]>((acc, ways) => acc.flatMap((c) => ways.map((w) => [...c, w])), [[]]);
  const matches = combos.map((c) => `SELECT ${evidenceIds(rule)} FROM ${c.join(' ')} WHERE ${where}`);
  const byId = rule.sources.map((s, i) => {
    const alias = q(s.alias);
    const on = `${alias}."_batch_id" = ${q(MATCH)}.e${i}_b AND ${alias}."_row_no" = ${q(MATCH)}.e${i}_r`;
    return `${s.join === 'left' ? 'LEFT JOIN' : 'JOIN'} ${q(`ds_${s.dataset}`)} AS ${alias} ON ${on}`;
  });
  return `(${matches.join(' UNION ALL ')}) AS ${q(MATCH)} ${byId.join(' ')}`;
}

/**
 * Natural-key expressions of every source, in source order: the default hit identity, the
 * same after a re-import (see DatasetType.naturalKey). Never batch and row numbers: a source
 * without a natural key is refused, not keyed by where its rows happen to lie.
 */
function naturalKeyExprs(rule: RuleLogic, ctx: Ctx): Expr[] {
  return rule.sources.flatMap((s, i) => {
    const key = findDataset(s.dataset)?.naturalKey;
    if (key === undefined || key.length === 0) {
      throw new ModelSpecError(
        `${ctx.path}.sources[${i}]`,
        `dataset type "${s.dataset}" has no natural key: give the rule a key`,
      );
    }
    return key.map((f) => `${s.alias}.${f}`);
  });
}

function hitColumns(rule: RuleLogic, ctx: Ctx, keyExprs: readonly Expr[], named: string | undefined): string {
  // A rule that gives its key says what one warning is, whichever branch found it: the
  // branches' hits on the same key merge (a tender and official linked by both routes).
  const branch = rule.key === undefined ? named : undefined;
  for (const key of Object.keys(rule.facts)) {
    if (!FACT_KEY.test(key)) throw new ModelSpecError(`${ctx.path}.facts`, `fact name "${key}" must be snake_case`);
  }
  const c = (e: Expr, p: string): Compiled => compileExpr(e, { ...ctx, path: `${ctx.path}.${p}` });
  const subject = c(rule.subject, 'subject');
  if (subject.type !== 'sk' && subject.type !== 'null')
    throw new ModelSpecError(`${ctx.path}.subject`, 'must be a subject field');
  const keyParts = keyExprs.map((e, i) => c(e, `key[${i}]`));
  const facts = Object.entries(rule.facts).map(([k, e]) => [k, c(e, `facts.${k}`)] as const);
  const escalate = (rule.escalate ?? []).map((x, i) => ({
    to: x.to,
    when: compileCond(x.when, { ...ctx, path: `${ctx.path}.escalate[${i}]` }),
  }));
  return [
    `${hitKeySql(keyParts, branch, ctx)} AS hit_key`,
    `CAST(${subject.sql} AS BIGINT) AS subject_sk`,
    `${relatedSql(
      (rule.related ?? []).map((e, i) => c(e, `related[${i}]`)),
      ctx,
    )} AS related_sks`,
    `${severitySql(escalate, ctx)} AS severity`,
    `${factsSql(facts, ctx)} AS facts`,
  ].join(', ');
}

function evidenceIds(rule: RuleLogic): string {
  return rule.sources
    .map((s, i) => `${q(s.alias)}."_batch_id" AS e${i}_b, ${q(s.alias)}."_row_no" AS e${i}_r`)
    .join(', ');
}

/** The source numbers crossed with each hit row: one row per source, numbered `_k.k`. */
function crossSources(rule: RuleLogic): string {
  return `CROSS JOIN (VALUES ${rule.sources.map((_, i) => `(${i})`).join(', ')}) AS ${q(UNPIVOT)}(k)`;
}

/** The value for the source numbered `_k.k`. */
function bySource(values: readonly string[]): string {
  return `CASE ${q(UNPIVOT)}.k ${values.map((v, i) => `WHEN ${i} THEN ${v}`).join(' ')} END`;
}

/** The evidence dataset and role of the source numbered `_k.k`. */
function sourceLabels(rule: RuleLogic, ctx: Ctx): { dataset: string; role: string } {
  return {
    dataset: bySource(rule.sources.map((s) => ctx.binder.literal(s.dataset, 'text'))),
    role: bySource(rule.sources.map((s) => ctx.binder.literal(s.role, 'text'))),
  };
}

/** A row's identity in one BIGINT: batch and row number are positive INTEGERs. */
function packedId(alias: string): string {
  return `CAST(${q(alias)}."_batch_id" AS BIGINT) * 4294967296 + ${q(alias)}."_row_no"`;
}

/**
 * One evidence row per row in each source's packed list of an aggregate's hits: the hits
 * crossed with the source numbers, as in `unpivot`, so the CTE is read once. The lists hold
 * no NULL (a left-joined source's missing row), see Dialect.distinctList.
 */
function unnestEvidence(rule: RuleLogic, cte: string, ctx: Ctx): string[] {
  const { dataset, role } = sourceLabels(rule, ctx);
  const list = bySource(rule.sources.map((_, i) => `l${i}`));
  const rows =
    `SELECT hit_key, subject_sk, facts, severity, related_sks, ${dataset} AS evidence_dataset, ${role} AS evidence_role, ` +
    `unnest(${list}) AS e FROM ${cte} ${crossSources(rule)}`;
  return [
    `SELECT hit_key, subject_sk, evidence_dataset, CAST(e >> 32 AS INTEGER) AS evidence_batch, ` +
      `CAST(e & 4294967295 AS INTEGER) AS evidence_row, evidence_role, facts, severity, related_sks, ` +
      `CAST(NULL AS ${ctx.d.text}) AS item_key ` +
      `FROM (${rows}) AS ${q(`${UNPIVOT}e`)}`,
  ];
}

/**
 * One evidence row per source of each hit row: the hit rows crossed with the source numbers,
 * so the CTE is read once (read once per source, the engines materialise it first).
 */
function unpivot(rule: RuleLogic, cte: string, ctx: Ctx): string[] {
  const ids = (suffix: 'b' | 'r') => bySource(rule.sources.map((_, i) => `e${i}_${suffix}`));
  const { dataset, role } = sourceLabels(rule, ctx);
  return [
    `SELECT hit_key, subject_sk, ${dataset} AS evidence_dataset, ${ids('b')} AS evidence_batch, ` +
      `${ids('r')} AS evidence_row, ${role} AS evidence_role, facts, severity, related_sks, ` +
      `${itemKeys(rule, ctx)} AS item_key FROM ${cte} ${crossSources(rule)} WHERE ${ids('b')} IS NOT NULL`,
  ];
}

/** The hit row's item keys, one per source playing the summary's item role (`i<n>`). */
function itemKeyColumns(rule: RuleLogic, ctx: Ctx): string {
  const items = ctx.spec.summary?.items;
  return rule.sources
    .flatMap((s, i) => {
      const key = findDataset(s.dataset)?.naturalKey ?? [];
      if (s.role !== items || key.length === 0) return [];
      const parts = key.map((f) => compileExpr(`${s.alias}.${f}`, { ...ctx, path: `${ctx.path}.sources[${i}]` }));
      return [`, ${itemKeySql(parts, ctx)} AS i${i}`];
    })
    .join('');
}

/** The item key of the source numbered `_k.k` (NULL for a source that is not an item). */
function itemKeys(rule: RuleLogic, ctx: Ctx): string {
  const items = ctx.spec.summary?.items;
  const some = rule.sources.some((s) => s.role === items && (findDataset(s.dataset)?.naturalKey ?? []).length > 0);
  if (!some) return `CAST(NULL AS ${ctx.d.text})`;
  return bySource(
    rule.sources.map((s, i) =>
      s.role === items && (findDataset(s.dataset)?.naturalKey ?? []).length > 0
        ? `i${i}`
        : `CAST(NULL AS ${ctx.d.text})`,
    ),
  );
}

/**
 * Compiles one rule into evidence rows (see compile.ts for the output contract).
 * `cte` names its CTEs uniquely within the query; `branch` separates union branches' keys.
 */
export function compileRule(
  rule: RuleLogic,
  base: Ctx,
  cte: string,
  branch: string | undefined,
  restriction?: Restriction,
): CompiledBranch {
  if (rule.sources.length === 0) throw new ModelSpecError(base.path, 'a rule needs at least one source');
  if (rule.aggregate && rule.outlier)
    throw new ModelSpecError(base.path, 'a rule has either an aggregate or an outlier test');
  const ctx: Ctx = { ...base, scope: new Scope(), allowAgg: false };
  const { from, where } = fromClause(rule, ctx, restriction);

  if (rule.aggregate !== undefined) {
    const agg = rule.aggregate;
    if (agg.groupBy.length === 0) throw new ModelSpecError(`${ctx.path}.aggregate`, 'groupBy is empty');
    const groups = agg.groupBy.map(
      (e, i) => compileExpr(e, { ...ctx, path: `${ctx.path}.aggregate.groupBy[${i}]` }).sql,
    );
    const aggCtx: Ctx = { ...ctx, allowAgg: true };
    const having = compileConds(agg.having, { ...aggCtx, path: `${ctx.path}.aggregate.having` });
    const hit = hitColumns(rule, aggCtx, rule.key ?? agg.groupBy, branch);
    // Each source's rows in the group, packed as batch << 32 | row: the group's evidence comes
    // out of the one aggregation, rather than from a second pass over the sources joined back.
    const lists = rule.sources.map((s, i) => `${ctx.d.distinctList(packedId(s.alias))} AS l${i}`).join(', ');
    return {
      ctes: [
        `${cte} AS (SELECT ${hit}, ${lists} FROM ${from} WHERE ${where} GROUP BY ${groups.join(', ')} HAVING ${having})`,
      ],
      selects: unnestEvidence(rule, cte, ctx),
    };
  }

  if (rule.outlier !== undefined) {
    const o = rule.outlier;
    const path = `${ctx.path}.outlier`;
    const v = `CAST(${compileExpr(o.value, { ...ctx, path }).sql} AS ${ctx.d.double})`;
    const compiledParts = o.partitionBy.map((e, i) => compileExpr(e, { ...ctx, path: `${path}.partitionBy[${i}]` }));
    const parts = compiledParts.map((p) => p.sql);
    const k = `CAST(${compileExpr(o.k, { ...ctx, path: `${path}.k` }).sql} AS ${ctx.d.double})`;
    const pct = (p: number) => `percentile_cont(${p}) WITHIN GROUP (ORDER BY ${v})`;
    const [low, high] =
      o.method === 'iqr'
        ? [`${pct(0.25)} - ${k} * (${pct(0.75)} - ${pct(0.25)})`, `${pct(0.75)} + ${k} * (${pct(0.75)} - ${pct(0.25)})`]
        : [`avg(${v}) - ${k} * stddev_samp(${v})`, `avg(${v}) + ${k} * stddev_samp(${v})`];
    const stats =
      `SELECT ${parts.map((p, i) => `${p} AS p${i}, `).join('')}CAST(count(*) AS BIGINT) AS n, ${pct(0.25)} AS q1, ${pct(0.75)} AS q3, ` +
      `${pct(0.75)} - ${pct(0.25)} AS iqr, avg(${v}) AS mean, stddev_samp(${v}) AS sd, ${low} AS low_fence, ${high} AS high_fence ` +
      `FROM ${from} WHERE ${where}${parts.length > 0 ? ` GROUP BY ${parts.join(', ')}` : ''}`;
    const on =
      parts.length === 0
        ? 'TRUE'
        : compiledParts.map((p, i) => nullSafeEquals(p.sql, `${q(STATS)}.p${i}`, p.type)).join(' AND ');
    const minCount = o.minCount === undefined ? '0' : compileExpr(o.minCount, { ...ctx, path: `${path}.minCount` }).sql;
    const sideLow = `${v} < ${q(STATS)}.low_fence`;
    const sideHigh = `${v} > ${q(STATS)}.high_fence`;
    const side = o.side === 'high' ? sideHigh : o.side === 'low' ? sideLow : `(${sideLow} OR ${sideHigh})`;
    const sctx: Ctx = { ...ctx, statsAlias: STATS };
    const hit = hitColumns(rule, sctx, rule.key ?? naturalKeyExprs(rule, ctx), branch);
    const sql =
      `SELECT ${hit}, ${evidenceIds(rule)}${itemKeyColumns(rule, ctx)} FROM ${from} JOIN (${stats}) AS ${q(STATS)} ON ${on} ` +
      `WHERE ${where} AND ${q(STATS)}.n >= ${minCount} AND ${side}`;
    return { ctes: [`${cte} AS (${sql})`], selects: unpivot(rule, cte, ctx) };
  }

  const hit = hitColumns(rule, ctx, rule.key ?? naturalKeyExprs(rule, ctx), branch);
  return {
    ctes: [`${cte} AS (SELECT ${hit}, ${evidenceIds(rule)}${itemKeyColumns(rule, ctx)} FROM ${from} WHERE ${where})`],
    selects: unpivot(rule, cte, ctx),
  };
}
