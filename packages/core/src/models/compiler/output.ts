import type { Severity } from '../spec-types.js';
import type { Ctx } from './scope.js';
import { jsonValue, portableText, type Compiled } from './sql-types.js';

/**
 * `<model id>:<md5 of the key parts>`. The parts are natural keys (subject keys, business
 * ids, periods), printed identically by both engines, so the same hit gets the same key on
 * DuckDB and PostgreSQL and again after a re-import. A union branch prefixes its name so
 * two ways of breaking the rule on the same rows stay two hits (unless the model gives a key).
 */
export function hitKeySql(parts: readonly Compiled[], branch: string | undefined, ctx: Ctx): string {
  const texts = parts.map((p) => `COALESCE(${portableText(p, ctx.d)}, '~')`);
  if (branch !== undefined) texts.unshift(ctx.binder.literal(branch, 'text'));
  const model = ctx.binder.literal(ctx.spec.id, 'text');
  const joined = texts.length === 0 ? "''" : concatSql(texts.flatMap((t, i) => (i === 0 ? [t] : ["'|'", t])));
  return concatSql([model, "':'", `md5(${joined})`]);
}

/**
 * The md5 of an item row's natural key: the same row imported twice (a forced re-import) is
 * one item, so a grouped warning counts and sums it once (see ModelSpec.summary).
 */
export function itemKeySql(parts: readonly Compiled[], ctx: Ctx): string {
  const texts = parts.map((p) => `COALESCE(${portableText(p, ctx.d)}, '~')`);
  return `md5(${concatSql(texts.flatMap((t, i) => (i === 0 ? [t] : ["'|'", t])))})`;
}

// PostgreSQL functions take at most 100 arguments.
const MAX_CONCAT_ARGS = 90;

/**
 * Texts joined by one concat() call (nested past the argument limit). Both engines build the
 * result in one pass, where a chain of `||` copies the growing text at every step: twice as fast
 * for facts and hit keys. Every part must be non-NULL (concat() would skip a NULL silently).
 */
function concatSql(parts: readonly string[]): string {
  if (parts.length <= MAX_CONCAT_ARGS) return `concat(${parts.join(', ')})`;
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += MAX_CONCAT_ARGS) chunks.push(concatSql(parts.slice(i, i + MAX_CONCAT_ARGS)));
  return concatSql(chunks);
}

/**
 * The facts as JSON text, built by concatenation rather than the engines' JSON builders
 * (which space their output differently), so both engines return byte-identical text.
 * Fact names were checked to be snake_case, so they can sit inside the literal.
 */
export function factsSql(facts: readonly (readonly [string, Compiled])[], ctx: Ctx): string {
  if (facts.length === 0) return `'{}'`;
  const members = facts.flatMap(([key, value], i) => [`'${i === 0 ? '{' : ','}"${key}":'`, jsonValue(value, ctx.d)]);
  return concatSql([...members, `'}'`]);
}

/** The default severity, raised by the first escalation condition that holds. */
export function severitySql(escalate: readonly { to: Severity; when: string }[], ctx: Ctx): string {
  const fallback = ctx.binder.literal(ctx.spec.severity, 'text');
  if (escalate.length === 0) return fallback;
  const whens = escalate.map((x) => `WHEN ${x.when} THEN ${ctx.binder.literal(x.to, 'text')}`).join(' ');
  return `(CASE ${whens} ELSE ${fallback} END)`;
}

/** Other subjects of the hit as comma-separated keys (NULL when none). */
export function relatedSql(related: readonly Compiled[], ctx: Ctx): string {
  if (related.length === 0) return `CAST(NULL AS ${ctx.d.text})`;
  const texts = related.map((r) => portableText(r, ctx.d));
  return `NULLIF(concat_ws(',', ${texts.join(', ')}), '')`;
}
