import { type DatasetType, findDataset } from '@qingfeng/core';
import { type Lake, quoteIdentifier } from '../lake/index.js';

/*
 * Jurisdiction inside the query. A county's user previews or runs a model over that
 * county's rows only, whatever the model's SQL says: every `ds_*` table the compiled query
 * reads is shadowed by a CTE of the same name holding only the rows inside the
 * jurisdiction. The engine resolves the query's table names to those CTEs (nested
 * subqueries and the query's own CTEs included), so builder models, incremental
 * restrictions and hand-written SQL models are bounded alike, and no filter in the model
 * can widen what it sees. A row lies where its division says, its own or that of the record
 * it belongs to (a ledger entry's organisation, a tender's buyer), else where its batch
 * does. The CTEs read the real tables by their schema-qualified name: DuckDB refuses a
 * CTE that names itself without one ("circular reference").
 */

/** The rows of a jurisdiction: the rule of the security model, for the lake. */
export interface RowJurisdiction {
  /** Division codes starting with this are inside; never '' (the whole country needs no bound). */
  readonly prefix: string;
  /** Loaded batches inside it (of any dataset): rows without a division lie where their batch does. */
  readonly batchIds: readonly number[];
}

const PREFIX = /^\d{1,12}$/;

/**
 * A dataset type, or the key of a built-in one. Models read built-in types only; the row
 * browser passes the type itself, so a custom type's own `division` field counts too.
 */
export type DatasetRef = string | DatasetType;

const typeOf = (ref: DatasetRef): DatasetType | undefined => (typeof ref === 'string' ? findDataset(ref) : ref);
const keyOf = (ref: DatasetRef): string => (typeof ref === 'string' ? ref : ref.key);

/** Whether the catalogue gives this dataset a division of its own for each row. */
function hasDivision(dataset: DatasetRef): boolean {
  return typeOf(dataset)?.fields.some((f) => f.key === 'division' && f.type === 'division') ?? false;
}

/** The lake column of a field: identifiers are kept as subject keys (`<field>_sk`). */
function columnOf(dataset: DatasetRef, field: string): string {
  const type = typeOf(dataset)?.fields.find((f) => f.key === field)?.type;
  return type === 'id' || type === 'uscc' || type === 'subject' ? `${field}_sk` : field;
}

/**
 * A row's division in SQL, by the rule of the data standard: its own `division`, else that
 * of the record it belongs to (core's `belongsTo`: a ledger entry's organisation, a bid's
 * tender, a tender's buyer), followed down the chain. `joins` go after `FROM <table> AS
 * <alias>`; `expr` is NULL-able text, or undefined when the dataset can have no division
 * (then only its batch places a row). A referenced record found in several rows gives the
 * greatest of their divisions, so the answer never depends on the order rows come in.
 */
export interface RowDivisionSql {
  readonly joins: string;
  readonly expr: string | undefined;
}

/**
 * The division of each row of `dataset` read as `alias`. `tables` are the dataset types
 * whose table the lake holds (a missing one gives nothing); `schema` qualifies the tables
 * read ('' or `"schema".`), so the SQL can sit inside CTEs that shadow them.
 */
export function rowDivisionSql(
  dataset: DatasetRef,
  alias: string,
  tables: ReadonlySet<string>,
  schema = '',
): RowDivisionSql {
  let next = 0;
  const build = (type: DatasetRef, at: string, seen: readonly string[]): RowDivisionSql => {
    const parts = hasDivision(type) ? [`${quoteIdentifier(at)}.${quoteIdentifier('division')}`] : [];
    let joins = '';
    for (const ref of typeOf(type)?.belongsTo ?? []) {
      if (!tables.has(ref.dataset) || seen.includes(ref.dataset)) continue;
      const inner = `${alias}_r${(next += 1)}`;
      const owner = build(ref.dataset, inner, [...seen, keyOf(type)]);
      if (owner.expr === undefined) continue;
      const joined = `${alias}_j${(next += 1)}`;
      const key = `${quoteIdentifier(inner)}.${quoteIdentifier(columnOf(ref.dataset, ref.key))}`;
      joins +=
        ` LEFT JOIN (SELECT ${key} AS k, max(${owner.expr}) AS division` +
        ` FROM ${schema}${quoteIdentifier(`ds_${ref.dataset}`)} AS ${quoteIdentifier(inner)}${owner.joins}` +
        ` WHERE ${key} IS NOT NULL GROUP BY ${key}) AS ${quoteIdentifier(joined)}` +
        ` ON ${quoteIdentifier(joined)}.k = ${quoteIdentifier(at)}.${quoteIdentifier(columnOf(type, ref.field))}`;
      parts.push(`${quoteIdentifier(joined)}.division`);
    }
    const expr = parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : `COALESCE(${parts.join(', ')})`;
    return { joins, expr };
  };
  return build(dataset, alias, []);
}

