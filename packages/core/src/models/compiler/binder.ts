/** The lake engines a model compiles for. */
export type ModelEngine = 'duckdb' | 'postgres';

/** SQL types values are bound as; every placeholder carries an explicit CAST. */
export type BindType = 'integer' | 'double' | 'decimal' | 'date' | 'text' | 'boolean';

/**
 * Collects positional parameters. Every value reaches the engine as `$n`, never spliced,
 * and always inside a CAST so both engines agree on its type whatever the driver sends.
 * The same (key, type) is bound once and reused: GROUP BY expressions and the select list
 * then compile to the same text, which PostgreSQL needs to match them.
 */
export class Binder {
  readonly values: unknown[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly engine: ModelEngine) {}

  /** A placeholder for `value` as `type`; `dedupeKey` identifies repeated uses (e.g. a parameter name). */
  bind(value: unknown, type: BindType, dedupeKey?: string): string {
    const memo = dedupeKey === undefined ? undefined : `${type}:${dedupeKey}`;
    let index = memo === undefined ? undefined : this.seen.get(memo);
    if (index === undefined) {
      this.values.push(value);
      index = this.values.length;
      if (memo !== undefined) this.seen.set(memo, index);
    }
    return `CAST($${index} AS ${sqlTypeName(type, this.engine)})`;
  }

  /** A literal value, deduplicated by its JSON form. */
  literal(value: unknown, type: BindType): string {
    return this.bind(value, type, `literal:${JSON.stringify(value)}`);
  }
}

/** The spelling of a bind type on an engine. */
export function sqlTypeName(type: BindType, engine: ModelEngine): string {
  switch (type) {
    case 'integer':
      return 'INTEGER';
    case 'double':
      return engine === 'duckdb' ? 'DOUBLE' : 'DOUBLE PRECISION';
    case 'decimal':
      return 'DECIMAL(18,2)';
    case 'date':
      return 'DATE';
    case 'text':
      return engine === 'duckdb' ? 'VARCHAR' : 'TEXT';
    case 'boolean':
      return 'BOOLEAN';
  }
}
