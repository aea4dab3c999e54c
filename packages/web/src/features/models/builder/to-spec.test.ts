import { validateModelSpec } from '@qingfeng/core';
import { describe, expect, it } from 'vitest';
import { ALL_DRAFTS, companySumDraft, existsDraft, monthlyCountDraft, rowDraft } from './test-drafts';
import { toModelSpec } from './to-spec';

describe('toModelSpec', () => {
  it.each(Object.entries(ALL_DRAFTS))('writes a valid document for %s', (_, make) => {
    expect(validateModelSpec(toModelSpec(make()))).toEqual([]);
  });

  it('writes row conditions, joins and facts as the built-ins do', () => {
    const spec = toModelSpec(rowDraft());
    expect(spec.incremental).toEqual({ drivers: ['benefit_payment', 'person'] });
    expect(spec.logic).toEqual({
      kind: 'rule',
      sources: [
        { alias: 'a', dataset: 'benefit_payment', role: 'benefit_payment' },
        { alias: 'b', dataset: 'person', role: 'person', join: 'left', on: [{ op: '=', left: 'a.id', right: 'b.id' }] },
      ],
      where: [
        { op: '>=', left: 'a.amount', right: { param: 'threshold' } },
        {
          op: '<=',
          left: { fn: 'abs', args: [{ fn: 'days_between', args: ['b.birth_date', 'a.paid_on'] }] },
          right: { param: 'window' },
        },
        { op: '=', left: 'a.program', right: { value: 'dibao' } },
        { op: 'not_null', expr: 'b.status' },
      ],
      subject: 'a.id',
      facts: { a_name: 'a.name', a_amount: 'a.amount', threshold: { param: 'threshold' } },
    });
  });

  it('writes a count per subject and month as a group with a threshold, run in full', () => {
    const spec = toModelSpec(monthlyCountDraft());
    expect(spec.incremental).toBe(false);
    if (spec.logic.kind !== 'rule') throw new Error('rule expected');
    expect(spec.logic.aggregate).toEqual({
      groupBy: ['a.id', { fn: 'month_of', args: ['a.paid_on'] }],
      having: [{ op: '>=', left: { agg: 'count' }, right: { param: 'min_payments' } }],
    });
    expect(spec.logic.subject).toBe('a.id');
    // A field that is not a group key is one value of the group.
    expect(spec.logic.facts).toEqual({
      a_name: { agg: 'min', arg: 'a.name' },
      a_paid_on_month: { fn: 'month_of', args: ['a.paid_on'] },
      count: { agg: 'count' },
      sum_a_amount: { agg: 'sum', arg: 'a.amount' },
    });
  });

  it('writes sums and distinct counts with numeric values', () => {
    const spec = toModelSpec(companySumDraft());
    if (spec.logic.kind !== 'rule') throw new Error('rule expected');
    expect(spec.logic.aggregate?.having).toEqual([
      { op: '>', left: { agg: 'sum', arg: 'a.amount' }, right: { value: 1000000 } },
      { op: '>=', left: { agg: 'count', arg: 'a.unit_uscc', distinct: true }, right: { value: 2 } },
    ]);
    expect(spec.logic.facts).toMatchObject({ a_counterparty_name: { agg: 'min', arg: 'a.counterparty_name' } });
  });

  it('groups by a subject that is not a key through its smallest value', () => {
    const draft = {
      ...monthlyCountDraft(),
      explanation: { zh: '{a_account_no}: {count}', en: '{a_account_no}: {count}' },
    };
    draft.aggregate = { groupBy: [{ field: 'a.account_no' }], having: draft.aggregate?.having ?? [] };
    const spec = toModelSpec(draft);
    if (spec.logic.kind !== 'rule') throw new Error('rule expected');
    expect(spec.logic.subject).toEqual({ agg: 'min', arg: 'a.id' });
    expect(spec.logic.facts).toEqual({ a_account_no: 'a.account_no', count: { agg: 'count' } });
    expect(validateModelSpec(spec)).toEqual([]);
  });

  it('writes exists checks with key pairs and a date window, reading but not driving their datasets', () => {
    const spec = toModelSpec(existsDraft());
    expect(spec.inputs).toEqual(['benefit_payment', 'death', 'person']);
    expect(spec.incremental).toEqual({ drivers: ['benefit_payment'] });
    if (spec.logic.kind !== 'rule') throw new Error('rule expected');
    expect(spec.logic.sources).toHaveLength(1);
    expect(spec.logic.where).toEqual([
      {
        op: 'not_exists',
        alias: 'x1',
        dataset: 'death',
        where: [
          { op: '=', left: 'x1.id', right: 'a.id' },
          { op: '>', left: 'a.paid_on', right: { fn: 'add_days', args: ['x1.death_date', { param: 'grace_days' }] } },
        ],
      },
      { op: 'exists', alias: 'x2', dataset: 'person', where: [{ op: '=', left: 'x2.id', right: 'a.id' }] },
    ]);
  });
});
