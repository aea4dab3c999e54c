import { type Draft, emptyDraft } from './draft';

/*
 * Drafts of the shapes the builder offers, shared by the conversion tests. Each is
 * complete: its document passes core's validator.
 */

const texts = (zh: string, en: string) => ({ zh, en });

function base(id: string, explanation: Draft['explanation']): Draft {
  return {
    ...emptyDraft(),
    id,
    name: texts('测试模型', 'Test model'),
    basis: texts('依据', 'Basis'),
    handling: texts('核查', 'Check'),
    explanation,
  };
}

/** Payments above a threshold, within days of a date parameter window (row conditions only). */
export function rowDraft(): Draft {
  return {
    ...base('U_ROW', texts('{a_name}领取{a_amount}元', '{a_name} paid {a_amount} ({threshold})')),
    sources: [
      { dataset: 'benefit_payment', join: 'inner', on: [] },
      { dataset: 'person', join: 'left', on: [{ left: 'a.id', right: 'id' }] },
    ],
    params: [
      { key: 'threshold', type: 'money', default: 400, min: 0, unit: 'yuan', label: texts('金额', 'Amount') },
      { key: 'window', type: 'int', default: 30, min: 0, max: 365, unit: 'days', label: texts('天数', 'Days') },
    ],
    conditions: [
      { left: 'a.amount', op: '>=', right: { kind: 'param', key: 'threshold' } },
      { left: 'a.paid_on', op: 'within_days', right: { kind: 'field', field: 'b.birth_date' }, days: 'window' },
      { left: 'a.program', op: '=', right: { kind: 'value', value: 'dibao' } },
      { left: 'b.status', op: 'not_null', right: { kind: 'field', field: '' } },
    ],
    subject: 'a.id',
  };
}

/** "The same person is paid at least N times in a month." */
export function monthlyCountDraft(): Draft {
  return {
    ...base(
      'U_MONTHLY',
      texts(
        '{a_name}在{a_paid_on_month}领取{count}次，共{sum_a_amount}元',
        '{a_name}: {count} payments in {a_paid_on_month}',
      ),
    ),
    sources: [{ dataset: 'benefit_payment', join: 'inner', on: [] }],
    params: [{ key: 'min_payments', type: 'int', default: 2, min: 2, unit: 'count', label: texts('次数', 'Payments') }],
    aggregate: {
      groupBy: [{ field: 'a.id' }, { field: 'a.paid_on', bucket: 'month' }],
      having: [{ measure: 'count', op: '>=', right: { kind: 'param', key: 'min_payments' } }],
    },
    subject: 'a.id',
  };
}

/** "The amounts contracted with one company sum above X." */
export function companySumDraft(): Draft {
  return {
    ...base(
      'U_COMPANY',
      texts('{a_counterparty_name}合同合计{sum_a_amount}元', '{a_counterparty_name}: {sum_a_amount}'),
    ),
    sources: [{ dataset: 'contract', join: 'inner', on: [] }],
    aggregate: {
      groupBy: [{ field: 'a.counterparty' }],
      having: [
        { measure: 'sum', field: 'a.amount', op: '>', right: { kind: 'value', value: '1000000' } },
        { measure: 'count_distinct', field: 'a.unit_uscc', op: '>=', right: { kind: 'value', value: '2' } },
      ],
    },
    subject: 'a.counterparty',
  };
}

/** "Paid although no death is on record more than the grace days before the payment", and a check that a person exists. */
export function existsDraft(): Draft {
  return {
    ...base('U_EXISTS', texts('{a_name}领取{a_amount}元', '{a_name} paid {a_amount}')),
    sources: [{ dataset: 'benefit_payment', join: 'inner', on: [] }],
    params: [{ key: 'grace_days', type: 'int', default: 30, min: 0, unit: 'days', label: texts('宽限', 'Grace') }],
    exists: [
      {
        negate: true,
        dataset: 'death',
        on: [{ left: 'a.id', right: 'id' }],
        conditions: [
          { left: 'a.paid_on', op: '>', right: { kind: 'field', field: 'x1.death_date' }, days: 'grace_days' },
        ],
      },
      { negate: false, dataset: 'person', on: [{ left: 'a.id', right: 'id' }], conditions: [] },
    ],
    subject: 'a.id',
  };
}

export const ALL_DRAFTS = { rowDraft, monthlyCountDraft, companySumDraft, existsDraft };
