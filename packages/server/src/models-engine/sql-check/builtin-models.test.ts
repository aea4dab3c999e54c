import { BUILTIN_MODELS, compileModel, type ModelSpec } from '@qingfeng/core';
import { describe, expect, it } from 'vitest';
import { checkModelDocumentSql, checkModelSql } from './index.js';

describe('the parser check and the built-in models', () => {
  it.each(BUILTIN_MODELS.map((spec) => [spec.id, spec] as const))(
    'accepts %s in full on both engines',
    async (_, spec) => {
      expect(await checkModelDocumentSql(spec, {})).toBeUndefined();
    },
  );

  it.each(BUILTIN_MODELS.filter((spec) => spec.incremental !== false).map((spec) => [spec.id, spec] as const))(
    'accepts %s run incrementally on both engines',
    async (_, spec) => {
      const newBatches = Object.fromEntries(spec.inputs.map((input) => [input, [1, 2]]));
      for (const engine of ['duckdb', 'postgres'] as const) {
        const { sql } = compileModel(spec, { engine, newBatches });
        expect(await checkModelSql(sql, engine, spec.inputs)).toBeUndefined();
      }
    },
  );
});

/** A builder document whose facts call every portable function of the rule language. */
function everyFunctionModel(): ModelSpec {
  const call = (fn: string, ...args: unknown[]) => ({ fn, args });
  const facts: Record<string, unknown> = {
    add_days: call('add_days', 'p.paid_on', { value: 3 }),
    days_between: call('days_between', 'p.paid_on', call('today')),
    month_start: call('month_start', 'p.period'),
    month_end: call('month_end', 'p.period'),
    month_of: call('month_of', 'p.paid_on'),
    year_start: call('year_start', call('year_of', 'p.paid_on')),
    year_end: call('year_end', call('year_of', 'p.paid_on')),
    date_of: call('date_of', 'p.paid_on'),
    age_years: call('age_years', 'p.paid_on', call('today')),
    iso_dow: call('iso_dow', 'p.paid_on'),
    hour_of: call('hour_of', 'p.paid_on'),
    arithmetic: call(
      'div',
      call('mul', call('add', 'p.amount', 'p.amount'), { value: 2 }),
      call('sub', 'p.amount', { value: 1 }),
    ),
    abs: call('abs', 'p.amount'),
    coalesce: call('coalesce', 'p.name', { value: '-' }),
    concat: call('concat', 'p.name', call('text', 'p.amount')),
    distance_km: call('distance_km', { value: 30.1 }, { value: 120.1 }, { value: 30.2 }, { value: 120.2 }),
    within: call('division_within', 'p.division', { value: '330106000000' }),
  };
  const spec = BUILTIN_MODELS.find((m) => m.id === 'W01') as ModelSpec;
  return {
    ...spec,
    id: 'U_EVERY_FN',
    inputs: ['benefit_payment'],
    parameters: [],
    incremental: false,
    logic: {
      kind: 'rule',
      sources: [{ alias: 'p', dataset: 'benefit_payment', role: 'payment' }],
      subject: 'p.id',
      facts,
    },
  } as unknown as ModelSpec;
}

it('accepts a builder document calling every function of the rule language, on both engines', async () => {
  expect(await checkModelDocumentSql(everyFunctionModel(), {})).toBeUndefined();
});
