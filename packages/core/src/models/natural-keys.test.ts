import { describe, expect, it } from 'vitest';
import { findDataset, findField } from '../standard/catalogue.js';
import type { StandardDatasetType } from '../standard/catalogue-types.js';
import { compileModel } from './compiler/compile.js';
import { BUILTIN_MODELS } from './library/index.js';
import type { ModelSpec } from './spec-types.js';

/*
 * What a warning needs of every dataset type a built-in model reads. A hit key is built from
 * the natural keys of the model's sources (DatasetType.naturalKey), so the same hit found
 * again after a re-import updates its warning instead of duplicating it; a warning lies in
 * the jurisdiction of its evidence rows' `division` column, else of their batch.
 */

const WHERE = 'packages/core/src/standard/datasets/';

/** Each dataset type the built-in library reads, with the models that read it. */
const READERS = new Map<string, string[]>();
for (const model of BUILTIN_MODELS) {
  for (const input of model.inputs) READERS.set(input, [...(READERS.get(input) ?? []), model.id]);
}
const READ = [...READERS].map(([key, models]) => [key, models.join(', ')] as const);

function standardType(key: string, models: string): StandardDatasetType {
  const dataset = findDataset(key);
  if (dataset === undefined) throw new Error(`${models} read "${key}", which is not a dataset type of the standard`);
  return dataset;
}

/** A one-source rule over the dataset, hit-keyed by the natural key unless given a key. */
function oneSourceModel(dataset: string, key?: readonly string[]): ModelSpec {
  const model = BUILTIN_MODELS[0] as ModelSpec;
  return {
    ...model,
    id: 'T01',
    inputs: [dataset],
    parameters: [],
    incremental: false,
    logic: {
      kind: 'rule',
      sources: [{ alias: 'a', dataset, role: 'row' }],
      subject: { value: null },
      facts: {},
      ...(key === undefined ? {} : { key }),
    },
  };
}

describe('what warnings need of each dataset type a built-in model reads', () => {
  it('finds the datasets the library reads', () => {
    expect(READ.length).toBeGreaterThan(0);
  });

  it.each(READ)('%s (read by %s) declares a natural key of its own fields, one of them required', (key, models) => {
    const dataset = standardType(key, models);
    const natural: readonly string[] = dataset.naturalKey ?? [];
    const why = `${key} is read by ${models}, whose hit keys are built from its natural key`;
    expect(natural.length, `${why}: declare naturalKey on its document in ${WHERE}`).toBeGreaterThan(0);
    expect(new Set(natural).size, `${key}.naturalKey names a field twice`).toBe(natural.length);
    for (const field of natural) {
      expect(
        findField(dataset, field),
        `${key}.naturalKey names "${field}", which is no field of ${key}`,
      ).toBeDefined();
    }
    // An empty part hashes as '~': rows missing every part would all share one hit key.
    expect(
      natural.some((field) => findField(dataset, field)?.required === true),
      `${why}: make at least one of its fields (${natural.join(', ')}) required`,
    ).toBe(true);
  });

  it.each(READ)('%s: a rule without a key hashes its natural key, on both engines', (key, models) => {
    const natural = (standardType(key, models).naturalKey ?? []).map((field) => `a.${field}`);
    for (const engine of ['duckdb', 'postgres'] as const) {
      const byDefault = compileModel(oneSourceModel(key), { engine });
      expect(byDefault.sql, `${key} on ${engine}`).toBe(compileModel(oneSourceModel(key, natural), { engine }).sql);
    }
  });

  it.each(READ)("%s: a `division` column holds a division code, the warning's jurisdiction", (key, models) => {
    const division = findField(standardType(key, models), 'division');
    if (division !== undefined) expect(division.type, `${key}.division`).toBe('division');
  });
});
