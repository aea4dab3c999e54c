import type { ModelSpec, RuleLogic } from '../spec-types.js';
import { agg, cmp, eq, fn, inList, notNull, or, param, parameter, zhEn } from './build.js';
import { PR12_SQL, PR13_SQL } from './pr-templates.js';

// PR: procurement and public resource trading, PR08–PR14.

const METHODS = ['open', 'invited', 'negotiation', 'single_source', 'inquiry', 'other'];

export const PR08: ModelSpec = {
  id: 'PR08',
  version: 1,
  name: zhEn('新设企业中标', 'Newly founded winner'),
  category: 'PR',
  inputs: ['tender', 'company', 'social_insurance'],
  parameters: [
    parameter('max_age_days', 'int', 180, '成立不满（天）', 'Founded less than', { unit: 'days', min: 1, max: 3650 }),
    parameter('check_insured', 'bool', false, '同时检查参保人数', 'Also check insured staff'),
    parameter('max_insured', 'int', 2, '参保人数上限', 'Insured staff at most', { unit: 'count', min: 0 }),
  ],
  severity: 'orange',
  basis: zhEn(
    '《招标投标法》第十八条、第二十六条：投标人应具备承担项目的能力',
    'Bidding Law arts. 18, 26: bidders must be able to perform',
  ),
  explanation: zhEn(
    '{winner}成立于{established_on}，{award_date}中标{title}，成立仅{age_days}天',
    '{winner}, founded on {established_on}, won {title} on {award_date}, only {age_days} days later',
  ),
  handling: zhEn('核查企业实际履约能力及是否为“壳公司”借用资质', 'Check real capacity; look for a shell company'),
  incremental: { drivers: ['tender'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 't', dataset: 'tender', role: 'tender', where: [notNull('t.winner_uscc'), notNull('t.award_date')] },
      { alias: 'c', dataset: 'company', role: 'company', on: [eq('c.uscc', 't.winner_uscc')] },
    ],
    where: [
      cmp(fn('days_between', 'c.established_on', 't.award_date'), '>=', { value: 0 }),
      cmp(fn('days_between', 'c.established_on', 't.award_date'), '<', param('max_age_days')),
      or(
        eq(param('check_insured'), { value: false }),
        cmp(
          {
            lookup: {
              alias: 's',
              dataset: 'social_insurance',
              where: [eq('s.employer_uscc', 't.winner_uscc'), eq('s.period', fn('month_of', 't.award_date'))],
              agg: 'count',
              arg: 's.id',
              distinct: true,
            },
          },
          '<=',
          param('max_insured'),
        ),
      ),
    ],
    subject: 't.winner_uscc',
    facts: {
      winner: 'c.name',
      established_on: 'c.established_on',
      award_date: 't.award_date',
      title: 't.title',
      age_days: fn('days_between', 'c.established_on', 't.award_date'),
    },
  },
};

export const PR09: ModelSpec = {
  id: 'PR09',
  version: 1,
  name: zhEn('中标价接近预算', 'Winning bid at budget'),
  category: 'PR',
  indicator: 'R031',
  inputs: ['tender'],
  parameters: [
    parameter('min_ratio', 'number', 0.98, '中标价/预算下限', 'Award / budget at least', {
      unit: 'ratio',
      min: 0,
      max: 2,
    }),
    parameter('max_ratio', 'number', 1, '中标价/预算上限', 'Award / budget at most', {
      unit: 'ratio',
      min: 0,
      max: 10,
    }),
    parameter('methods', 'text_list', METHODS, '适用采购方式', 'Procedures checked', { options: METHODS }),
  ],
  severity: 'yellow',
  // R031 "Winning bid very close to the estimated price": award / estimate within [min_ratio, max_ratio].
  basis: zhEn(
    'Open Contracting R031：中标价与预算（最高限价）过于接近，提示预算信息泄露',
    'Open Contracting red flag R031: an award very close to the estimate suggests the estimate leaked',
  ),
  explanation: zhEn(
    '{title}（{tender_id}）中标价{award}元，为预算{budget}元的{ratio}',
    '{title} ({tender_id}) was awarded at {award} yuan, {ratio} of the {budget} yuan budget',
  ),
  handling: zhEn('核查预算与最高限价是否泄露', 'Check whether the budget or ceiling leaked'),
  incremental: { drivers: ['tender'] },
  logic: {
    kind: 'rule',
    sources: [
      {
        alias: 't',
        dataset: 'tender',
        role: 'tender',
        where: [inList('t.method', 'methods'), cmp('t.budget', '>', { value: 0 }), notNull('t.award_amount')],
      },
    ],
    where: [
      cmp(fn('div', 't.award_amount', 't.budget'), '>=', param('min_ratio')),
      cmp(fn('div', 't.award_amount', 't.budget'), '<=', param('max_ratio')),
    ],
    subject: 't.winner_uscc',
    related: ['t.buyer_uscc'],
    facts: {
      tender_id: 't.tender_id',
      title: 't.title',
      award: 't.award_amount',
      budget: 't.budget',
      ratio: fn('div', 't.award_amount', 't.budget'),
    },
  },
};

