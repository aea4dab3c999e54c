import { BENEFIT_PROGRAMMES } from '../../standard/programmes.js';
import type { ModelSpec } from '../spec-types.js';
import {
  agg,
  blank,
  cmp,
  eq,
  fn,
  inList,
  ne,
  not,
  notNull,
  overlaps,
  param,
  parameter,
  paymentMonth,
  PROGRAMME_CODES,
  zhEn,
} from './build.js';

// W: people's livelihood funds 惠民惠农资金, W08–W14.

/** The programmes the registry pays once a month: W08's default. */
const MONTHLY = BENEFIT_PROGRAMMES.filter((p) => p.cycle === 'monthly').map((p) => p.key);

export const W08: ModelSpec = {
  id: 'W08',
  version: 1,
  name: zhEn('同一项目重复发放', 'Duplicate payment'),
  category: 'W',
  inputs: ['benefit_payment'],
  parameters: [
    parameter('programs', 'text_list', MONTHLY, '按月发放的项目', 'Programmes paid once a month', {
      options: PROGRAMME_CODES,
    }),
    parameter('min_payments', 'int', 2, '同期发放次数下限', 'Payments for one period at least', {
      unit: 'count',
      min: 2,
    }),
  ],
  severity: 'red',
  basis: zhEn(
    '各项补贴资金管理办法：同一对象同一期间只能享受一次',
    'Programme rules: one payment per person, programme and period',
  ),
  explanation: zhEn(
    '{name}的{program}在{period}发放{payments}次，合计{total}元，涉及{divisions}个区划',
    '{name} was paid {program} for {period} {payments} times, {total} yuan in all, from {divisions} divisions',
  ),
  handling: zhEn('核对发放清册，追回重复资金', 'Reconcile the payment lists and recover the duplicates'),
  incremental: false,
  logic: {
    kind: 'rule',
    sources: [{ alias: 'p', dataset: 'benefit_payment', role: 'payment', where: [inList('p.program', 'programs')] }],
    aggregate: {
      groupBy: ['p.id', 'p.program', paymentMonth('p')],
      having: [cmp(agg('count'), '>=', param('min_payments'))],
    },
    subject: 'p.id',
    facts: {
      name: agg('min', 'p.name'),
      program: 'p.program',
      period: paymentMonth('p'),
      payments: agg('count'),
      total: agg('sum', 'p.amount'),
      divisions: agg('count', 'p.division', { distinct: true }),
    },
  },
};

export const W09: ModelSpec = {
  id: 'W09',
  version: 3,
  name: zhEn('多人共用发放账户', 'Shared payout account'),
  category: 'W',
  inputs: ['benefit_payment'],
  parameters: [
    parameter('min_recipients', 'int', 3, '同一账户领取人数下限', 'Recipients per account at least', {
      unit: 'count',
      min: 2,
    }),
  ],
  severity: 'red',
  basis: zhEn(
    '惠民惠农财政补贴资金“一卡通”管理办法：补贴资金发放至本人账户',
    '"One card" rules: subsidies are paid into the recipient\'s own account',
  ),
  explanation: zhEn(
    '{reason}：账户{account_no}，领取人{recipients}人，金额{amount}元',
    '{reason}: account {account_no}, recipients paid into it: {recipients}, {amount} yuan',
  ),
  handling: zhEn('核实账户实际控制人，排查截留挪用', 'Find who controls the account and check for diversion'),
  incremental: false,
  logic: {
    kind: 'union',
    branches: [
      {
        name: 'shared_account',
        kind: 'rule',
        sources: [{ alias: 'p', dataset: 'benefit_payment', role: 'payment', where: [notNull('p.account_no')] }],
        aggregate: {
          groupBy: ['p.account_no'],
          having: [cmp(agg('count', 'p.id', { distinct: true }), '>=', param('min_recipients'))],
        },
        subject: agg('min', 'p.id'),
        facts: {
          reason: { value: '多人共用账户 shared account' },
          account_no: 'p.account_no',
          recipients: agg('count', 'p.id', { distinct: true }),
          amount: agg('sum', 'p.amount'),
        },
      },
      {
        name: 'name_mismatch',
        kind: 'rule',
        sources: [
          {
            alias: 'p',
            dataset: 'benefit_payment',
            role: 'payment',
            where: [not(blank('p.account_name')), ne('p.account_name', 'p.name')],
          },
        ],
        // One warning per recipient and account, summing every payment into it.
        aggregate: { groupBy: ['p.id', 'p.account_no', 'p.account_name', 'p.name'], having: [] },
        subject: 'p.id',
        facts: {
          reason: { value: '户名与领取人不符 account name differs' },
          account_no: 'p.account_no',
          recipients: { value: 1 },
          amount: agg('sum', 'p.amount'),
          account_name: 'p.account_name',
          name: 'p.name',
        },
      },
    ],
  },
};

