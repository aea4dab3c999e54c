import { ModelSpecError } from '../errors.js';
import { resolveParams } from '../params.js';
import type { ModelSpec, RuleLogic } from '../spec-types.js';
import { Binder, type ModelEngine } from './binder.js';
import { dialectFor } from './dialect.js';
import type { Restriction } from './incremental.js';
import { compileRule, type CompiledBranch } from './rule.js';
import { Scope, type Ctx } from './scope.js';
import { compileTemplate } from './template.js';

/** Options of `compileModel`. */
export interface CompileOptions {
  readonly engine: ModelEngine;
  /** Overrides of the model's parameter defaults (checked against their declarations). */
  readonly params?: Readonly<Record<string, unknown>>;
  /**
   * Incremental run: the new batches per dataset type. Each driver source of the model
   * whose dataset has new batches is restricted to them in turn, joined against all data.
   * Ignored (full run) for models with `incremental: false`.
   */
  readonly newBatches?: Readonly<Record<string, readonly number[]>>;
}

/** A compiled model: run `sql` with `params` on a lake of `engine`. */
export interface CompiledModel {
  readonly sql: string;
  readonly params: unknown[];
  readonly mode: 'full' | 'incremental';
}

/**
 * The columns of every compiled model's result, one row per evidence row of a hit:
 * - hit_key text: `<model id>:<md5>` of the hit's natural keys (stable across runs, engines and re-imports);
 * - subject_sk bigint: the hit's primary subject key;
 * - evidence_dataset text, evidence_batch integer, evidence_row integer, evidence_role text;
 * - facts text: a JSON object of the values the explanation names (the same text on both engines);
 * - severity text: red/orange/yellow after escalation;
 * - related_sks text: other subject keys of the hit, comma-separated, or NULL;
 * - item_key text: for a row of the role the model's summary counts, the md5 of its natural
 *   key (a rule's row; NULL in an aggregate or a template, where the row itself is the item).
 * Rows come in no order and may repeat (two rows of a hit sharing a source row): the reader
 * groups them by hit_key anyway, and ordering or de-duplicating millions of wide rows in the
 * engine cost more than the rest of a simple model's query (see groupEvidenceRows on the server).
 */
export const MODEL_OUTPUT_COLUMNS = [
  'hit_key',
  'subject_sk',
  'evidence_dataset',
  'evidence_batch',
  'evidence_row',
  'evidence_role',
  'facts',
  'severity',
  'related_sks',
  'item_key',
] as const;

function restrictionsFor(
  rule: RuleLogic,
  spec: ModelSpec,
  newBatches: Readonly<Record<string, readonly number[]>>,
): Restriction[] {
  if (spec.incremental === false) return [];
  const drivers = spec.incremental.drivers;
  return rule.sources
    .filter((s) => s.join !== 'left' && drivers.includes(s.dataset) && (newBatches[s.dataset]?.length ?? 0) > 0)
    .map((s) => ({ alias: s.alias, batches: newBatches[s.dataset] ?? [] }));
}

/**
 * Compiles a model to one SQL query for the engine, with every value bound positionally
 * ($1…) and every identifier taken from the catalogue. Throws ModelSpecError, naming the
 * place in the document, for anything it cannot compile.
 */
export function compileModel(spec: ModelSpec, options: CompileOptions): CompiledModel {
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,40}$/.test(spec.id)) throw new ModelSpecError('id', `bad model id "${spec.id}"`);
  const params = resolveParams(spec, options.params);
  const binder = new Binder(options.engine);
  const ctx: Ctx = {
    spec,
    params,
    binder,
    d: dialectFor(options.engine),
    scope: new Scope(),
    path: 'logic',
    allowAgg: false,
  };
  const logic = spec.logic;
  const incremental = options.newBatches !== undefined && spec.incremental !== false && logic.kind !== 'sql';

  const parts: CompiledBranch[] = [];
  if (logic.kind === 'sql') {
    parts.push(compileTemplate(logic, ctx));
  } else {
    const branches =
      logic.kind === 'rule'
        ? [{ rule: logic, name: undefined }]
        : logic.branches.map((b) => ({ rule: b, name: b.name }));
    if (branches.length === 0) throw new ModelSpecError('logic.branches', 'a union needs at least one branch');
    branches.forEach(({ rule, name }, b) => {
      const path = logic.kind === 'rule' ? 'logic' : `logic.branches[${b}]`;
      const variants: (Restriction | undefined)[] = incremental
        ? restrictionsFor(rule, spec, options.newBatches ?? {})
        : [undefined];
      variants.forEach((restriction, v) =>
        parts.push(compileRule(rule, { ...ctx, path }, `h${b}_${v}`, name, restriction)),
      );
    });
    if (parts.length === 0) {
      // No driver has new rows: compile the first branch restricted to nothing, so the query still has the contract's shape.
      const first = logic.kind === 'rule' ? logic : (logic.branches[0] as RuleLogic);
      const root = first.sources[0];
      if (root === undefined) throw new ModelSpecError('logic', 'a rule needs at least one source');
      parts.push(
        compileRule(first, ctx, 'h0_0', logic.kind === 'rule' ? undefined : logic.branches[0]?.name, {
          alias: root.alias,
          batches: [],
        }),
      );
    }
  }

  const ctes = parts.flatMap((p) => p.ctes);
  const selects = parts.flatMap((p) => p.selects);
  const columns = MODEL_OUTPUT_COLUMNS.join(', ');
  const sql =
    `${ctes.length > 0 ? `WITH ${ctes.join(',\n')}\n` : ''}` +
    `SELECT ${columns} FROM (\n${selects.join('\nUNION ALL\n')}\n) AS evidence`;
  return { sql, params: binder.values, mode: incremental ? 'incremental' : 'full' };
}
