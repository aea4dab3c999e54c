import { describe, expect, it } from 'vitest';
import { compileModel, MODEL_OUTPUT_COLUMNS } from './compiler/compile.js';
import { ModelSpecError } from './errors.js';
import { findBuiltinModel } from './library/index.js';
import { resolveParams } from './params.js';
import type { ModelSpec, RuleLogic } from './spec-types.js';

const W01 = findBuiltinModel('W01') as ModelSpec;

function withLogic(logic: Partial<RuleLogic>, extra: Partial<ModelSpec> = {}): ModelSpec {
  return { ...W01, ...extra, logic: { ...(W01.logic as RuleLogic), ...logic } };
}

describe('compileModel', () => {
  it('binds every value positionally and never splices it', () => {
    const evil = "x'); DROP TABLE ds_death; --";
    const spec = withLogic({ where: [{ op: '=', left: 'p.name', right: { value: evil } }] });
    for (const engine of ['duckdb', 'postgres'] as const) {
      const { sql, params } = compileModel(spec, { engine, params: { grace_days: 45 } });
      expect(sql).not.toContain('DROP TABLE');
      expect(params).toContain(evil);
      expect(params).toContain(45);
      expect(sql).toMatch(/CAST\(\$\d+ AS INTEGER\)/);
    }
  });

  it('returns the output contract columns in order', () => {
    const { sql } = compileModel(W01, { engine: 'postgres' });
    expect(sql).toContain(`SELECT ${MODEL_OUTPUT_COLUMNS.join(', ')} FROM`);
  });

  it('takes identifiers only from the catalogue', () => {
    const unknownField = withLogic({ facts: { x: 'p.no_such_field' } });
    expect(() => compileModel(unknownField, { engine: 'duckdb' })).toThrow(
      /benefit_payment" has no field "no_such_field"/,
    );
    const injected = withLogic({ facts: { x: 'p.name"; DROP TABLE x; --' } });
    expect(() => compileModel(injected, { engine: 'duckdb' })).toThrow(ModelSpecError);
    const badDataset = withLogic({ sources: [{ alias: 'p', dataset: 'secret_table', role: 'x' }] });
    expect(() => compileModel(badDataset, { engine: 'duckdb' })).toThrow(/unknown dataset type "secret_table"/);
    const badAlias = withLogic({ sources: [{ alias: 'P; x', dataset: 'death', role: 'x' }] });
    expect(() => compileModel(badAlias, { engine: 'duckdb' })).toThrow(/alias/);
    const badFact = withLogic({ facts: { 'a":1,"b': 'p.name' } });
    expect(() => compileModel(badFact, { engine: 'duckdb' })).toThrow(/snake_case/);
  });

  it('names the place in the document for unknown parameters and misplaced aggregates', () => {
    expect(() =>
      compileModel(withLogic({ where: [{ op: '>', left: 'p.amount', right: { param: 'nope' } }] }), {
        engine: 'duckdb',
      }),
    ).toThrow(/logic\.where\[0\]\.right: unknown parameter "nope"/);
    expect(() => compileModel(withLogic({ facts: { n: { agg: 'count' } } }), { engine: 'duckdb' })).toThrow(
      /only allowed in an aggregate rule/,
    );
    expect(() =>
      compileModel(withLogic({ where: [{ op: '=', left: 'p.id', right: 'p.name' }] }), { engine: 'duckdb' }),
    ).toThrow(/subject key/);
  });

  it('checks parameter overrides against their declarations', () => {
    expect(() => compileModel(W01, { engine: 'duckdb', params: { grace_days: -1 } })).toThrow(
      /params\.grace_days: must be at least 0/,
    );
    expect(() => compileModel(W01, { engine: 'duckdb', params: { grace_days: 1.5 } })).toThrow(/whole number/);
    expect(() => compileModel(W01, { engine: 'duckdb', params: { nope: 1 } })).toThrow(/no parameter "nope"/);
    expect(resolveParams(W01, {})).toEqual({ grace_days: 30 });
  });

  it('expands list parameters into one bound value each, and an empty list into FALSE', () => {
    const f01 = findBuiltinModel('F01') as ModelSpec;
    const { params } = compileModel(f01, {
      engine: 'duckdb',
      params: { holidays: ['2024-10-01', '2024-10-02'], venues: [] },
    });
    expect(params).toEqual(expect.arrayContaining(['2024-10-01', '2024-10-02']));
    expect(compileModel(f01, { engine: 'duckdb', params: { venues: [] } }).sql).toContain('FALSE');
  });

  it('binds template placeholders and refuses unknown tables in a template', () => {
    const pr13 = findBuiltinModel('PR13') as ModelSpec;
    const { sql, params } = compileModel(pr13, { engine: 'postgres', params: { k: 3 } });
    expect(sql).not.toContain('{{');
    expect(params).toContain(3);
    const bad: ModelSpec = {
      ...pr13,
      logic: { kind: 'sql', sql: { portable: 'SELECT * FROM ds_nothing' }, facts: {}, why: 'test' },
    };
    expect(() => compileModel(bad, { engine: 'duckdb' })).toThrow(/unknown dataset table "ds_nothing"/);
  });

  it('spells engine-specific constructs per engine', () => {
    const w08 = findBuiltinModel('W08') as ModelSpec;
    expect(compileModel(w08, { engine: 'duckdb' }).sql).toContain('strftime(CAST(');
    expect(compileModel(w08, { engine: 'postgres' }).sql).toContain('to_char(');
  });

  it('writes the text keys of a join on several equalities as expressions on DuckDB only', () => {
    // W14: asset on asset_id and org_code (two text keys); payments and leases on one subject key.
    const w14 = findBuiltinModel('W14') as ModelSpec;
    const duckdb = compileModel(w14, { engine: 'duckdb' }).sql;
    expect(duckdb).toContain(`(("a"."asset_id" || '') = ("l"."asset_id" || ''))`);
    expect(duckdb).toContain(`(("a"."org_code" || '') = ("l"."org_code" || ''))`);
    expect(duckdb).toContain(`("l"."lessee_sk" = "p"."id_sk")`);
    const postgres = compileModel(w14, { engine: 'postgres' }).sql;
    expect(postgres).toContain(`("a"."asset_id" = "l"."asset_id") AND ("a"."org_code" = "l"."org_code")`);
    // A subject key among several keys stays a bare column (PR07: contracts of one unit and supplier).
    const pr07 = compileModel(findBuiltinModel('PR07') as ModelSpec, { engine: 'duckdb' }).sql;
    expect(pr07).toContain(
      `(("b"."unit_name" || '') = ("a"."unit_name" || '')) AND ("b"."counterparty_sk" = "a"."counterparty_sk")`,
    );
  });
});