export const W10: ModelSpec = {
  id: 'W10',
  version: 4,
  name: zhEn('资金发放至干部账户', "Payout to an official's account"),
  category: 'W',
  inputs: ['benefit_payment', 'official', 'kinship'],
  parameters: [],
  severity: 'red',
  basis: zhEn(
    '《中国共产党纪律处分条例》：侵占、截留惠民惠农资金',
    'Party discipline regulations: embezzling or diverting benefit funds',
  ),
  explanation: zhEn(
    '{name}的{program}{count}笔共{total}元（{first}至{last}）发放至{account_name}名下账户，该人为{holder}',
    "{count} payments of {name}'s {program} ({first} to {last}, {total} yuan in all) went to an account in the name of {account_name}, who is {holder}",
  ),
  handling: zhEn('核查资金去向，是否截留、侵占', 'Trace the money; check for diversion'),
  incremental: { drivers: ['benefit_payment'] },
  summary: { items: 'payment', period: 'period', amount: 'amount' },

  // Payment files carry the account holder's name only, so officials and relatives are matched by
  // name within the official's jurisdiction; namesakes are possible, hence the hand check.
  logic: {
    kind: 'union',
    branches: [
      {
        name: 'official',
        kind: 'rule',
        sources: [
          {
            alias: 'p',
            dataset: 'benefit_payment',
            role: 'payment',
            where: [not(blank('p.account_name')), ne('p.account_name', 'p.name')],
          },
          {
            alias: 'o',
            dataset: 'official',
            role: 'official',
            on: [eq('o.name', 'p.account_name'), ne('o.id', 'p.id')],
          },
        ],
        where: [eq(fn('division_within', 'p.division', 'o.division'), { value: true })],
        // One warning per recipient, programme and official, however many payments went astray.
        key: ['p.id', 'p.program', 'o.id'],
        subject: 'p.id',
        related: ['o.id'],
        facts: {
          name: 'p.name',
          program: 'p.program',
          period: paymentMonth('p'),
          amount: 'p.amount',
          account_name: 'p.account_name',
          holder: fn('concat', { value: '公职人员 an official serving as ' }, 'o.position'),
        },
      },
      {
        name: 'relative',
        kind: 'rule',
        sources: [
          {
            alias: 'p',
            dataset: 'benefit_payment',
            role: 'payment',
            where: [not(blank('p.account_name')), ne('p.account_name', 'p.name')],
          },
          {
            alias: 'k',
            dataset: 'kinship',
            role: 'kinship',
            on: [eq('k.relative_name', 'p.account_name'), ne('k.relative_id', 'p.id')],
          },
          { alias: 'o', dataset: 'official', role: 'official', on: [eq('o.id', 'k.official_id')] },
        ],
        where: [eq(fn('division_within', 'p.division', 'o.division'), { value: true })],
        key: ['p.id', 'p.program', 'o.id'],
        subject: 'p.id',
        related: ['o.id', 'k.relative_id'],
        facts: {
          name: 'p.name',
          program: 'p.program',
          period: paymentMonth('p'),
          amount: 'p.amount',
          account_name: 'p.account_name',
          // 公职人员张三的配偶 / official 张三's spouse: the relation by its label, in each language's order.
          holder: fn('concat', { value: '公职人员 official ' }, 'o.name', { value: "的 's " }, 'k.relation'),
        },
      },
    ],
  },
};