export const PR10: ModelSpec = {
  id: 'PR10',
  version: 1,
  name: zhEn('合同金额超中标价', 'Contract overrun'),
  category: 'PR',
  indicator: 'R059/R069',
  inputs: ['contract', 'tender'],
  parameters: [
    parameter('max_overrun', 'number', 0.1, '允许超出比例', 'Allowed overrun', { unit: 'ratio', min: 0, max: 10 }),
  ],
  severity: 'orange',
  // R059 "Contract amount higher than the award" / R069 "Large difference between award and final amount".
  basis: zhEn(
    '《政府采购法》第四十九条（追加不得超过原合同金额10%）；Open Contracting R059/R069',
    'Government Procurement Law art. 49 (additions at most 10%); Open Contracting red flags R059/R069',
  ),
  explanation: zhEn(
    '合同{contract_id}结算{final}元，超中标价{award}元的{overrun}',
    'Contract {contract_id} settled at {final} yuan, {overrun} over the {award} yuan award',
  ),
  handling: zhEn('核查变更签证与追加审批', 'Check the change orders and their approval'),
  incremental: { drivers: ['contract'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'c', dataset: 'contract', role: 'contract', where: [notNull('c.final_amount'), notNull('c.tender_id')] },
      {
        alias: 't',
        dataset: 'tender',
        role: 'tender',
        on: [eq('t.tender_id', 'c.tender_id')],
        where: [cmp('t.award_amount', '>', { value: 0 })],
      },
    ],
    where: [cmp('c.final_amount', '>', fn('mul', 't.award_amount', fn('add', { value: 1 }, param('max_overrun'))))],
    subject: 'c.counterparty',
    facts: {
      contract_id: 'c.contract_id',
      final: 'c.final_amount',
      award: 't.award_amount',
      overrun: fn('sub', fn('div', 'c.final_amount', 't.award_amount'), { value: 1 }),
    },
  },
};

export const PR11: ModelSpec = {
  id: 'PR11',
  version: 1,
  name: zhEn('长期陪标', 'Habitual losing co-bidder'),
  category: 'PR',
  indicator: 'R025-like',
  inputs: ['bid'],
  parameters: [parameter('min_losses', 'int', 5, '落标次数下限', 'Losses at least', { unit: 'count', min: 2 })],
  severity: 'orange',
  basis: zhEn(
    '《招标投标法实施条例》第三十九条、第四十条：投标人之间约定中标人；参照 Open Contracting R025',
    'Bidding Law regulations arts. 39–40; after Open Contracting R025',
  ),
  explanation: zhEn(
    '{bidder}落标{losses}次，每次均由{winner}中标',
    '{bidder} lost {losses} times, each time to {winner}',
  ),
  handling: zhEn('核查两家企业关联关系与投标文件', 'Check the links between the two companies and their bids'),
  incremental: false,
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'l', dataset: 'bid', role: 'losing_bid', where: [eq('l.result', { value: 'lost' })] },
      {
        alias: 'w',
        dataset: 'bid',
        role: 'winning_bid',
        join: 'left',
        on: [eq('w.tender_id', 'l.tender_id'), eq('w.result', { value: 'won' })],
      },
    ],
    aggregate: {
      groupBy: ['l.bidder_uscc'],
      // Every loss had a recorded winner, and it was always the same company.
      having: [
        cmp(agg('count', 'l.tender_id', { distinct: true }), '>=', param('min_losses')),
        eq(agg('count', 'w.bidder_uscc', { distinct: true }), { value: 1 }),
        eq(agg('count', 'w.bidder_uscc'), agg('count')),
      ],
    },
    subject: 'l.bidder_uscc',
    related: [agg('min', 'w.bidder_uscc')],
    facts: {
      bidder: agg('min', 'l.bidder_name'),
      losses: agg('count', 'l.tender_id', { distinct: true }),
      winner: agg('min', 'w.bidder_name'),
    },
  },
};

