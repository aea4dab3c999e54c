import { createHash } from 'node:crypto';
import { compileModel, type ModelSpec } from '@qingfeng/core';
import { checkDuckdbSql } from './check-duckdb.js';
import { checkPostgresSql } from './check-postgres.js';

/** The lake engines whose parsers the check asks. */
export type SqlCheckEngine = 'duckdb' | 'postgres';

/** Why a model's SQL was refused, and by which engine's parser. */
export interface SqlCheckRefusal {
  readonly engine: SqlCheckEngine;
  readonly reason: string;
}

// Verdicts by SQL text: a model compiles to the same text run after run, so every run checks
// every model (rules too) at the cost of a hash once its text has been parsed. A parse
// costs 1–3 ms a model (DuckDB's a little more than PostgreSQL's), a run of the fifty-odd
// built-in models about 0.1 s on DuckDB the first time; on a small incremental query
// (29 ms on PostgreSQL) that is worth not paying again.
const VERDICTS_KEPT = 1024;
const verdicts = new Map<string, string | null>();

/**
 * Asks the engine's own parser whether `sql` may run as a model reading `inputs` (dataset
 * types): one SELECT (CTEs, set operations and subqueries allowed) whose every relation is
 * `ds_<input>` or a CTE in scope, unqualified, with no table function but generate_series,
 * range and unnest, no function or cast outside the allowlist, no INTO or FOR UPDATE.
 * Resolves to undefined when it may, else to the reason.
 */
export async function checkModelSql(
  sql: string,
  engine: SqlCheckEngine,
  inputs: readonly string[],
): Promise<string | undefined> {
  const key = createHash('sha256')
    .update(`${engine}\n${inputs.join(',')}\n${sql}`)
    .digest('base64');
  const known = verdicts.get(key);
  if (known !== undefined) return known ?? undefined;
  const target = { tables: new Set(inputs.map((input) => `ds_${input}`)) };
  const reason = await (engine === 'duckdb' ? checkDuckdbSql(sql, target) : checkPostgresSql(sql, target));
  if (verdicts.size >= VERDICTS_KEPT) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(key, reason ?? null);
  return reason;
}

/**
 * Checks a model document's SQL as it would run on each engine: the document is compiled
 * (its parameters bound, a template wrapped in the output contract) and each engine's text
 * is given to that engine's parser, so a portable template passes both parsers and a
 * document saved today still runs when the lake moves to the other engine. Resolves to
 * the first refusal, or undefined. A document that does not compile throws core's
 * ModelSpecError, as compileModel does.
 */
export async function checkModelDocumentSql(
  spec: ModelSpec,
  params: Readonly<Record<string, unknown>>,
): Promise<SqlCheckRefusal | undefined> {
  for (const engine of ['duckdb', 'postgres'] as const) {
    const { sql } = compileModel(spec, { engine, params });
    const reason = await checkModelSql(sql, engine, spec.inputs);
    if (reason !== undefined) return { engine, reason };
  }
  return undefined;
}
