import { findDataset, findField } from '../standard/catalogue.js';
import type { ModelSpec } from './spec-types.js';

const COLUMN_REF = /^([a-z][a-z0-9_]*)\.([a-z_][a-z0-9_]*)(?:\.[a-z_]+)?$/;
// In a SQL template: `FROM ds_collective_lease AS l`, `JOIN ds_bid b`.
const TABLE_ALIAS = /\bds_([a-z][a-z0-9_]*)\s+(?:as\s+)?([a-z][a-z0-9_]*)/gi;
const SQL_COLUMN = /\b([a-z][a-z0-9_]*)\.([a-z_][a-z0-9_]*)\b/gi;
const SQL_WORDS = new Set(['on', 'where', 'join', 'left', 'inner', 'cross', 'using', 'group', 'order', 'limit']);
// Lake columns a field becomes (lake-layout): the subject key and what an identity number gives.
const DERIVED_SUFFIX = /_(sk|birth_date|sex|region)$/;

function addField(out: Map<string, Set<string>>, dataset: string, column: string): void {
  const type = findDataset(dataset);
  if (type === undefined) return;
  const key = findField(type, column) !== undefined ? column : column.replace(DERIVED_SUFFIX, '');
  if (findField(type, key) === undefined) return;
  const fields = out.get(dataset) ?? new Set<string>();
  fields.add(key);
  out.set(dataset, fields);
}

/** Every `{ alias, dataset }` pair in the logic (sources, `exists` conditions, lookups). */
function aliasesOf(node: unknown, out: Map<string, Set<string>>): void {
  if (Array.isArray(node)) {
    for (const item of node) aliasesOf(item, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (typeof record.alias === 'string' && typeof record.dataset === 'string') {
    const datasets = out.get(record.alias) ?? new Set<string>();
    datasets.add(record.dataset);
    out.set(record.alias, datasets);
  }
  for (const value of Object.values(record)) aliasesOf(value, out);
}

function columnRefsOf(node: unknown, visit: (alias: string, column: string) => void): void {
  if (typeof node === 'string') {
    const m = COLUMN_REF.exec(node);
    if (m?.[1] !== undefined && m[2] !== undefined) visit(m[1], m[2]);
  } else if (Array.isArray(node)) {
    for (const item of node) columnRefsOf(item, visit);
  } else if (typeof node === 'object' && node !== null) {
    for (const value of Object.values(node as Record<string, unknown>)) columnRefsOf(value, visit);
  }
}

function sqlTextsOf(spec: ModelSpec): string[] {
  if (spec.logic.kind !== 'sql') return [];
  const { sql } = spec.logic;
  return 'portable' in sql ? [sql.portable] : [sql.duckdb, sql.postgres];
}

/**
 * The fields of each dataset type a model reads (dataset key → field keys): every column
 * its rule or union logic names (`alias.field`, `alias.id.birth_date` reading `id`), or,
 * for a SQL template, every `alias.column` of a `ds_<type> alias` it selects from. A field
 * read only to join or filter counts: empty, it leaves the model without rows to compare.
 */
export function fieldsReadByModel(spec: ModelSpec): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const aliases = new Map<string, Set<string>>();
  const visit = (alias: string, column: string): void => {
    for (const dataset of aliases.get(alias) ?? []) addField(out, dataset, column);
  };
  if (spec.logic.kind === 'sql') {
    for (const text of sqlTextsOf(spec)) {
      for (const m of text.matchAll(TABLE_ALIAS)) {
        const [, dataset = '', alias = ''] = m;
        if (SQL_WORDS.has(alias.toLowerCase())) continue;
        const datasets = aliases.get(alias) ?? new Set<string>();
        datasets.add(dataset);
        aliases.set(alias, datasets);
      }
      for (const m of text.matchAll(SQL_COLUMN)) {
        const [, alias = '', column = ''] = m;
        if (alias.startsWith('ds_')) addField(out, alias.slice(3), column);
        else visit(alias, column);
      }
    }
    return out;
  }
  aliasesOf(spec.logic, aliases);
  columnRefsOf(spec.logic, visit);
  return out;
}