export const W11: ModelSpec = {
  id: 'W11',
  version: 2,
  name: zhEn('高龄津贴年龄不符', 'Old-age allowance under age'),
  category: 'W',
  inputs: ['benefit_payment'],
  parameters: [
    parameter('programs', 'text_list', ['old_age_allowance'], '适用项目', 'Programmes checked', {
      options: PROGRAMME_CODES,
    }),
    parameter('min_age', 'int', 80, '最低年龄', 'Minimum age', { unit: 'year', min: 0, max: 120 }),
  ],
  severity: 'orange',
  basis: zhEn(
    '各地高龄津贴制度：年满80周岁（部分地区70或90周岁）起发放',
    'Local old-age allowance rules: paid from age 80 (70 or 90 in some provinces)',
  ),
  explanation: zhEn(
    '{name}（出生{birth_date}）未满{min_age}岁，{first}至{last}仍领取{program}{count}笔，共{total}元',
    '{name} (born {birth_date}) was under {min_age}, yet was paid {program} {count} times for {first} to {last}, {total} yuan in all',
  ),
  handling: zhEn(
    '核对身份证出生日期，追回不符合条件期间的资金',
    'Check the birth date on the ID; recover payments made before eligibility',
  ),
  incremental: { drivers: ['benefit_payment'] },
  summary: { items: 'payment', period: 'period', amount: 'amount' },
  logic: {
    kind: 'rule',
    sources: [
      {
        alias: 'p',
        dataset: 'benefit_payment',
        role: 'payment',
        where: [inList('p.program', 'programs'), notNull('p.id.birth_date')],
      },
    ],
    where: [cmp(fn('age_years', 'p.id.birth_date', fn('month_start', paymentMonth('p'))), '<', param('min_age'))],
    // One warning per person and programme: every month paid under age is one problem.
    key: ['p.id', 'p.program'],
    subject: 'p.id',
    facts: {
      name: 'p.name',
      program: 'p.program',
      period: paymentMonth('p'),
      amount: 'p.amount',
      birth_date: 'p.id.birth_date',
      age: fn('age_years', 'p.id.birth_date', fn('month_start', paymentMonth('p'))),
      min_age: param('min_age'),
    },
  },
};

export const W12: ModelSpec = {
  id: 'W12',
  version: 2,
  name: zhEn('迁出或服刑人员领取', 'Moved-out or imprisoned recipient'),
  category: 'W',
  inputs: ['benefit_payment', 'person'],
  parameters: [
    parameter('statuses', 'text_list', ['moved_out', 'imprisoned'], '人口状态', 'Person statuses', {
      options: ['normal', 'moved_out', 'deceased', 'imprisoned'],
    }),
  ],
  severity: 'orange',
  basis: zhEn(
    '《社会救助暂行办法》及各项目办法：户籍迁出或服刑期间停发',
    'Programme rules: payments stop when the recipient moves away or is imprisoned',
  ),
  explanation: zhEn(
    '{name}人口状态为{status}，{first}至{last}仍领取{program}{count}笔，共{total}元',
    '{name} has status {status}, yet was paid {program} {count} times for {first} to {last}, {total} yuan in all',
  ),
  handling: zhEn('核实状态变更时间，追回变更后的资金', 'Establish when the status changed; recover payments after it'),
  incremental: { drivers: ['benefit_payment', 'person'] },
  summary: { items: 'payment', period: 'period', amount: 'amount' },
  // The population register gives the status as of its extract, not when it changed, so every
  // payment of a person with that status is listed; the handler dates the change.
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'p', dataset: 'benefit_payment', role: 'payment' },
      {
        alias: 's',
        dataset: 'person',
        role: 'person',
        on: [eq('s.id', 'p.id')],
        where: [inList('s.status', 'statuses')],
      },
    ],
    key: ['p.id', 'p.program'],
    subject: 'p.id',
    facts: { name: 'p.name', status: 's.status', program: 'p.program', period: paymentMonth('p'), amount: 'p.amount' },
  },
};

