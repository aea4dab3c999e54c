import type { Condition, ModelSpec, RuleLogic } from '../spec-types.js';
import { agg, cmp, during, eq, fn, inList, notExists, notNull, or, param, parameter, zhEn } from './build.js';

// PR: procurement and public resource trading 公共资源交易, PR01–PR07. Where an Open Contracting
// red flag is reproduced, its R-number is in `indicator` and its definition in the comment.

const ROLES = ['legal_rep', 'shareholder', 'director', 'supervisor', 'manager'];
const METHODS = ['open', 'invited', 'negotiation', 'single_source', 'inquiry', 'other'];
const awardDay = fn('coalesce', 't.award_date', 't.published_on');
const buyerIs = (o: string): Condition =>
  or(eq(`${o}.unit_uscc`, 't.buyer_uscc'), eq(`${o}.unit_name`, 't.buyer_name'));

function pr01Branch(viaRelative: boolean): RuleLogic & { name: string } {
  return {
    name: viaRelative ? 'relative' : 'self',
    kind: 'rule',
    sources: [
      { alias: 't', dataset: 'tender', role: 'tender', where: [notNull('t.winner_uscc')] },
      {
        alias: 'cr',
        dataset: 'company_role',
        role: 'company_role',
        on: [eq('cr.uscc', 't.winner_uscc')],
        where: [inList('cr.role', 'roles')],
      },
      ...(viaRelative
        ? [
            {
              alias: 'k',
              dataset: 'kinship',
              role: 'kinship',
              // A kinship that had ended (a divorce) before the award links nobody.
              on: [eq('k.relative_id', 'cr.person_id'), during(awardDay, 'k.start_date', 'k.end_date')],
            },
          ]
        : []),
      {
        alias: 'o',
        dataset: 'official',
        role: 'official',
        on: [eq('o.id', viaRelative ? 'k.official_id' : 'cr.person_id'), buyerIs('o')],
      },
    ],
    where: [during(awardDay, 'cr.start_date', 'cr.end_date'), during(awardDay, 'o.start_date', 'o.end_date')],
    // One warning per tender and official, whatever roles link them.
    key: ['t.tender_id', 'o.id'],
    subject: 'o.id',
    related: ['t.winner_uscc', 'cr.person_id'],
    facts: {
      tender_id: 't.tender_id',
      title: 't.title',
      winner: 't.winner_name',
      official: 'o.name',
      role: 'cr.role',
      link: viaRelative ? 'k.relation' : { value: 'self' },
    },
  };
}

export const PR01: ModelSpec = {
  id: 'PR01',
  version: 3,
  name: zhEn('干部亲属关联企业中标', 'Relative-linked winner'),
  category: 'PR',
  inputs: ['tender', 'company_role', 'kinship', 'official'],
  parameters: [
    parameter('roles', 'text_list', ['legal_rep', 'shareholder', 'manager'], '企业角色', 'Company roles', {
      options: ROLES,
    }),
  ],
  severity: 'red',
  basis: zhEn(
    '《招标投标法实施条例》第三十四条；《中国共产党纪律处分条例》：利用职权为亲属经营活动谋利',
    "Bidding Law regulations art. 34; Party discipline regulations on favouring relatives' businesses",
  ),
  explanation: zhEn(
    '{winner}中标{title}（{tender_id}），其{role}与采购单位{official}关系：{link}',
    '{winner} won {title} ({tender_id}); its {role} is linked to {official} of the buyer: {link}',
  ),
  handling: zhEn('核查回避与评标过程，是否插手干预', 'Check recusal and the evaluation; look for interference'),
  incremental: { drivers: ['tender'] },
  logic: { kind: 'union', branches: [pr01Branch(false), pr01Branch(true)] },
};

