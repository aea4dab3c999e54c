import { expect, it } from 'vitest';
import { findDataset, listDatasets } from './catalogue.js';

/*
 * A row without a division of its own lies where the record it belongs to lies
 * (`belongsTo`). Each reference must name a field of the row and a key of a dataset that
 * can give a division, with values of the same type, and no chain may come back on itself.
 */

it('every reference names a field and a key of the same type, on a dataset that can give a division', () => {
  const problems: string[] = [];
  for (const dataset of listDatasets()) {
    for (const ref of dataset.belongsTo ?? []) {
      const field = dataset.fields.find((f) => f.key === ref.field);
      const target = findDataset(ref.dataset);
      const key = target?.fields.find((f) => f.key === ref.key);
      const where = `${dataset.key}.${ref.field} → ${ref.dataset}.${ref.key}`;
      if (!field || !key) problems.push(`${where}: no such field`);
      else if (field.type !== key.type) problems.push(`${where}: ${field.type} ≠ ${key.type}`);
      const gives = target?.fields.some((f) => f.key === 'division') || (target?.belongsTo ?? []).length > 0;
      if (!gives) problems.push(`${where}: ${ref.dataset} has no division to give`);
    }
  }
  expect(problems).toEqual([]);
});

it('no chain of references comes back to where it started', () => {
  const visit = (key: string, path: string[]): string[] => {
    if (path.includes(key)) return [[...path, key].join(' → ')];
    return (findDataset(key)?.belongsTo ?? []).flatMap((r) => visit(r.dataset, [...path, key]));
  };
  expect(listDatasets().flatMap((d) => visit(d.key, []))).toEqual([]);
});

it('a ledger entry follows its organisation, and a tender, bid or contract its buyer', () => {
  const owners = (key: string) => (findDataset(key)?.belongsTo ?? []).map((r) => `${r.field}→${r.dataset}`);
  expect(owners('collective_ledger')).toEqual(['org_code→collective_org']);
  expect(owners('tender')).toEqual(['buyer_uscc→company']);
  expect(owners('bid')).toEqual(['tender_id→tender']);
  expect(owners('contract')).toEqual(['tender_id→tender', 'unit_uscc→company']);
});