export const W13: ModelSpec = {
  id: 'W13',
  version: 2,
  name: zhEn('在职人员领取居民养老金', 'Payroll staff on resident pension'),
  category: 'W',
  inputs: ['benefit_payment', 'payroll'],
  parameters: [
    parameter('programs', 'text_list', ['pension_resident'], '适用项目', 'Programmes checked', {
      options: PROGRAMME_CODES,
    }),
  ],
  severity: 'orange',
  basis: zhEn(
    '《国务院关于建立统一的城乡居民基本养老保险制度的意见》：参加职工养老保险的人员不得领取居民养老金',
    'State Council opinion on resident pensions: employees in the staff scheme may not draw the resident pension',
  ),
  explanation: zhEn(
    '{name}在{first}至{last}领取{program}{count}笔，共{total}元，同期在{employer}任职领薪',
    '{name} drew {program} {count} times for {first} to {last}, {total} yuan in all, while on the payroll of {employer}',
  ),
  handling: zhEn('核实参保关系，停发并追回', 'Check the insurance records; stop and recover'),
  incremental: { drivers: ['benefit_payment', 'payroll'] },
  summary: { items: 'payment', period: 'period', amount: 'amount' },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'p', dataset: 'benefit_payment', role: 'payment', where: [inList('p.program', 'programs')] },
      { alias: 'w', dataset: 'payroll', role: 'payroll', on: [eq('w.id', 'p.id')] },
    ],
    where: [
      overlaps(
        [fn('month_start', paymentMonth('p')), fn('month_end', paymentMonth('p'))],
        ['w.start_date', 'w.end_date'],
      ),
    ],
    key: ['p.id', 'p.program'],
    subject: 'p.id',
    facts: {
      name: 'p.name',
      program: 'p.program',
      period: paymentMonth('p'),
      amount: 'p.amount',
      employer: 'w.employer_name',
    },
  },
};

export const W14: ModelSpec = {
  id: 'W14',
  version: 3,
  name: zhEn('超面积领取耕地补贴', 'Farmland subsidy beyond area'),
  category: 'W',
  inputs: ['benefit_payment', 'collective_lease', 'collective_asset'],
  parameters: [
    parameter('programs', 'text_list', ['farmland'], '适用项目', 'Programmes checked', { options: PROGRAMME_CODES }),
    parameter('unit_rate', 'money', 100, '每亩补贴标准', 'Subsidy per mu', { unit: 'yuan', min: 0.01 }),
    parameter('tolerance_pct', 'number', 10, '允许超出比例', 'Tolerance', { unit: 'percent', min: 0, max: 1000 }),
  ],
  severity: 'yellow',
  basis: zhEn(
    '《耕地地力保护补贴资金管理办法》：按确权或承包面积发放',
    'Farmland subsidy rules: paid by the registered or contracted area',
  ),
  explanation: zhEn(
    '{name}于{first}至{last}领取超面积补贴{count}笔，共{total}元（其中一笔折合{paid_area}亩），登记承包面积{area}亩',
    '{name} was paid beyond the area {count} times for {first} to {last}, {total} yuan in all (one payment alone is {paid_area} mu), against {area} mu registered',
  ),
  handling: zhEn('核实承包面积与补贴面积，追回超额部分', 'Reconcile the areas and recover the excess'),
  // The registered area comes from land the recipient contracts from the village collective
  // (collective_lease of a land asset) in the payment's year; recipients without any are not judged.
  incremental: { drivers: ['benefit_payment'] },
  // Each group is one payment, so its period and amount facts are the payment's own.
  summary: { items: 'payment', period: 'period', amount: 'amount' },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'p', dataset: 'benefit_payment', role: 'payment', where: [inList('p.program', 'programs')] },
      { alias: 'l', dataset: 'collective_lease', role: 'land_contract', on: [eq('l.lessee', 'p.id')] },
      {
        alias: 'a',
        dataset: 'collective_asset',
        role: 'land',
        on: [eq('a.asset_id', 'l.asset_id'), eq('a.org_code', 'l.org_code')],
        where: [eq('a.kind', { value: 'land' })],
      },
    ],
    where: [
      overlaps(
        [fn('year_start', fn('year_of', 'p.paid_on')), fn('year_end', fn('year_of', 'p.paid_on'))],
        ['l.start_date', 'l.end_date'],
      ),
    ],
    aggregate: {
      groupBy: ['p.program', 'p.id', 'p.period', 'p.paid_on', 'p.amount', 'p.payment_id', 'p.name'],
      having: [
        cmp(
          fn('div', 'p.amount', param('unit_rate')),
          '>',
          fn('mul', agg('sum', 'a.area'), fn('add', { value: 1 }, fn('div', param('tolerance_pct'), { value: 100 }))),
        ),
      ],
    },
    // One warning per recipient and programme, every overpaid payment in it.
    key: ['p.program', 'p.id'],
    subject: 'p.id',
    facts: {
      name: 'p.name',
      period: paymentMonth('p'),
      amount: 'p.amount',
      paid_area: fn('div', 'p.amount', param('unit_rate')),
      area: agg('sum', 'a.area'),
    },
  },
};