type Payer = 'fiscal_payment' | 'contract';
function pr02Branch(payer: Payer, viaRelative: boolean): RuleLogic & { name: string } {
  const p =
    payer === 'fiscal_payment'
      ? { payee: 'x.payee', when: 'x.paid_on', staffOf: eq('w.employer_name', 'x.payer_unit'), ref: 'x.voucher_id' }
      : {
          payee: 'x.counterparty',
          when: 'x.signed_on',
          staffOf: or(eq('w.employer_uscc', 'x.unit_uscc'), eq('w.employer_name', 'x.unit_name')),
          ref: 'x.contract_id',
        };
  return {
    name: `${payer}_${viaRelative ? 'relative' : 'self'}`,
    kind: 'rule',
    sources: [
      {
        alias: 'x',
        dataset: payer,
        role: payer === 'fiscal_payment' ? 'payment' : 'contract',
        where: [notNull(p.payee)],
      },
      {
        alias: 'cr',
        dataset: 'company_role',
        role: 'company_role',
        on: [eq('cr.uscc', p.payee)],
        where: [inList('cr.role', 'roles')],
      },
      ...(viaRelative
        ? [
            {
              alias: 'k',
              dataset: 'kinship',
              role: 'kinship',
              on: [eq('k.relative_id', 'cr.person_id'), during(p.when, 'k.start_date', 'k.end_date')],
            },
          ]
        : []),
      {
        alias: 'w',
        dataset: 'payroll',
        role: 'staff',
        on: [eq('w.id', viaRelative ? 'k.official_id' : 'cr.person_id'), p.staffOf],
      },
    ],
    where: [during(p.when, 'w.start_date', 'w.end_date'), during(p.when, 'cr.start_date', 'cr.end_date')],
    // One warning per company and staff member, however many payments or contracts link them.
    key: [p.payee, 'w.id'],
    subject: 'w.id',
    related: [p.payee, 'cr.person_id'],
    facts: {
      ref: p.ref,
      unit: 'w.employer_name',
      staff: 'w.name',
      role: 'cr.role',
      link: viaRelative ? 'k.relation' : { value: 'self' },
    },
  };
}

export const PR02: ModelSpec = {
  id: 'PR02',
  version: 3,
  name: zhEn('本单位人员关联企业', 'Payee linked to unit staff'),
  category: 'PR',
  inputs: ['fiscal_payment', 'contract', 'company_role', 'kinship', 'payroll'],
  parameters: [
    parameter('roles', 'text_list', ['legal_rep', 'shareholder', 'manager'], '企业角色', 'Company roles', {
      options: ROLES,
    }),
  ],
  severity: 'red',
  basis: zhEn(
    '《中国共产党廉洁自律准则》及《纪律处分条例》：利用职务便利为本人或亲属经营活动谋取利益',
    "Party integrity rules: using office to benefit one's own or relatives' business",
  ),
  explanation: zhEn(
    '{unit}向关联企业付款/签约（如{ref}），{staff}（{link}）任该企业{role}',
    '{unit} paid or contracted (e.g. {ref}) a company where {staff} ({link}) is {role}',
  ),
  handling: zhEn('核查交易必要性与价格公允性，是否存在利益输送', 'Check need and price; look for transfer of benefit'),
  incremental: { drivers: ['fiscal_payment', 'contract'] },
  logic: {
    kind: 'union',
    branches: [
      pr02Branch('fiscal_payment', false),
      pr02Branch('fiscal_payment', true),
      pr02Branch('contract', false),
      pr02Branch('contract', true),
    ],
  },
};

// PR03: one hit per pair of bidders in a tender, whatever they share (the key merges the branches).
const pair = [
  { alias: 'a', dataset: 'bid', role: 'bid' },
  {
    alias: 'b',
    dataset: 'bid',
    role: 'linked_bid',
    on: [eq('b.tender_id', 'a.tender_id'), cmp('a.bidder_uscc', '<', 'b.bidder_uscc')],
  },
] as const;
const pairKey = ['a.tender_id', 'a.bidder_uscc', 'b.bidder_uscc'];
const pairFacts = (shared: string) => ({
  tender_id: 'a.tender_id',
  bidder_a: 'a.bidder_name',
  bidder_b: 'b.bidder_name',
  shared: { value: shared },
});
const shareField = (f: string): Condition => eq(`a.${f}`, `b.${f}`);

