import type { Condition, ModelSpec } from '../spec-types.js';
import {
  agg,
  and,
  blank,
  cmp,
  during,
  eq,
  fn,
  HOLIDAY_PARAMS,
  inList,
  not,
  notExists,
  offDay,
  or,
  param,
  parameter,
  test,
  zhEn,
} from './build.js';

// F: "four winds" and public funds 四风问题与公务支出, F01–F05 (F06–F09 in f-four-winds-more.ts).

const meal = (alias: string): Condition => eq(`${alias}.category`, { value: 'meal' });
const perHead = fn('div', 'r.amount', 'r.headcount');

export const F01: ModelSpec = {
  id: 'F01',
  version: 1,
  name: zhEn('违规公款吃喝', 'Banquets on public funds'),
  category: 'F',
  inputs: ['reimbursement', 'invoice'],
  parameters: [
    ...HOLIDAY_PARAMS,
    parameter('venues', 'text_list', [], '高档场所名单（销售方名称）', 'High-end venues (seller names)'),
    parameter('max_per_head', 'money', 150, '人均标准上限', 'Per-head limit', { unit: 'yuan', min: 0 }),
  ],
  severity: 'orange',
  basis: zhEn(
    '中央八项规定及其实施细则；《党政机关国内公务接待管理规定》第九条',
    'Eight-point rules; Domestic official reception rules art. 9',
  ),
  explanation: zhEn(
    '{unit}{expense_date}餐费{amount}元（{headcount}人，人均{per_head}元），节假日：{off_day}，高档场所：{venue}',
    '{unit} meal of {amount} yuan on {expense_date} ({headcount} people, {per_head} each); holiday: {off_day}; high-end venue: {venue}',
  ),
  handling: zhEn('核查公函、接待清单与实际用餐情况', 'Check the official letter, reception list and what was eaten'),
  incremental: { drivers: ['reimbursement'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'r', dataset: 'reimbursement', role: 'reimbursement', where: [meal('r')] },
      { alias: 'i', dataset: 'invoice', role: 'invoice', join: 'left', on: [eq('i.invoice_no', 'r.invoice_no')] },
    ],
    where: [
      or(
        offDay('r.expense_date'),
        inList('i.seller_name', 'venues'),
        and(cmp('r.headcount', '>', { value: 0 }), cmp(perHead, '>', param('max_per_head'))),
      ),
    ],
    subject: 'r.claimant_id',
    facts: {
      unit: 'r.unit_name',
      expense_date: 'r.expense_date',
      amount: 'r.amount',
      headcount: 'r.headcount',
      per_head: perHead,
      off_day: test(offDay('r.expense_date')),
      venue: test(inList('i.seller_name', 'venues')),
    },
  },
};

export const F02: ModelSpec = {
  id: 'F02',
  version: 1,
  name: zhEn('违规购买烟酒购物卡', 'Tobacco, alcohol, shopping cards'),
  category: 'F',
  inputs: ['reimbursement', 'invoice'],
  parameters: [
    parameter(
      'categories',
      'text_list',
      ['tobacco_alcohol', 'shopping_card'],
      '禁止报销的商品类别',
      'Forbidden goods',
      { options: ['catering', 'tobacco_alcohol', 'shopping_card', 'accommodation', 'fuel', 'office', 'other'] },
    ),
  ],
  severity: 'orange',
  basis: zhEn(
    '中央八项规定实施细则：严禁用公款购买香烟、高档酒和购物卡',
    'Eight-point rules: no public money for cigarettes, fine liquor or shopping cards',
  ),
  explanation: zhEn(
    '{unit}报销发票{invoice_no}（{seller}，{goods}）{amount}元',
    '{unit} reimbursed invoice {invoice_no} ({seller}, {goods}) of {amount} yuan',
  ),
  handling: zhEn('核实所购物品去向，责令退赔并追责', 'Establish where the goods went; order repayment'),
  incremental: { drivers: ['reimbursement', 'invoice'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'r', dataset: 'reimbursement', role: 'reimbursement' },
      {
        alias: 'i',
        dataset: 'invoice',
        role: 'invoice',
        on: [eq('i.invoice_no', 'r.invoice_no')],
        where: [inList('i.goods_category', 'categories')],
      },
    ],
    subject: 'r.claimant_id',
    facts: {
      unit: 'r.unit_name',
      invoice_no: 'i.invoice_no',
      seller: 'i.seller_name',
      goods: 'i.goods_category',
      amount: 'r.amount',
    },
  },
};

const invoiceFacts = (reason: string) => ({
  reason: { value: reason },
  invoice_no: 'r.invoice_no',
  unit: 'r.unit_name',
  amount: 'r.amount',
});

