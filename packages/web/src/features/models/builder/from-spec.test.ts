import { BUILTIN_MODELS, type ModelSpec } from '@qingfeng/core';
import { describe, expect, it } from 'vitest';
import { firstDifference, fromModelSpec } from './from-spec';
import { ALL_DRAFTS, existsDraft, monthlyCountDraft } from './test-drafts';
import { toModelSpec } from './to-spec';

/** A document edited as JSON, the way a document from elsewhere may differ from the builder's. */
const edit = (spec: ModelSpec, change: (doc: Record<string, any>) => void): ModelSpec => {
  const doc = structuredClone(spec) as unknown as Record<string, any>;
  change(doc);
  return doc as unknown as ModelSpec;
};

describe('fromModelSpec', () => {
  it.each(Object.entries(ALL_DRAFTS))('round-trips %s: draft → document → the same draft and document', (_, make) => {
    const draft = make();
    const spec = toModelSpec(draft);
    const back = fromModelSpec(spec);
    expect(back.problems).toEqual([]);
    expect(back.draft).toEqual(draft);
    expect(toModelSpec(back.draft)).toEqual(spec);
  });

  it('opens a later version of a document (the version is the server’s)', () => {
    const spec = { ...toModelSpec(existsDraft()), version: 4 };
    expect(fromModelSpec(spec).problems).toEqual([]);
  });

  it('names what it cannot show instead of dropping it', () => {
    const spec = toModelSpec(monthlyCountDraft());
    const withEscalation = edit(spec, (d) => {
      d.logic.escalate = [{ to: 'red', when: { op: '>', left: { agg: 'count' }, right: { value: 5 } } }];
      d.escalation = { zh: '超过5次升红', en: 'Red above 5' };
    });
    expect(fromModelSpec(withEscalation).problems).toEqual([
      { code: 'feature', path: 'escalation' },
      { code: 'feature', path: 'logic.escalate' },
    ]);
    const filtered = edit(spec, (d) => {
      d.logic.aggregate.having[0].left = { agg: 'count', filter: { op: 'not_null', expr: 'a.account_no' } };
    });
    expect(fromModelSpec(filtered).problems).toEqual([{ code: 'aggregate', path: 'logic.aggregate.having[0]' }]);
    const orCondition = edit(toModelSpec(existsDraft()), (d) => {
      d.logic.where[0].where.push({ op: 'or', all: [] });
    });
    expect(fromModelSpec(orCondition).problems).toEqual([{ code: 'condition', path: 'logic.where[0].where[2]' }]);
  });

  it('refuses a document the builder would write differently, naming the first difference', () => {
    const spec = edit(toModelSpec(monthlyCountDraft()), (d) => {
      d.logic.facts.period = 'a.period';
    });
    expect(fromModelSpec(spec).problems).toEqual([{ code: 'differs', path: 'logic.facts.period' }]);
  });

  it('opens no built-in model silently changed: each is refused or reproduced exactly', () => {
    for (const model of BUILTIN_MODELS) {
      const { draft, problems } = fromModelSpec(model);
      if (problems.length === 0) expect(toModelSpec(draft), model.id).toEqual({ ...model, version: 1 });
    }
    expect(fromModelSpec(BUILTIN_MODELS.find((m) => m.id === 'W09') as ModelSpec).problems).toEqual([
      { code: 'logic', path: 'logic.kind' },
    ]);
  });
});

describe('firstDifference', () => {
  it('finds the first differing path and ignores absent keys', () => {
    expect(firstDifference({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).toBeUndefined();
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('a[1].b');
    expect(firstDifference({ a: [1] }, { a: [1, 2] })).toBe('a');
    expect(firstDifference(1, '1')).toBe('(document)');
  });
});