export const PR03: ModelSpec = {
  id: 'PR03',
  version: 2,
  name: zhEn('围标串标-信息雷同', 'Bidders share identity'),
  category: 'PR',
  inputs: ['bid', 'company', 'company_role'],
  parameters: [],
  severity: 'red',
  basis: zhEn(
    '《招标投标法实施条例》第四十条：不同投标人的投标文件由同一单位或个人编制、委托同一人办理等视为串通投标',
    'Bidding Law regulations art. 40: bids prepared or handled by the same person are deemed collusive',
  ),
  explanation: zhEn(
    '{tender_id}中{bidder_a}与{bidder_b}的{shared}相同',
    'In {tender_id}, {bidder_a} and {bidder_b} share the same {shared}',
  ),
  handling: zhEn(
    '调取投标文件与电子交易日志，认定串标的依法处理',
    'Obtain the bid files and platform logs; act on collusion',
  ),
  incremental: { drivers: ['bid'] },
  logic: {
    kind: 'union',
    branches: [
      {
        name: 'contact',
        kind: 'rule',
        sources: [...pair],
        where: [or(shareField('ip'), shareField('mac'), shareField('contact_phone'), shareField('agent_name'))],
        key: pairKey,
        subject: 'a.bidder_uscc',
        related: ['b.bidder_uscc'],
        facts: {
          ...pairFacts(''),
          shared: {
            case: [
              { when: shareField('ip'), then: { value: 'IP' } },
              { when: shareField('mac'), then: { value: 'MAC' } },
              { when: shareField('contact_phone'), then: { value: '联系电话 phone' } },
            ],
            else: { value: '代理人 agent' },
          },
        },
      },
      {
        name: 'legal_rep',
        kind: 'rule',
        sources: [
          ...pair,
          { alias: 'ca', dataset: 'company', role: 'company', on: [eq('ca.uscc', 'a.bidder_uscc')] },
          {
            alias: 'cb',
            dataset: 'company',
            role: 'linked_company',
            on: [eq('cb.uscc', 'b.bidder_uscc'), eq('cb.legal_rep_id', 'ca.legal_rep_id')],
          },
        ],
        key: pairKey,
        subject: 'a.bidder_uscc',
        related: ['b.bidder_uscc', 'ca.legal_rep_id'],
        facts: pairFacts('法定代表人 legal representative'),
      },
      {
        name: 'person',
        kind: 'rule',
        sources: [
          ...pair,
          {
            alias: 'ra',
            dataset: 'company_role',
            role: 'company_role',
            on: [eq('ra.uscc', 'a.bidder_uscc')],
            where: [inList('ra.role', [{ value: 'legal_rep' }, { value: 'shareholder' }])],
          },
          {
            alias: 'rb',
            dataset: 'company_role',
            role: 'linked_company_role',
            on: [eq('rb.uscc', 'b.bidder_uscc'), eq('rb.person_id', 'ra.person_id')],
            where: [inList('rb.role', [{ value: 'legal_rep' }, { value: 'shareholder' }])],
          },
        ],
        key: pairKey,
        subject: 'a.bidder_uscc',
        related: ['b.bidder_uscc', 'ra.person_id'],
        facts: pairFacts('法定代表人或股东 legal representative or shareholder'),
      },
    ],
  },
};

export const PR04: ModelSpec = {
  id: 'PR04',
  version: 1,
  name: zhEn('报价雷同', 'Identical bid prices'),
  category: 'PR',
  inputs: ['bid'],
  parameters: [
    parameter('min_bidders', 'int', 2, '报价相同的投标人数下限', 'Bidders with the same price, at least', {
      unit: 'count',
      min: 2,
    }),
  ],
  severity: 'red',
  // R028 "Identical bid prices": two or more bids in a tender with exactly the same price.
  basis: zhEn(
    '《招标投标法实施条例》第四十条；Open Contracting R028 报价相同',
    'Bidding Law regulations art. 40; Open Contracting red flag R028 (identical bid prices)',
  ),
  explanation: zhEn(
    '{tender_id}中{bidders}家投标人报价均为{amount}元',
    'In {tender_id}, {bidders} bidders all bid {amount} yuan',
  ),
  handling: zhEn('核查报价形成过程，是否串通投标', 'Check how the prices were formed; look for collusion'),
  incremental: false,
  logic: {
    kind: 'rule',
    sources: [{ alias: 'b', dataset: 'bid', role: 'bid', where: [notNull('b.bid_amount')] }],
    aggregate: {
      groupBy: ['b.tender_id', 'b.bid_amount'],
      having: [cmp(agg('count', 'b.bidder_uscc', { distinct: true }), '>=', param('min_bidders'))],
    },
    subject: agg('min', 'b.bidder_uscc'),
    facts: {
      tender_id: 'b.tender_id',
      amount: 'b.bid_amount',
      bidders: agg('count', 'b.bidder_uscc', { distinct: true }),
    },
  },
};

