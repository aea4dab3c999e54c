/** Why a model's SQL was refused, as the parser check found it. Thrown inside the walkers only. */
export class SqlRefusal extends Error {
  override readonly name = 'SqlRefusal';
}

/** CTE names visible at a point of a query: a reference to one of them reads no table. */
export type CteScope = ReadonlySet<string>;

/** What a model's SQL may read: `ds_<input>` for each declared input. */
export interface SqlCheckTarget {
  readonly tables: ReadonlySet<string>;
}

/**
 * A table reference that is no CTE in scope must be one of the model's inputs, unqualified:
 * a schema or catalog qualifier (main.ds_x, pg_catalog.pg_class) is refused even when the
 * name would be allowed, so no resolution but the engine's default can apply.
 */
export function checkRelation(
  target: SqlCheckTarget,
  scope: CteScope,
  name: string,
  qualifiers: readonly (string | undefined)[],
): void {
  const qualifier = qualifiers.filter((q) => q !== undefined && q !== '');
  if (qualifier.length > 0) throw new SqlRefusal(`"${[...qualifier, name].join('.')}" names a schema or catalog`);
  if (scope.has(name) || target.tables.has(name)) return;
  throw new SqlRefusal(`reads "${name}", which is not one of the model's input tables`);
}