/**
 * The condition keeping a row of `dataset` inside the jurisdiction: its division (`division`,
 * an SQL expression such as rowDivisionSql's; by default its own column, where it has one),
 * else its batch's. Written with literals (a checked prefix of digits, checked integers),
 * so it can be put in front of any query without renumbering its parameters.
 */
export function rowWithinSql(
  dataset: DatasetRef,
  jurisdiction: RowJurisdiction,
  alias?: string,
  division?: string,
): string {
  if (!PREFIX.test(jurisdiction.prefix)) throw new Error('a jurisdiction prefix is 1 to 12 digits');
  for (const id of jurisdiction.batchIds) if (!Number.isSafeInteger(id)) throw new Error('batch ids are integers');
  const column = (name: string) =>
    alias ? `${quoteIdentifier(alias)}.${quoteIdentifier(name)}` : quoteIdentifier(name);
  const byBatch =
    jurisdiction.batchIds.length === 0 ? 'FALSE' : `${column('_batch_id')} IN (${jurisdiction.batchIds.join(', ')})`;
  const own = division ?? (hasDivision(dataset) ? column('division') : undefined);
  if (own === undefined) return byBatch;
  return `(${own} LIKE '${jurisdiction.prefix}%' OR (${own} IS NULL AND ${byBatch}))`;
}

/**
 * The dataset types a row of `dataset` may take its division from: those it belongs to,
 * down the chain (a bid → its tender → the tender's buyer), without `dataset` itself.
 */
export function ownerDatasetsOf(dataset: DatasetRef): string[] {
  const reach: string[] = [];
  const visit = (type: DatasetRef) => {
    for (const ref of typeOf(type)?.belongsTo ?? []) {
      if (ref.dataset === keyOf(dataset) || reach.includes(ref.dataset) || findDataset(ref.dataset) === undefined)
        continue;
      reach.push(ref.dataset);
      visit(ref.dataset);
    }
  };
  visit(dataset);
  return reach;
}

/**
 * Which of these dataset types, and of those their rows belong to (down the chain), have a
 * `ds_*` table in the lake.
 */
export async function datasetTablesOf(lake: Lake, datasets: readonly string[]): Promise<Set<string>> {
  const reach = new Set<string>();
  for (const dataset of datasets) {
    if (findDataset(dataset) === undefined) continue;
    reach.add(dataset);
    for (const owner of ownerDatasetsOf(dataset)) reach.add(owner);
  }
  const tables = await lake.heldTables([...reach].map((dataset) => `ds_${dataset}`));
  return new Set([...reach].filter((dataset) => tables.has(`ds_${dataset}`)));
}

/**
 * The rows of `dataset` inside the jurisdiction, as a SELECT of the table's own columns:
 * by the division each row has or takes from the record it belongs to, else by its batch.
 */
export function rowsWithinSql(
  dataset: DatasetRef,
  jurisdiction: RowJurisdiction,
  tables: ReadonlySet<string>,
  schema = '',
): string {
  const division = rowDivisionSql(dataset, 't', tables, schema);
  const within = rowWithinSql(dataset, jurisdiction, 't', division.expr);
  return `SELECT ${quoteIdentifier('t')}.* FROM ${schema}${quoteIdentifier(`ds_${keyOf(dataset)}`)} AS ${quoteIdentifier('t')}${division.joins} WHERE ${within}`;
}

/** The dataset types whose `ds_*` table the query names, with the model's declared inputs. */
export function datasetsRead(sql: string, inputs: readonly string[]): string[] {
  const named = [...sql.matchAll(/\bds_([a-z][a-z0-9_]*)/g)].map((m) => m[1] as string);
  return [...new Set([...inputs, ...named])].filter((d) => findDataset(d) !== undefined).sort();
}

/**
 * `sql` with every `ds_*` table of `datasets` replaced by its rows inside the jurisdiction.
 * Tables the lake does not hold yet are left alone (the query fails or reads nothing as it
 * would have). The result selects the same columns, and the same `$n` parameters apply.
 */
export async function boundToJurisdiction(
  lake: Lake,
  sql: string,
  datasets: readonly string[],
  jurisdiction: RowJurisdiction,
): Promise<string> {
  const [current] = await lake.query<{ schema: string }>('SELECT current_schema() AS schema');
  const schema = `${quoteIdentifier(String(current?.schema))}.`;
  const tables = await datasetTablesOf(lake, datasets);
  const ctes: string[] = [];
  for (const dataset of datasets) {
    if (!tables.has(dataset)) continue;
    // NOT MATERIALIZED: the filter is pushed into each use instead of a copy of the table.
    ctes.push(
      `${quoteIdentifier(`ds_${dataset}`)} AS NOT MATERIALIZED (${rowsWithinSql(dataset, jurisdiction, tables, schema)})`,
    );
  }
  if (ctes.length === 0) return sql;
  // The query goes into a subquery, so one that begins with its own WITH stays valid.
  return `WITH ${ctes.join(', ')} SELECT * FROM (${sql}\n) AS bounded`;
}