export const PR05: ModelSpec = {
  id: 'PR05',
  version: 1,
  name: zhEn('单一投标', 'Single bid'),
  category: 'PR',
  inputs: ['tender', 'bid'],
  parameters: [
    parameter('methods', 'text_list', ['open', 'invited'], '竞争性采购方式', 'Competitive procedures', {
      options: METHODS,
    }),
  ],
  severity: 'orange',
  // R018 "Single bid received": a competitive procedure (open or restricted) that received one bid.
  // bidder_count is used when given, else the bids recorded for the tender are counted.
  basis: zhEn(
    '《招标投标法》第二十八条（投标人少于三个应重新招标）；Open Contracting R018 单一投标',
    'Bidding Law art. 28 (fewer than three bidders: re-tender); Open Contracting red flag R018 (single bid received)',
  ),
  explanation: zhEn(
    '{title}（{tender_id}）以{method}方式采购，仅{bidders}家投标',
    '{title} ({tender_id}) was procured by {method} with only {bidders} bid',
  ),
  handling: zhEn(
    '核查公告发布范围与资格条件是否排斥潜在投标人',
    'Check the notice and qualification terms for exclusion of bidders',
  ),
  incremental: { drivers: ['tender'] },
  logic: {
    kind: 'rule',
    sources: [{ alias: 't', dataset: 'tender', role: 'tender', where: [inList('t.method', 'methods')] }],
    where: [
      eq(
        fn('coalesce', 't.bidder_count', {
          lookup: {
            alias: 'x',
            dataset: 'bid',
            where: [eq('x.tender_id', 't.tender_id')],
            agg: 'count',
            arg: 'x.bidder_uscc',
            distinct: true,
          },
        }),
        { value: 1 },
      ),
    ],
    subject: 't.buyer_uscc',
    related: ['t.winner_uscc'],
    facts: { tender_id: 't.tender_id', title: 't.title', method: 't.method', bidders: { value: 1 } },
  },
};

export const PR06: ModelSpec = {
  id: 'PR06',
  // v2: the deadline's day is the wall clock's (date_of), not UTC's.
  version: 2,
  name: zhEn('投标期过短', 'Short submission period'),
  category: 'PR',
  inputs: ['tender'],
  parameters: [
    parameter('min_days', 'int', 20, '最短投标期（天）', 'Shortest submission period', {
      unit: 'days',
      min: 1,
      max: 365,
    }),
    parameter('methods', 'text_list', ['open'], '适用采购方式', 'Procedures checked', { options: METHODS }),
  ],
  severity: 'yellow',
  // R003 "Short submission period": days from publication to the bid deadline below the legal
  // minimum for the procedure (20 days for open tenders, Bidding Law art. 24). Other thresholds
  // (e.g. 15 days for inquiry under procurement rules) are run as separate parameter sets.
  basis: zhEn(
    '《招标投标法》第二十四条：自招标文件发出之日起至提交投标文件截止之日止，最短不得少于二十日；Open Contracting R003',
    'Bidding Law art. 24: at least 20 days from issue to deadline; Open Contracting red flag R003',
  ),
  explanation: zhEn(
    '{title}（{tender_id}）{published_on}发布、{deadline}截止，投标期仅{days}天（应不少于{min_days}天）',
    '{title} ({tender_id}) ran {days} days from {published_on} to {deadline} (minimum {min_days})',
  ),
  handling: zhEn('核查是否为特定投标人量身定做', 'Check whether the timing favoured a particular bidder'),
  incremental: { drivers: ['tender'] },
  logic: {
    kind: 'rule',
    sources: [{ alias: 't', dataset: 'tender', role: 'tender', where: [inList('t.method', 'methods')] }],
    where: [cmp(fn('days_between', 't.published_on', fn('date_of', 't.bid_deadline')), '<', param('min_days'))],
    subject: 't.buyer_uscc',
    facts: {
      tender_id: 't.tender_id',
      title: 't.title',
      published_on: 't.published_on',
      deadline: 't.bid_deadline',
      days: fn('days_between', 't.published_on', fn('date_of', 't.bid_deadline')),
      min_days: param('min_days'),
    },
  },
};