export const PR12: ModelSpec = {
  id: 'PR12',
  version: 2,
  name: zhEn('中标集中', 'Supplier concentration'),
  category: 'PR',
  indicator: 'R040/R050',
  inputs: ['contract'],
  parameters: [
    parameter('min_share', 'number', 0.5, '金额占比下限', "Share of the buyer's awards at least", {
      unit: 'ratio',
      min: 0,
      max: 1,
    }),
    parameter('min_awards', 'int', 3, '采购人年度合同数下限', "Buyer's awards in the year at least", {
      unit: 'count',
      min: 1,
    }),
  ],
  severity: 'yellow',
  // R040/R050 "Supplier dominance": one supplier holds a large share of a buyer's awarded value in a year.
  basis: zhEn(
    'Open Contracting R040/R050：单一供应商占采购人年度合同金额比例过高',
    "Open Contracting red flags R040/R050: one supplier holds most of a buyer's yearly awards",
  ),
  explanation: zhEn(
    '{year}年{buyer}的{awards}份合同共{total}元，{supplier}占{share}',
    'In {year}, {supplier} held {share} of the {total} yuan {buyer} awarded in {awards} contracts',
  ),
  handling: zhEn('核查是否存在指定供应商或排斥竞争', 'Check for steering awards to one supplier'),
  incremental: false,
  logic: {
    kind: 'sql',
    sql: { portable: PR12_SQL },
    why: 'A share of a group total needs two levels of aggregation (supplier-year inside buyer-year).',
    facts: {
      year: 'int',
      buyer: 'text',
      supplier: 'text',
      supplied: 'money',
      total: 'money',
      awards: 'int',
      share: 'ratio',
    },
  },
};

export const PR13: ModelSpec = {
  id: 'PR13',
  // v2: only bids the award decided, one winner, no undercutting loser; type-8 quartiles, inclusive
  // fences, none at or below zero (as Open Contracting's Cardinal computes R024 and R058).
  version: 2,
  name: zhEn('异常报价差', 'Abnormal winning margin'),
  category: 'PR',
  inputs: ['bid'],
  parameters: [
    parameter('k', 'number', 1.5, '四分位距倍数', 'IQR multiple', { min: 0, max: 10 }),
    parameter('min_tenders', 'int', 10, '计算分位数所需项目数', 'Tenders needed for the fences', {
      unit: 'count',
      min: 1,
    }),
  ],
  severity: 'yellow',
  // R024 "Price close to winning bid" / R058 "Heavily discounted bid": the relative gap between the
  // winning bid and the lowest other valid bid lies outside Q1 − k·IQR … Q3 + k·IQR over all tenders.
  basis: zhEn(
    'Open Contracting R024/R058：中标价与次低价差距异常（四分位法 Q1−1.5·IQR、Q3+1.5·IQR）',
    'Open Contracting red flags R024/R058: winning margin outside the quartile fences',
  ),
  explanation: zhEn(
    '{tender_id}中标价{win_amount}元，次低价{runner_amount}元，差距{gap}，正常范围{low_fence}～{high_fence}',
    'In {tender_id} the winning bid {win_amount} and the next lowest {runner_amount} differ by {gap}; normal range {low_fence} to {high_fence}',
  ),
  handling: zhEn('核查报价形成与评标过程', 'Check how the bids were formed and evaluated'),
  incremental: false,
  logic: {
    kind: 'sql',
    sql: { portable: PR13_SQL },
    why: 'Per-tender second-lowest bid, then fences over the per-tender gaps: an aggregate of a window result.',
    facts: {
      tender_id: 'text',
      win_amount: 'money',
      runner_amount: 'money',
      gap: 'number',
      low_fence: 'number',
      high_fence: 'number',
    },
  },
};

function pr14Branch(payer: 'fiscal_payment' | 'contract'): RuleLogic & { name: string } {
  const [payee, when, ref] =
    payer === 'fiscal_payment'
      ? ['x.payee', 'x.paid_on', 'x.voucher_id']
      : ['x.counterparty', 'x.signed_on', 'x.contract_id'];
  return {
    name: payer,
    kind: 'rule',
    sources: [
      { alias: 'x', dataset: payer, role: payer === 'fiscal_payment' ? 'payment' : 'contract' },
      {
        alias: 'c',
        dataset: 'company',
        role: 'company',
        on: [eq('c.uscc', payee)],
        where: [inList('c.status', [{ value: 'revoked' }, { value: 'deregistered' }])],
      },
    ],
    where: [cmp('c.deregistered_on', '<', when)],
    subject: payee,
    facts: {
      ref,
      company: 'c.name',
      status: 'c.status',
      deregistered_on: 'c.deregistered_on',
      date: when,
      amount: 'x.amount',
    },
  };
}

export const PR14: ModelSpec = {
  id: 'PR14',
  version: 1,
  name: zhEn('注销吊销企业收款', 'Payment to dead company'),
  category: 'PR',
  inputs: ['fiscal_payment', 'contract', 'company'],
  parameters: [],
  severity: 'red',
  basis: zhEn(
    '《市场主体登记管理条例》：注销、吊销后不得从事经营活动；财政资金支付审核规定',
    'Market entity registration rules: revoked or deregistered entities may not trade',
  ),
  explanation: zhEn(
    '{company}已于{deregistered_on}{status}，{date}仍收款/签约{amount}元（{ref}）',
    '{company} was {status} on {deregistered_on} yet was paid or contracted {amount} yuan on {date} ({ref})',
  ),
  handling: zhEn('核查资金实际去向，追回资金', 'Trace the money and recover it'),
  incremental: { drivers: ['fiscal_payment', 'contract'] },
  logic: { kind: 'union', branches: [pr14Branch('fiscal_payment'), pr14Branch('contract')] },
};
