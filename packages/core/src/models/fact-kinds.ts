import type { EnumValue } from '../standard/catalogue-types.js';
import type { LocalisedText } from '../standard/result.js';
import { findDataset, findField } from '../standard/catalogue.js';
import { SEX_VALUES, standardCodeLabels } from '../standard/value-labels.js';
import type { Expr, FactType, ModelParameter, ModelSpec, RuleLogic } from './spec-types.js';

/**
 * What a fact holds, read off the expression that computes it, so its value can be shown
 * in words: a fact reading `p.program` takes that field's code list, one reading a division
 * field shows a place name, a test shows yes or no. A literal the document wrote is either a
 * code of the standard (`'self'`) or a phrase in both languages (`'未终止 still open'`);
 * a concatenation is read part by part. A ratio (one amount over another of the same kind,
 * or a template's `ratio` fact) is shown as a percentage.
 */
export type FactKind =
  | { readonly type: 'plain' }
  | { readonly type: 'bool' }
  | { readonly type: 'division' }
  | { readonly type: 'ratio' }
  | { readonly type: 'codes'; readonly values: readonly EnumValue[] }
  | { readonly type: 'literal'; readonly text: string; readonly label?: LocalisedText }
  | { readonly type: 'concat'; readonly parts: readonly FactKind[] }
  | { readonly type: 'any'; readonly of: readonly FactKind[] };

const PLAIN: FactKind = { type: 'plain' };
const BOOL: FactKind = { type: 'bool' };
const DIVISION: FactKind = { type: 'division' };
const RATIO: FactKind = { type: 'ratio' };

const COLUMN = /^([a-z][a-z0-9_]*)\.([a-z_][a-z0-9_]*)(?:\.(birth_date|sex|region))?$/;

/** Alias → dataset of every source, `exists` and lookup of a rule (aliases are unique per rule). */
function aliasesOf(node: unknown, out: Map<string, string>): Map<string, string> {
  if (Array.isArray(node)) for (const item of node) aliasesOf(item, out);
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (typeof record.alias === 'string' && typeof record.dataset === 'string') out.set(record.alias, record.dataset);
    for (const value of Object.values(record)) aliasesOf(value, out);
  }
  return out;
}

/** The kind of a dataset column as the lake holds it (`id_sex`, `division`, `program`…). */
export function columnKind(dataset: string, column: string, derived?: string): FactKind {
  const type = findDataset(dataset);
  if (type === undefined) return PLAIN;
  const direct = findField(type, column);
  const suffix = direct === undefined ? /^(.+)_(sex|region)$/.exec(column) : null;
  if (derived === 'sex' || suffix?.[2] === 'sex') return { type: 'codes', values: SEX_VALUES };
  if (derived === 'region' || suffix?.[2] === 'region') return DIVISION;
  if (derived !== undefined || direct === undefined) return PLAIN;
  if (direct.type === 'enum') return { type: 'codes', values: direct.values };
  if (direct.type === 'bool') return BOOL;
  if (direct.type === 'division') return DIVISION;
  return PLAIN;
}

/**
 * A literal the document wrote. A code among the enums of the datasets the model reads is
 * labelled from them (`vehicle` is a reported item there, not a spending category), else from
 * any enum of the standard; other text is a phrase in both languages or shown as written.
 */
function literal(text: string, spec: ModelSpec): FactKind {
  for (const input of spec.inputs) {
    for (const field of findDataset(input)?.fields ?? []) {
      const label = field.type === 'enum' ? field.values.find((v) => v.code === text)?.label : undefined;
      if (label !== undefined) return { type: 'literal', text, label };
    }
  }
  const label = standardCodeLabels().get(text);
  return label === undefined ? { type: 'literal', text } : { type: 'literal', text, label };
}

function paramKind(parameter: ModelParameter | undefined, spec: ModelSpec): FactKind {
  if (parameter === undefined) return PLAIN;
  if (parameter.type === 'bool') return BOOL;
  // Options are codes (programme keys); each is shown by its label wherever the standard has one.
  if (parameter.options) return { type: 'any', of: parameter.options.map((text) => literal(text, spec)) };
  return PLAIN;
}

function anyOf(kinds: readonly FactKind[]): FactKind {
  const distinct = kinds.filter((k, i) => kinds.findIndex((o) => JSON.stringify(o) === JSON.stringify(k)) === i);
  if (distinct.length === 1 && distinct[0] !== undefined) return distinct[0];
  return { type: 'any', of: distinct };
}

/** The standard's type of a column expression (`t.budget` → money), if it is one. */
function columnType(expr: Expr, aliases: ReadonlyMap<string, string>): string | undefined {
  if (typeof expr !== 'string') return undefined;
  const m = COLUMN.exec(expr);
  const type = m?.[1] === undefined ? undefined : findDataset(aliases.get(m[1]) ?? '');
  return type === undefined || m?.[2] === undefined || m[3] !== undefined ? undefined : findField(type, m[2])?.type;
}

/**
 * A share of a whole: one money column over another (an award over its budget), or such a
 * share less or plus a number (an overrun: final / award - 1). A division by a parameter is
 * not one: an amount over a rate per mu is an area.
 */
function isRatio(expr: Expr, aliases: ReadonlyMap<string, string>): boolean {
  if (typeof expr !== 'object' || !('fn' in expr)) return false;
  const [a, b] = expr.args;
  if (a === undefined || b === undefined) return false;
  if (expr.fn === 'div') return columnType(a, aliases) === 'money' && columnType(b, aliases) === 'money';
  const isNumber = (e: Expr) => typeof e === 'object' && 'value' in e && typeof e.value === 'number';
  return (expr.fn === 'sub' || expr.fn === 'add') && isRatio(a, aliases) && isNumber(b);
}