// PR07 / R011 "Split purchases": the same buyer awards the same supplier several contracts within
// a window, each below the threshold that would require a competitive tender, together above it.
// Each cluster is anchored on its first contract, so an overlapping window is not a second hit.
const sameParties = (x: string): Condition[] => [
  eq(`${x}.unit_name`, 'a.unit_name'),
  eq(`${x}.counterparty`, 'a.counterparty'),
  cmp(`${x}.amount`, '<', param('threshold')),
];
export const PR07: ModelSpec = {
  id: 'PR07',
  version: 1,
  name: zhEn('拆分采购', 'Split purchases'),
  category: 'PR',
  indicator: 'R011',
  inputs: ['contract'],
  parameters: [
    parameter('threshold', 'money', 1000000, '公开招标限额', 'Tender threshold', { unit: 'yuan', min: 1 }),
    parameter('window_days', 'int', 90, '时间窗口（天）', 'Window', { unit: 'days', min: 1, max: 366 }),
    parameter('min_contracts', 'int', 2, '合同数下限', 'Contracts at least', { unit: 'count', min: 2 }),
  ],
  severity: 'orange',
  basis: zhEn(
    '《政府采购法》第四十一条、实施条例第二十八条：化整为零规避公开招标；Open Contracting R011',
    'Government Procurement Law regulations art. 28: splitting to avoid open tendering; Open Contracting red flag R011',
  ),
  explanation: zhEn(
    '{buyer}自{first_date}起{window_days}天内与同一供应商签订{contracts}份合同，单份均低于{threshold}元，合计{total}元',
    '{buyer} signed {contracts} contracts with one supplier within {window_days} days from {first_date}, each below {threshold} yuan, {total} yuan in all',
  ),
  handling: zhEn('核查是否化整为零规避招标', 'Check for splitting to avoid tendering'),
  incremental: false,
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'a', dataset: 'contract', role: 'first_contract', where: [cmp('a.amount', '<', param('threshold'))] },
      {
        alias: 'b',
        dataset: 'contract',
        role: 'contract',
        on: [
          ...sameParties('b'),
          during('b.signed_on', 'a.signed_on', fn('add_days', 'a.signed_on', param('window_days'))),
        ],
      },
    ],
    where: [
      notExists(
        'e',
        'contract',
        ...sameParties('e'),
        during(
          'e.signed_on',
          fn('add_days', 'a.signed_on', fn('sub', { value: 0 }, param('window_days'))),
          'a.signed_on',
        ),
        or(cmp('e.signed_on', '<', 'a.signed_on'), cmp('e.contract_id', '<', 'a.contract_id')),
      ),
    ],
    aggregate: {
      groupBy: ['a.contract_id', 'a.unit_name', 'a.counterparty', 'a.signed_on'],
      having: [
        cmp(agg('count', 'b.contract_id', { distinct: true }), '>=', param('min_contracts')),
        cmp(agg('sum', 'b.amount'), '>', param('threshold')),
      ],
    },
    subject: 'a.counterparty',
    facts: {
      buyer: 'a.unit_name',
      first_date: 'a.signed_on',
      contracts: agg('count', 'b.contract_id', { distinct: true }),
      total: agg('sum', 'b.amount'),
      threshold: param('threshold'),
      window_days: param('window_days'),
    },
  },
};
