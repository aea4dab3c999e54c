import { BENEFIT_PROGRAMMES, programmesExclude } from '../../standard/programmes.js';
import type { ModelSpec } from '../spec-types.js';
import { cmp, eq, fn, inList, parameter, paymentMonth, zhEn } from './build.js';

/** Ordered pairs 'a:b' (a < b) of programmes that exclude each other, from the programme registry. */
export function exclusivePairs(): string[] {
  const pairs = new Set<string>();
  for (const a of BENEFIT_PROGRAMMES) {
    for (const b of BENEFIT_PROGRAMMES) if (a.key < b.key && programmesExclude(a, b)) pairs.add(`${a.key}:${b.key}`);
  }
  return [...pairs].sort();
}

export const W07: ModelSpec = {
  id: 'W07',
  version: 3,
  name: zhEn('重复享受互斥待遇', 'Mutually exclusive benefits'),
  category: 'W',
  inputs: ['benefit_payment'],
  parameters: [
    parameter(
      'excluded_pairs',
      'text_list',
      exclusivePairs(),
      '互斥项目对（甲:乙，按代码排序）',
      'Excluding programme pairs (a:b, codes sorted)',
    ),
  ],
  severity: 'red',
  basis: zhEn(
    '《社会救助暂行办法》及各项目管理办法：特困供养与低保等待遇不得同时享受',
    'Programme rules: e.g. extreme-poverty support and the minimum living guarantee may not be received for the same month',
  ),
  explanation: zhEn(
    '{name}在{first}至{last}共{count}个月同时领取{program_a}和{program_b}（{program_a}合计{total}元）',
    '{name} was paid both {program_a} and {program_b} for {count} months, {first} to {last} ({program_a}: {total} yuan in all)',
  ),
  handling: zhEn('核实待遇认定，停发其一并追回重复部分', 'Verify the entitlements; stop one and recover the overlap'),
  incremental: { drivers: ['benefit_payment'] },
  summary: { items: 'payment', period: 'period', amount: 'amount_a' },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'a', dataset: 'benefit_payment', role: 'payment' },
      {
        alias: 'b',
        dataset: 'benefit_payment',
        role: 'excluded_payment',
        on: [eq('b.id', 'a.id'), eq(paymentMonth('b'), paymentMonth('a')), cmp('a.program', '<', 'b.program')],
      },
    ],
    where: [inList(fn('concat', 'a.program', { value: ':' }, 'b.program'), 'excluded_pairs')],
    // One warning per person and pair of programmes, however many months overlap.
    key: ['a.id', 'a.program', 'b.program'],
    subject: 'a.id',
    facts: {
      name: 'a.name',
      period: paymentMonth('a'),
      program_a: 'a.program',
      amount_a: 'a.amount',
      program_b: 'b.program',
      amount_b: 'b.amount',
    },
  },
};
