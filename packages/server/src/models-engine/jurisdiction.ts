import { findDataset } from '@qingfeng/core';
import { type Lake, quoteIdentifier } from '../lake/index.js';

/*
 * Jurisdiction inside the query. A county's user previews or runs a model over that
 * county's rows only, whatever the model's SQL says: every `ds_*` table the compiled query
 * reads is shadowed by a CTE of the same name holding only the rows inside the
 * jurisdiction. The engine resolves the query's table names to those CTEs (nested
 * subqueries and the query's own CTEs included), so builder models, incremental
 * restrictions and hand-written SQL models are bounded alike, and no filter in the model
 * can widen what it sees. The CTEs read the real tables by their schema-qualified name:
 * DuckDB refuses a CTE that names itself without one ("circular reference").
 */

/** The rows of a jurisdiction: the rule of the security model, for the lake. */
export interface RowJurisdiction {
  /** Division codes starting with this are inside; never '' (the whole country needs no bound). */
  readonly prefix: string;
  /** Loaded batches inside it (of any dataset): rows without a division lie where their batch does. */
  readonly batchIds: readonly number[];
}

const PREFIX = /^\d{1,12}$/;

/** Whether the catalogue gives this dataset a division of its own for each row. */
function hasDivision(dataset: string): boolean {
  return findDataset(dataset)?.fields.some((f) => f.key === 'division' && f.type === 'division') ?? false;
}

/**
 * The condition keeping a row of `dataset` inside the jurisdiction: its own division where
 * it has one, else its batch's. Written with literals (a checked prefix of digits, checked
 * integers), so it can be put in front of any query without renumbering its parameters.
 */
export function rowWithinSql(dataset: string, jurisdiction: RowJurisdiction, alias?: string): string {
  if (!PREFIX.test(jurisdiction.prefix)) throw new Error('a jurisdiction prefix is 1 to 12 digits');
  for (const id of jurisdiction.batchIds) if (!Number.isSafeInteger(id)) throw new Error('batch ids are integers');
  const column = (name: string) =>
    alias ? `${quoteIdentifier(alias)}.${quoteIdentifier(name)}` : quoteIdentifier(name);
  const byBatch =
    jurisdiction.batchIds.length === 0 ? 'FALSE' : `${column('_batch_id')} IN (${jurisdiction.batchIds.join(', ')})`;
  if (!hasDivision(dataset)) return byBatch;
  const division = column('division');
  return `(${division} LIKE '${jurisdiction.prefix}%' OR (${division} IS NULL AND ${byBatch}))`;
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
  const schema = quoteIdentifier(String(current?.schema));
  const ctes: string[] = [];
  for (const dataset of datasets) {
    const table = quoteIdentifier(`ds_${dataset}`);
    if (!(await lake.hasTable(`ds_${dataset}`))) continue;
    // NOT MATERIALIZED: the filter is pushed into each use instead of a copy of the table.
    ctes.push(
      `${table} AS NOT MATERIALIZED (SELECT * FROM ${schema}.${table} WHERE ${rowWithinSql(dataset, jurisdiction)})`,
    );
  }
  if (ctes.length === 0) return sql;
  // The query goes into a subquery, so one that begins with its own WITH stays valid.
  return `WITH ${ctes.join(', ')} SELECT * FROM (${sql}\n) AS bounded`;
}
