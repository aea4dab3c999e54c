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

/**
 * Asks the engine's own parser whether `sql` may run as a model reading `inputs` (dataset
 * types): one SELECT (CTEs, set operations and subqueries allowed) whose every relation is
 * `ds_<input>` or a CTE in scope, unqualified, with no table function but generate_series,
 * range and unnest, no function or cast outside the allowlist, no INTO or FOR UPDATE.
 * Resolves to undefined when it may, else to the reason.
 */
export function checkModelSql(
  sql: string,
  engine: SqlCheckEngine,
  inputs: readonly string[],
): Promise<string | undefined> {
  const target = { tables: new Set(inputs.map((input) => `ds_${input}`)) };
  return engine === 'duckdb' ? checkDuckdbSql(sql, target) : checkPostgresSql(sql, target);
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
