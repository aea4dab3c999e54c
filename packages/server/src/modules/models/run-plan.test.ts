import { describe, expect, it } from 'vitest';
import { builtinModels, type ModelDocument } from './model-engine.js';
import type { ModelWithVersion } from './models.repository.js';
import { incrementalWeight, planRun } from './run-plan.js';

function builtin(id: string): ModelDocument {
  const document = builtinModels().find((m) => m.id === id);
  if (document === undefined) throw new Error(`no built-in model ${id}`);
  return document;
}

/** A registered model as planRun reads it: only the id, version, parameters and document matter. */
function registered(id: string): ModelWithVersion {
  return { id, current_version: 1, params: {}, document: builtin(id) } as unknown as ModelWithVersion;
}

describe('incrementalWeight', () => {
  it('counts a query per source reading the new rows, each joining every source of its rule', () => {
    const changed = ['benefit_payment'];
    // W07 pairs two payments: two driving sources of two; W14 drives one query over three
    // sources (payment, lease, asset); W01 one over two (payment, death).
    expect(incrementalWeight(builtin('W07'), changed)).toBe(4);
    expect(incrementalWeight(builtin('W14'), changed)).toBe(3);
    expect(incrementalWeight(builtin('W01'), changed)).toBe(2);
    expect(incrementalWeight(builtin('W01'), ['tender'])).toBe(0);
  });
});

describe('planRun', () => {
  it('puts the costliest incremental models first and keeps the full ones in order', () => {
    // W08 and W09 cannot run incrementally; W01 is driven by payments and deaths alike.
    const models = ['W08', 'W01', 'W14', 'W09', 'W07'].map(registered);
    const plan = planRun(models, { benefit_payment: [7] });
    const order = (mode: 'full' | 'incremental') => plan.filter((e) => e.mode === mode).map((e) => e.modelId);
    expect(order('full')).toEqual(['W08', 'W09']);
    expect(order('incremental')).toEqual(['W07', 'W14', 'W01']);
    // New deaths as well: W01 drives a query from each side, as costly as W07 (and listed first).
    expect(
      planRun(models, { benefit_payment: [7], death: [8] })
        .filter((e) => e.mode === 'incremental')
        .map((e) => e.modelId),
    ).toEqual(['W01', 'W07', 'W14']);
  });
});
