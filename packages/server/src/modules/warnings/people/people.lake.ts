import { STANDARD_DATASETS } from '@qingfeng/core';
import { type Lake, parameterList, quoteIdentifier } from '../../../lake/index.js';
import { datasetTablesOf, type RowJurisdiction, rowsWithinSql } from '../../../models-engine/model-engine.js';

/*
 * Lake SQL of a person search: people are found in the rows of the datasets that name a
 * person (a `name` beside an identity number `id`), always through the viewer's
 * jurisdiction (the engine's rowsWithinSql, checked literals only), every value bound.
 */

/** Datasets whose rows name a person: a text `name` beside a citizen identity number `id`. */
export const PERSON_DATASETS: readonly string[] = STANDARD_DATASETS.filter(
  (d) =>
    d.fields.some((f) => f.key === 'id' && f.type === 'id') &&
    d.fields.some((f) => f.key === 'name' && f.type === 'text'),
).map((d) => d.key);

/** Most subjects one name search resolves to: a common family name must not pull a county's register. */
const MAX_PEOPLE_FOUND = 20;

/** `text` as a LIKE pattern matching itself literally: `%`, `_` and the escape character lose their meaning. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The person datasets held in the lake, and the relation of each one's rows inside the scope (`AS t`). */
async function scopedPersonRows(lake: Lake, scope: RowJurisdiction | undefined): Promise<string[]> {
  const tables = await datasetTablesOf(lake, PERSON_DATASETS);
  return PERSON_DATASETS.filter((d) => tables.has(d)).map((d) =>
    scope === undefined ? quoteIdentifier(`ds_${d}`) : `(${rowsWithinSql(d, scope, tables)})`,
  );
}

/**
 * The subject keys of people whose name starts with `name` in rows inside the scope, at
 * most MAX_PEOPLE_FOUND, lowest key first. Wildcards in `name` are taken literally.
 */
export async function findSubjectKeysByName(
  lake: Lake,
  scope: RowJurisdiction | undefined,
  name: string,
): Promise<number[]> {
  const relations = await scopedPersonRows(lake, scope);
  if (relations.length === 0) return [];
  const union = relations
    .map((from) => `SELECT t.id_sk AS sk FROM ${from} t WHERE t.name LIKE $1 ESCAPE '\\' AND t.id_sk IS NOT NULL`)
    .join(' UNION ');
  const rows = await lake.query<{ sk: unknown }>(
    `SELECT sk FROM (${union}) found ORDER BY sk LIMIT ${MAX_PEOPLE_FOUND}`,
    [`${likeLiteral(name)}%`],
  );
  return rows.map((r) => Number(r.sk));
}

/**
 * The subject key an identity number's blind indexes name (one per key of the ring: during a
 * rotation the row may still carry the older key's), or undefined when the lake never saw it.
 */
export async function findSubjectKeyByHash(lake: Lake, identifierHashes: string[]): Promise<number | undefined> {
  if (!(await lake.hasTable('subject_index'))) return undefined;
  const rows = await lake.query<{ subject_key: unknown }>(
    `SELECT subject_key FROM subject_index WHERE identifier_hash IN (${parameterList(identifierHashes)}) AND kind = 'person'`,
    identifierHashes,
  );
  return rows[0] === undefined ? undefined : Number(rows[0].subject_key);
}

/**
 * The name each of these people goes by in rows inside the scope (that of their latest
 * batch); a person no row in the scope names is absent.
 */
export async function findNamesInScope(
  lake: Lake,
  scope: RowJurisdiction | undefined,
  subjectKeys: readonly number[],
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const relations = await scopedPersonRows(lake, scope);
  if (relations.length === 0 || subjectKeys.length === 0) return out;
  const placeholders = subjectKeys.map((_k, i) => `$${i + 1}`).join(', ');
  const union = relations
    .map(
      (from) =>
        `SELECT t.id_sk AS sk, t.name AS name, t._batch_id AS batch FROM ${from} t WHERE t.id_sk IN (${placeholders})`,
    )
    .join(' UNION ALL ');
  const rows = await lake.query<{ sk: unknown; name: unknown; batch: unknown }>(
    `SELECT sk, name, batch FROM (${union}) named ORDER BY batch`,
    [...subjectKeys],
  );
  for (const row of rows) if (typeof row.name === 'string' && row.name !== '') out.set(Number(row.sk), row.name);
  return out;
}
