import { findDataset } from '../standard/catalogue.js';
import { compileModel } from './compiler/compile.js';
import { ModelSpecError } from './errors.js';
import { issueOf, type ModelIssue } from './issue-words.js';
import { checkLogicShape } from './logic-shape.js';
import { checkParamValue } from './params.js';
import type { Condition, ModelSpec, RuleLogic } from './spec-types.js';

const SEVERITIES = new Set(['red', 'orange', 'yellow']);

function rulesOf(spec: ModelSpec): RuleLogic[] {
  if (spec.logic.kind === 'rule') return [spec.logic];
  if (spec.logic.kind === 'union') return [...spec.logic.branches];
  return [];
}

function sourceDatasets(spec: ModelSpec): string[] {
  const out: string[] = [];
  const visit = (c: Condition): void => {
    if (c.op === 'exists' || c.op === 'not_exists') {
      out.push(c.dataset);
      c.where.forEach(visit);
    } else if (c.op === 'and' || c.op === 'or') c.all.forEach(visit);
    else if (c.op === 'not') visit(c.cond);
  };
  for (const rule of rulesOf(spec)) {
    for (const s of rule.sources) {
      out.push(s.dataset);
      [...(s.on ?? []), ...(s.where ?? [])].forEach(visit);
    }
    (rule.where ?? []).forEach(visit);
  }
  return out;
}

interface RawIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The placeholders a model with a `summary` may name beyond its facts: filled from all the
 * warning's evidence (items counted, the period's ends, the total), not from one row.
 */
export const SUMMARY_FACTS = ['count', 'first', 'last', 'total'] as const;

/** The summary names a role some source plays and facts every branch gives. */
function checkSummary(spec: ModelSpec, add: (path: string, message: string) => void): void {
  const summary = spec.summary as NonNullable<ModelSpec['summary']>;
  const rules = rulesOf(spec);
  if (rules.length > 0 && !rules.some((r) => r.sources.some((s) => s.role === summary.items)))
    add('summary.items', `no source plays the role "${summary.items}"`);
  const factSets = spec.logic.kind === 'sql' ? [Object.keys(spec.logic.facts)] : rules.map((r) => Object.keys(r.facts));
  for (const field of ['period', 'amount'] as const) {
    const fact = summary[field];
    if (fact !== undefined && factSets.some((facts) => !facts.includes(fact)))
      add(`summary.${field}`, `"${fact}" is not a fact of every branch`);
  }
}

/**
 * Everything wrong with a model document, as `path: message` in the engine's English
 * (empty when it is valid): the logic's shape (node kinds, operators, functions the
 * compiler knows), then metadata, parameters and their defaults, datasets against the
 * catalogue, incremental drivers, explanation placeholders, and a trial compile for both
 * engines (a problem both report is named once, without the engine).
 */
export function validateModelSpec(spec: ModelSpec): string[] {
  return rawIssues(spec).map((i) => `${i.path}: ${i.message}`);
}

/** The same, for a person: each problem at its place as the builder names it, in both languages. */
export function checkModelSpec(spec: ModelSpec): ModelIssue[] {
  return rawIssues(spec).map((i) => issueOf(i.path, i.message, spec));
}

function rawIssues(spec: ModelSpec): RawIssue[] {
  // A logic of unknown shape stops here: what follows, the compiler included, walks the
  // logic trusting its kinds, and is never handed a node it does not know.
  const shape = checkLogicShape(spec.logic);
  if (shape.length > 0) {
    return shape.map((line) => {
      const at = line.indexOf(': ');
      return { path: line.slice(0, at), message: line.slice(at + 2) };
    });
  }
  const issues: RawIssue[] = [];
  const add = (path: string, message: string) => {
    if (!issues.some((i) => i.path === path && i.message === message)) issues.push({ path, message });
  };
  if (!Number.isInteger(spec.version) || spec.version < 1) add('version', 'must be a positive whole number');
  if (!spec.name.zh || !spec.name.en) add('name', 'needs zh and en');
  if (!SEVERITIES.has(spec.severity)) add('severity', `unknown severity "${spec.severity}"`);
  for (const field of ['basis', 'explanation', 'handling'] as const) {
    if (!spec[field].zh || !spec[field].en) add(field, 'needs zh and en');
  }
  const keys = new Set<string>();
  spec.parameters.forEach((p, i) => {
    if (!/^[a-z][a-z0-9_]*$/.test(p.key) || keys.has(p.key)) add(`parameters[${i}]`, `bad or repeated key "${p.key}"`);
    keys.add(p.key);
    const problem = checkParamValue(p, p.default);
    if (problem !== undefined) add(`parameters[${i}].default`, problem);
    if (!p.label.zh || !p.label.en) add(`parameters[${i}].label`, 'needs zh and en');
  });
  for (const input of spec.inputs) if (findDataset(input) === undefined) add('inputs', `unknown dataset "${input}"`);
  for (const used of new Set(sourceDatasets(spec))) {
    if (!spec.inputs.includes(used)) add('inputs', `logic reads "${used}" which is not listed in inputs`);
  }
  if (spec.incremental !== false) {
    if (spec.logic.kind === 'sql') add('incremental', 'SQL templates always run in full');
    if (rulesOf(spec).some((r) => r.outlier !== undefined))
      add('incremental', 'outlier tests need every row: set false');
    for (const d of spec.incremental.drivers)
      if (!spec.inputs.includes(d)) add('incremental.drivers', `"${d}" is not an input`);
  }
  if (spec.summary !== undefined) checkSummary(spec, add);
  const placeholders = [...`${spec.explanation.zh} ${spec.explanation.en}`.matchAll(/\{([a-z0-9_]+)\}/g)].map(
    (m) => m[1] ?? '',
  );
  const factSets =
    spec.logic.kind === 'sql' ? [Object.keys(spec.logic.facts)] : rulesOf(spec).map((r) => Object.keys(r.facts));
  for (const name of new Set(placeholders)) {
    if (spec.summary !== undefined && (SUMMARY_FACTS as readonly string[]).includes(name)) continue;
    if (factSets.some((facts) => !facts.includes(name)))
      add('explanation', `placeholder {${name}} is not a fact of every branch`);
  }
  for (const engine of ['duckdb', 'postgres'] as const) {
    try {
      compileModel(spec, { engine });
      if (spec.incremental !== false) {
        compileModel(spec, { engine, newBatches: Object.fromEntries(spec.incremental.drivers.map((d) => [d, [1]])) });
      }
    } catch (error) {
      if (!(error instanceof ModelSpecError)) throw error;
      // The error's message repeats its path; the place is said once, by `path`.
      add(
        error.path,
        error.message.startsWith(`${error.path}: `) ? error.message.slice(error.path.length + 2) : error.message,
      );
    }
  }
  return issues;
}