export const F03: ModelSpec = {
  id: 'F03',
  version: 1,
  name: zhEn('作废发票报销', 'Void invoice reimbursed'),
  category: 'F',
  inputs: ['reimbursement', 'invoice'],
  parameters: [],
  severity: 'red',
  basis: zhEn(
    '《发票管理办法》第二十一条；《会计法》：不得以虚假票据报销',
    'Invoice rules art. 21; Accounting Law: no reimbursement on false invoices',
  ),
  explanation: zhEn(
    '{unit}报销发票{invoice_no}（{amount}元）：{reason}',
    '{unit} reimbursed invoice {invoice_no} ({amount} yuan): {reason}',
  ),
  handling: zhEn('查验发票真伪，追回资金，涉嫌违法的移送', 'Verify the invoice; recover the money; refer any crime'),
  incremental: false,
  logic: {
    kind: 'union',
    branches: [
      {
        name: 'not_found',
        kind: 'rule',
        sources: [{ alias: 'r', dataset: 'reimbursement', role: 'reimbursement', where: [not(blank('r.invoice_no'))] }],
        where: [notExists('i', 'invoice', eq('i.invoice_no', 'r.invoice_no'))],
        subject: 'r.claimant_id',
        facts: invoiceFacts('发票不存在 invoice not found'),
      },
      {
        name: 'void',
        kind: 'rule',
        sources: [
          { alias: 'r', dataset: 'reimbursement', role: 'reimbursement' },
          {
            alias: 'i',
            dataset: 'invoice',
            role: 'invoice',
            on: [eq('i.invoice_no', 'r.invoice_no')],
            where: [inList('i.status', [{ value: 'void' }, { value: 'red_flushed' }])],
          },
        ],
        subject: 'r.claimant_id',
        facts: { ...invoiceFacts('发票已作废或红冲 invoice void or red-flushed'), status: 'i.status' },
      },
      {
        name: 'twice',
        kind: 'rule',
        sources: [{ alias: 'r', dataset: 'reimbursement', role: 'reimbursement', where: [not(blank('r.invoice_no'))] }],
        aggregate: {
          groupBy: ['r.invoice_no'],
          having: [cmp(agg('count', 'r.voucher_id', { distinct: true }), '>=', { value: 2 })],
        },
        subject: agg('min', 'r.claimant_id'),
        facts: {
          reason: { value: '重复报销 reimbursed twice' },
          invoice_no: 'r.invoice_no',
          unit: agg('min', 'r.unit_name'),
          amount: agg('sum', 'r.amount'),
        },
      },
    ],
  },
};

// F04: like PR07, anchored on each cluster's first claim so overlapping windows are one hit.
const sameClaimant = (x: string): Condition[] => [
  eq(`${x}.claimant_id`, 'a.claimant_id'),
  cmp(`${x}.amount`, '<', param('threshold')),
];
export const F04: ModelSpec = {
  id: 'F04',
  version: 1,
  name: zhEn('拆分报销规避审批', 'Split claims'),
  category: 'F',
  inputs: ['reimbursement'],
  parameters: [
    parameter('threshold', 'money', 5000, '审批限额', 'Approval threshold', { unit: 'yuan', min: 1 }),
    parameter('window_days', 'int', 3, '时间窗口（天）', 'Window', { unit: 'days', min: 0, max: 60 }),
  ],
  severity: 'orange',
  basis: zhEn(
    '单位财务报销审批制度：不得拆分报销规避审批',
    'Financial approval rules: claims may not be split to avoid approval',
  ),
  explanation: zhEn(
    '自{first_date}起{window_days}天内报销{claims}笔，单笔均低于{threshold}元，合计{total}元',
    '{claims} claims within {window_days} days from {first_date}, each below {threshold} yuan, {total} yuan in all',
  ),
  handling: zhEn('核对原始票据与业务事项', 'Check the receipts against the business'),
  incremental: false,
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'a', dataset: 'reimbursement', role: 'first_claim', where: [cmp('a.amount', '<', param('threshold'))] },
      {
        alias: 'b',
        dataset: 'reimbursement',
        role: 'claim',
        on: [
          ...sameClaimant('b'),
          during('b.expense_date', 'a.expense_date', fn('add_days', 'a.expense_date', param('window_days'))),
        ],
      },
    ],
    where: [
      notExists(
        'e',
        'reimbursement',
        ...sameClaimant('e'),
        during(
          'e.expense_date',
          fn('add_days', 'a.expense_date', fn('sub', { value: 0 }, param('window_days'))),
          'a.expense_date',
        ),
        or(cmp('e.expense_date', '<', 'a.expense_date'), cmp('e.voucher_id', '<', 'a.voucher_id')),
      ),
    ],
    aggregate: {
      groupBy: ['a.voucher_id', 'a.claimant_id', 'a.expense_date'],
      having: [
        cmp(agg('count', 'b.voucher_id', { distinct: true }), '>=', { value: 2 }),
        cmp(agg('sum', 'b.amount'), '>', param('threshold')),
      ],
    },
    subject: 'a.claimant_id',
    facts: {
      first_date: 'a.expense_date',
      claims: agg('count', 'b.voucher_id', { distinct: true }),
      total: agg('sum', 'b.amount'),
      threshold: param('threshold'),
      window_days: param('window_days'),
    },
  },
};

export const F05: ModelSpec = {
  id: 'F05',
  version: 1,
  name: zhEn('自批自报', 'Self-approval'),
  category: 'F',
  inputs: ['reimbursement'],
  parameters: [],
  severity: 'orange',
  basis: zhEn(
    '《会计基础工作规范》及内部控制规范：审批与经办职责分离',
    'Accounting and internal-control rules: approval separate from claiming',
  ),
  explanation: zhEn(
    '{unit}报销{voucher_id}（{amount}元）：{reason}',
    '{unit} claim {voucher_id} ({amount} yuan): {reason}',
  ),
  handling: zhEn('核查审批流程，完善内控', 'Review the approval path and the controls'),
  incremental: { drivers: ['reimbursement'] },
  logic: {
    kind: 'rule',
    sources: [{ alias: 'r', dataset: 'reimbursement', role: 'reimbursement' }],
    where: [or(eq('r.approver_id', 'r.claimant_id'), cmp('r.approved_on', '<', 'r.expense_date'))],
    subject: 'r.claimant_id',
    facts: {
      unit: 'r.unit_name',
      voucher_id: 'r.voucher_id',
      amount: 'r.amount',
      reason: {
        case: [
          { when: eq('r.approver_id', 'r.claimant_id'), then: { value: '审批人即报销人 approver is the claimant' } },
        ],
        else: { value: '审批早于支出 approved before the expense' },
      },
    },
  },
};
