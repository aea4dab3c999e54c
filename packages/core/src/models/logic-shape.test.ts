import { describe, expect, it } from 'vitest';
import { compileModel } from './compiler/compile.js';
import { ModelSpecError } from './errors.js';
import { BUILTIN_MODELS, findBuiltinModel } from './library/index.js';
import { checkLogicShape } from './logic-shape.js';
import type { ModelSpec, RuleLogic } from './spec-types.js';
import { validateModelSpec } from './validate.js';

const W01 = findBuiltinModel('W01') as ModelSpec;

/** W01 with its logic changed by untyped JSON, as a builder document arrives. */
function withLogic(change: Record<string, unknown>): ModelSpec {
  const logic = { ...W01.logic, ...change } as unknown as RuleLogic;
  return { ...W01, logic };
}

describe('a model document of unknown shape', () => {
  it('is refused with the place of an unknown operator, before any compile', () => {
    const spec = withLogic({ where: [{ op: 'and', all: [{ op: '~', left: 'p.name', right: { value: 'x' } }] }] });
    expect(validateModelSpec(spec)).toEqual([
      'logic.where[0].all[0].op: unknown operator "~" (expected one of =, <>, <, <=, >, >=, in, not_in, is_null, not_null, and, or, not, during, overlaps, contains, exists, not_exists, within_any)',
    ]);
  });

  it('names unknown functions, aggregates, statistics, expression kinds, joins and severities', () => {
    const spec = withLogic({
      where: [
        { op: '=', left: { fn: 'read_text', args: [{ value: '/etc/passwd' }] }, right: { value: 1 } },
        { op: '>', left: { agg: 'string_agg', arg: 'p.name' }, right: { value: 1 } },
        { op: '>', left: { stat: 'median' }, right: { sql: '1=1' } },
      ],
      escalate: [{ to: 'black', when: { op: 'is_null', expr: { value: { nested: true } } } }],
    });
    const issues = checkLogicShape(spec.logic);
    expect(issues).toHaveLength(6);
    expect(issues[0]).toMatch(/^logic\.where\[0\]\.left\.fn: unknown function "read_text"/);
    expect(issues[1]).toMatch(/^logic\.where\[1\]\.left\.agg: unknown aggregate "string_agg"/);
    expect(issues[2]).toMatch(/^logic\.where\[2\]\.left\.stat: unknown statistic "median"/);
    expect(issues[3]).toMatch(/^logic\.where\[2\]\.right: unknown expression kind/);
    expect(issues[4]).toMatch(/^logic\.escalate\[0\]\.to: unknown severity "black"/);
    expect(issues[5]).toMatch(/^logic\.escalate\[0\]\.when\.expr\.value: must be text, a number/);
    const joined = withLogic({
      sources: [
        ...(W01.logic as RuleLogic).sources.slice(0, 1),
        { alias: 'd', dataset: 'death', role: 'death', join: 'cross' },
      ],
    });
    expect(checkLogicShape(joined.logic)).toEqual([
      'logic.sources[1].join: unknown join "cross" (expected one of inner, left)',
    ]);
  });

  it('names malformed nodes instead of throwing', () => {
    expect(checkLogicShape(null)).toEqual(['logic: must be an object with a "kind"']);
    expect(checkLogicShape({ kind: 'graph' })[0]).toMatch(/^logic\.kind: unknown logic kind "graph"/);
    expect(checkLogicShape({ kind: 'union', branches: [{ sources: 3 }] })).toContain(
      'logic.branches[0].sources: must be a list',
    );
  });

  it('passes every built-in model', () => {
    for (const spec of BUILTIN_MODELS) expect(checkLogicShape(spec.logic), spec.id).toEqual([]);
  });
});

describe('the compiler, handed an unchecked document', () => {
  it('throws ModelSpecError on an unknown operator or aggregate rather than writing broken SQL', () => {
    const badOp = withLogic({ where: [{ op: 'like', left: 'p.name', right: { value: 'x' } }] });
    expect(() => compileModel(badOp, { engine: 'duckdb' })).toThrow(ModelSpecError);
    expect(() => compileModel(badOp, { engine: 'postgres' })).toThrow(/logic\.where\[0\]: unknown operator "like"/);
    const badAgg = withLogic({
      aggregate: {
        groupBy: ['p.id'],
        having: [{ op: '>', left: { agg: 'read_text', arg: 'p.name' }, right: { value: 1 } }],
      },
    });
    expect(() => compileModel(badAgg, { engine: 'duckdb' })).toThrow(/unknown aggregate "read_text"/);
  });
});
