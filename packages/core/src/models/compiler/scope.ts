import { findDataset, findField } from '../../standard/catalogue.js';
import type { DatasetType } from '../../standard/catalogue-types.js';
import { ModelSpecError } from '../errors.js';
import type { ResolvedParams } from '../params.js';
import type { ModelSpec } from '../spec-types.js';
import type { Binder } from './binder.js';
import type { Dialect } from './dialect.js';
import { fieldSqlType, type Compiled } from './sql-types.js';

const ALIAS = /^[a-z][a-z0-9_]{0,30}$/;
const DERIVED = new Set(['birth_date', 'sex', 'region']);

/** The sources visible at a point of the logic; an `exists` or lookup opens a child scope. */
export class Scope {
  private readonly aliases = new Map<string, DatasetType>();
  constructor(readonly parent?: Scope) {}

  /** Adds a source after checking its alias and that its dataset is in the catalogue. */
  add(alias: string, dataset: string, path: string): DatasetType {
    if (!ALIAS.test(alias))
      throw new ModelSpecError(path, `alias "${alias}" must be a-z, 0-9, _ starting with a letter`);
    if (this.lookup(alias) !== undefined) throw new ModelSpecError(path, `alias "${alias}" is used twice`);
    const type = findDataset(dataset);
    if (type === undefined) throw new ModelSpecError(path, `unknown dataset type "${dataset}"`);
    this.aliases.set(alias, type);
    return type;
  }

  lookup(alias: string): DatasetType | undefined {
    return this.aliases.get(alias) ?? this.parent?.lookup(alias);
  }
}

/** Everything expression compilation needs. */
export interface Ctx {
  readonly spec: ModelSpec;
  readonly params: ResolvedParams;
  readonly binder: Binder;
  readonly d: Dialect;
  readonly scope: Scope;
  readonly path: string;
  /** Aggregates are allowed (aggregate rules: facts, subject, having). */
  readonly allowAgg: boolean;
  /** Outlier statistics are available under this alias. */
  readonly statsAlias?: string;
  /** Compiling the ON of a join on several equalities of columns (Dialect.multiKeyText). */
  readonly multiKeyJoin?: boolean;
}

/** Quotes an identifier that has already been validated against the catalogue or ALIAS. */
export function q(name: string): string {
  return `"${name}"`;
}

/**
 * Resolves `alias.field[.derived]` against the catalogue: the only way a column name
 * reaches the SQL, so every identifier in a compiled query comes from the catalogue.
 */
export function compileColumn(ref: string, ctx: Ctx): Compiled {
  const parts = ref.split('.');
  const [alias, key, derived] = parts;
  if (parts.length < 2 || parts.length > 3 || alias === undefined || key === undefined) {
    throw new ModelSpecError(ctx.path, `"${ref}" is not a column reference (alias.field)`);
  }
  const dataset = ctx.scope.lookup(alias);
  if (dataset === undefined) throw new ModelSpecError(ctx.path, `unknown alias "${alias}" in "${ref}"`);
  if ((key === '_batch_id' || key === '_row_no') && derived === undefined) {
    return { sql: `${q(alias)}.${q(key)}`, type: 'int' };
  }
  const field = findField(dataset, key);
  if (field === undefined) throw new ModelSpecError(ctx.path, `dataset "${dataset.key}" has no field "${key}"`);
  if (derived !== undefined) {
    if (field.type !== 'id' || !DERIVED.has(derived)) {
      throw new ModelSpecError(ctx.path, `"${ref}": only identity-number fields have .birth_date, .sex, .region`);
    }
    return { sql: `${q(alias)}.${q(`${key}_${derived}`)}`, type: derived === 'birth_date' ? 'date' : 'text' };
  }
  const type = fieldSqlType(field);
  const column = type === 'sk' ? `${key}_sk` : key;
  return { sql: `${q(alias)}.${q(column)}`, type };
}