function exprKind(expr: Expr, spec: ModelSpec, aliases: ReadonlyMap<string, string>): FactKind {
  const kind = (e: Expr) => exprKind(e, spec, aliases);
  if (isRatio(expr, aliases)) return RATIO;
  if (typeof expr === 'string') {
    const m = COLUMN.exec(expr);
    const dataset = m?.[1] === undefined ? undefined : aliases.get(m[1]);
    return dataset === undefined || m?.[2] === undefined ? PLAIN : columnKind(dataset, m[2], m[3]);
  }
  if ('param' in expr)
    return paramKind(
      spec.parameters.find((p) => p.key === expr.param),
      spec,
    );
  if ('value' in expr) {
    if (typeof expr.value === 'boolean') return BOOL;
    return typeof expr.value === 'string' ? literal(expr.value, spec) : PLAIN;
  }
  if ('test' in expr) return BOOL;
  if ('case' in expr) return anyOf([...expr.case.map((c) => kind(c.then)), ...(expr.else ? [kind(expr.else)] : [])]);
  if ('fn' in expr) {
    if (expr.fn === 'coalesce') return anyOf(expr.args.map(kind));
    if (expr.fn === 'text') return expr.args[0] === undefined ? PLAIN : kind(expr.args[0]);
    if (expr.fn === 'concat') return { type: 'concat', parts: expr.args.map(kind) };
    return expr.fn === 'division_within' ? BOOL : PLAIN;
  }
  if ('agg' in expr) return (expr.agg === 'min' || expr.agg === 'max') && expr.arg ? kind(expr.arg) : PLAIN;
  if ('lookup' in expr) {
    const { agg, arg } = expr.lookup;
    return (agg === 'min' || agg === 'max') && arg ? kind(arg) : PLAIN;
  }
  return PLAIN;
}

function ruleKinds(rule: RuleLogic, spec: ModelSpec): Map<string, FactKind> {
  const aliases = aliasesOf(rule, new Map());
  return new Map(Object.entries(rule.facts).map(([name, expr]) => [name, exprKind(expr, spec, aliases)]));
}

const SQL_LITERAL = /'((?:[^']|'')*)'/g;
const SQL_TABLE = /\bds_([a-z][a-z0-9_]*)\s+(?:as\s+)?([a-z][a-z0-9_]*)/gi;

/**
 * A SQL template's facts: a `fact_<name>` selected straight from a column takes that
 * column's kind; otherwise its declared FactType, and a text fact may also be one of the
 * literals the template writes (a code or a phrase in both languages).
 */
function templateKinds(spec: ModelSpec & { logic: { kind: 'sql' } }): Map<string, FactKind> {
  const { sql, facts } = spec.logic;
  const texts = 'portable' in sql ? [sql.portable] : [sql.duckdb, sql.postgres];
  const aliases = new Map<string, string>();
  for (const text of texts) for (const m of text.matchAll(SQL_TABLE)) aliases.set(m[2] ?? '', m[1] ?? '');
  const literals = [
    ...new Set(texts.flatMap((text) => [...text.matchAll(SQL_LITERAL)].map((m) => (m[1] ?? '').replaceAll("''", "'")))),
  ].map((text) => literal(text, spec));
  const out = new Map<string, FactKind>();
  for (const [name, type] of Object.entries<FactType>(facts)) {
    const column = texts
      .map((text) => new RegExp(`\\b([a-z][a-z0-9_]*)\\.([a-z_][a-z0-9_]*)\\s+AS\\s+fact_${name}\\b`, 'i').exec(text))
      .find((m) => m !== null);
    const dataset = column?.[1] === undefined ? undefined : aliases.get(column[1]);
    if (dataset !== undefined && column?.[2] !== undefined) out.set(name, columnKind(dataset, column[2]));
    else if (type === 'bool') out.set(name, BOOL);
    else if (type === 'ratio') out.set(name, RATIO);
    else if (type === 'text') out.set(name, { type: 'any', of: literals });
    else out.set(name, PLAIN);
  }
  return out;
}

const cache = new WeakMap<ModelSpec, ReadonlyMap<string, FactKind>>();

/** The kind of every fact a model names (for a union, what any branch may put there). */
export function factKindsOf(spec: ModelSpec): ReadonlyMap<string, FactKind> {
  const known = cache.get(spec);
  if (known) return known;
  let kinds: Map<string, FactKind>;
  if (spec.logic.kind === 'sql') kinds = templateKinds(spec as ModelSpec & { logic: { kind: 'sql' } });
  else if (spec.logic.kind === 'rule') kinds = ruleKinds(spec.logic, spec);
  else {
    const perBranch = spec.logic.branches.map((b) => ruleKinds(b, spec));
    kinds = new Map();
    for (const name of new Set(perBranch.flatMap((m) => [...m.keys()]))) {
      kinds.set(name, anyOf(perBranch.flatMap((m) => (m.has(name) ? [m.get(name) ?? PLAIN] : []))));
    }
  }
  cache.set(spec, kinds);
  return kinds;
}

/** The kind of a name the explanation uses: a fact, else a parameter of the model. */
export function placeholderKind(spec: ModelSpec, name: string): FactKind {
  return (
    factKindsOf(spec).get(name) ??
    paramKind(
      spec.parameters.find((p) => p.key === name),
      spec,
    )
  );
}
