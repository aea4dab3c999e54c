import type { ModelSpec, RuleLogic } from '../spec-types.js';
import {
  AS_OF,
  asOf,
  blank,
  cmp,
  contains,
  eq,
  fn,
  notExists,
  notNull,
  or,
  overlaps,
  param,
  parameter,
  zhEn,
} from './build.js';

// C: rural collective funds, assets and resources 农村集体“三资”.

export const C01: ModelSpec = {
  id: 'C01',
  version: 1,
  name: zhEn('低价发包租赁', 'Lease below market'),
  category: 'C',
  inputs: ['collective_lease'],
  parameters: [
    parameter('min_pct', 'number', 70, '租金不低于基准的比例', 'Rent at least this % of the benchmark', {
      unit: 'percent',
      min: 0,
      max: 100,
    }),
  ],
  severity: 'orange',
  basis: zhEn(
    '《农村集体经济组织法》及“三资”管理办法：资产发包租赁应公开、公平定价',
    'Rural collective rules: assets are leased openly at a fair price',
  ),
  explanation: zhEn(
    '合同{lease_id}年租金{rent}元，仅为基准{benchmark}元的{ratio}',
    'Lease {lease_id} pays {rent} yuan a year, {ratio} of the {benchmark} yuan benchmark',
  ),
  handling: zhEn('核查定价依据与发包程序', 'Check the pricing and the leasing procedure'),
  incremental: { drivers: ['collective_lease'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'l', dataset: 'collective_lease', role: 'lease', where: [cmp('l.benchmark_rent', '>', { value: 0 })] },
    ],
    where: [cmp('l.annual_rent', '<', fn('mul', 'l.benchmark_rent', fn('div', param('min_pct'), { value: 100 })))],
    subject: 'l.lessee',
    facts: {
      lease_id: 'l.lease_id',
      rent: 'l.annual_rent',
      benchmark: 'l.benchmark_rent',
      ratio: fn('div', 'l.annual_rent', 'l.benchmark_rent'),
    },
  },
};

function c02Branch(viaRelative: boolean): RuleLogic & { name: string } {
  return {
    name: viaRelative ? 'relative' : 'self',
    kind: 'rule',
    sources: [
      { alias: 'l', dataset: 'collective_lease', role: 'lease' },
      { alias: 'g', dataset: 'collective_org', role: 'collective', on: [eq('g.org_code', 'l.org_code')] },
      ...(viaRelative
        ? [
            {
              alias: 'k',
              dataset: 'kinship',
              role: 'kinship',
              // The kinship must still hold during the lease: a former spouse is no relative.
              on: [
                eq('k.relative_id', 'l.lessee'),
                overlaps(['l.start_date', 'l.end_date'], ['k.start_date', 'k.end_date']),
              ],
            },
          ]
        : []),
      {
        alias: 'o',
        dataset: 'official',
        role: 'official',
        on: [eq('o.id', viaRelative ? 'k.official_id' : 'l.lessee')],
      },
    ],
    // The cadre's division contains the collective's: the village's own cadres and those above them.
    where: [
      eq(fn('division_within', 'g.division', 'o.division'), { value: true }),
      overlaps(['l.start_date', 'l.end_date'], ['o.start_date', 'o.end_date']),
    ],
    // One warning per lease and official, whatever post or route links them.
    key: ['l.lease_id', 'o.id'],
    subject: 'o.id',
    related: ['l.lessee'],
    facts: {
      lease_id: 'l.lease_id',
      collective: 'g.name',
      lessee: 'l.lessee_name',
      official: 'o.name',
      position: 'o.position',
      link: viaRelative ? 'k.relation' : { value: 'self' },
    },
  };
}

export const C02: ModelSpec = {
  id: 'C02',
  version: 3,
  name: zhEn('发包给干部或亲属', 'Leased to cadre or relative'),
  category: 'C',
  inputs: ['collective_lease', 'collective_org', 'official', 'kinship'],
  parameters: [],
  severity: 'red',
  basis: zhEn(
    '《村民委员会组织法》及“三资”管理办法：村干部及其近亲属承包集体资产应回避并公开',
    'Village committee law and collective rules: cadres and relatives must recuse and disclose',
  ),
  explanation: zhEn(
    '{collective}的合同{lease_id}发包给{lessee}，系{official}（{position}）：{link}',
    '{collective} leased {lease_id} to {lessee}, linked to {official} ({position}): {link}',
  ),
  handling: zhEn('核查回避与民主决策程序、租金是否公允', 'Check recusal, the collective decision and the rent'),
  incremental: { drivers: ['collective_lease'] },
  logic: { kind: 'union', branches: [c02Branch(false), c02Branch(true)] },
};

export const C03: ModelSpec = {
  id: 'C03',
  version: 1,
  name: zhEn('未经民主决策', 'No collective decision'),
  category: 'C',
  inputs: ['collective_lease', 'collective_ledger'],
  parameters: [
    parameter('min_outflow', 'money', 10000, '须经决策的支出金额', 'Outflow needing a decision', {
      unit: 'yuan',
      min: 0,
    }),
  ],
  severity: 'orange',
  basis: zhEn(
    '“四议两公开”工作法；“三资”管理办法：重大事项须经村民（代表）会议决定',
    '"Four deliberations, two disclosures": major matters need a villagers\' decision',
  ),
  explanation: zhEn('{what}：{ref}，金额{amount}元', '{what}: {ref}, {amount} yuan'),
  handling: zhEn('补正决策程序，核查资金使用', 'Put the decision right and check how the money was used'),
  incremental: { drivers: ['collective_lease', 'collective_ledger'] },
  logic: {
    kind: 'union',
    branches: [
      {
        name: 'lease',
        kind: 'rule',
        sources: [{ alias: 'l', dataset: 'collective_lease', role: 'lease', where: [blank('l.resolution_no')] }],
        subject: 'l.lessee',
        facts: { what: { value: '发包无决议 lease without a resolution' }, ref: 'l.lease_id', amount: 'l.annual_rent' },
      },
      {
        name: 'outflow',
        kind: 'rule',
        sources: [
          {
            alias: 'e',
            dataset: 'collective_ledger',
            role: 'outflow',
            where: [
              eq('e.direction', { value: 'out' }),
              cmp('e.amount', '>=', param('min_outflow')),
              or({ op: 'is_null', expr: 'e.approved' }, eq('e.approved', { value: false })),
            ],
          },
        ],
        subject: { value: null },
        facts: { what: { value: '大额支出未经审批 unapproved outflow' }, ref: 'e.entry_id', amount: 'e.amount' },
      },
    ],
  },
};

export const C04: ModelSpec = {
  id: 'C04',
  version: 2,
  name: zhEn('租金未入账', 'Rent not booked'),
  category: 'C',
  inputs: ['collective_lease', 'collective_ledger'],
  parameters: [
    parameter('min_share', 'number', 0.9, '入账金额不低于年租金的比例', 'Booked at least this share of the rent', {
      unit: 'ratio',
      min: 0,
      max: 1,
    }),
    AS_OF,
  ],
  severity: 'orange',
  basis: zhEn(
    '“三资”管理办法：集体收入应全部及时入账，严禁“体外循环”',
    'Collective rules: all income is booked promptly; no off-book circulation',
  ),
  explanation: zhEn(
    '合同{lease_id}（{lessee}）{year}年应收租金{rent}元，账上无对应收入',
    'Lease {lease_id} ({lessee}) owed {rent} yuan for {year}; no matching income is booked',
  ),
  handling: zhEn('核查租金收取与去向', 'Find out whether the rent was collected and where it went'),
  incremental: false,
  logic: {
    kind: 'sql',
    why: 'Needs one row per year of each lease (generate_series LATERAL), which the rule language does not enumerate.',
    facts: { lease_id: 'text', lessee: 'text', year: 'int', rent: 'money' },
    sql: {
      // A year is judged once it has ended (before as_of) and only if the collective's books for
      // that year are loaded (absence of books is not evidence); the income must come from the
      // lessee (by name) or mention the lease id.
      portable: `
SELECT l.lease_id || '|' || CAST(y.yr AS TEXT) AS key_text, l.lessee_sk AS subject_sk, 'collective_lease' AS evidence_dataset,
       l._batch_id AS evidence_batch, l._row_no AS evidence_row, 'lease' AS evidence_role,
       l.lease_id AS fact_lease_id, l.lessee_name AS fact_lessee, y.yr AS fact_year, l.annual_rent AS fact_rent
FROM ds_collective_lease AS l
CROSS JOIN LATERAL generate_series(CAST(extract(year from l.start_date) AS INTEGER), CAST(extract(year from l.end_date) AS INTEGER)) AS y(yr)
WHERE l.annual_rent > 0
  AND make_date(CAST(y.yr AS INTEGER), 12, 31) < COALESCE({{as_of}}, CURRENT_DATE)
  AND EXISTS (
    SELECT 1 FROM ds_collective_ledger AS c
    WHERE c.org_code = l.org_code AND CAST(extract(year from c.date) AS INTEGER) = y.yr)
  AND NOT EXISTS (
    SELECT 1 FROM ds_collective_ledger AS g
    WHERE g.org_code = l.org_code AND g.direction = 'in' AND CAST(extract(year from g.date) AS INTEGER) = y.yr
      AND g.amount >= {{min_share}} * l.annual_rent
      AND (g.counterparty = l.lessee_name OR strpos(g.purpose, l.lease_id) > 0))`,
    },
  },
};

export const C05: ModelSpec = {
  id: 'C05',
  version: 1,
  name: zhEn('大额现金支出', 'Large cash outflow'),
  category: 'C',
  inputs: ['collective_ledger'],
  parameters: [
    parameter('min_amount', 'money', 5000, '现金支出金额下限', 'Cash outflow at least', { unit: 'yuan', min: 0 }),
  ],
  severity: 'yellow',
  basis: zhEn(
    '《现金管理暂行条例》及“三资”管理办法：大额支出须转账结算',
    'Cash management rules: large payments by transfer',
  ),
  explanation: zhEn(
    '{org_code}于{date}现金支出{amount}元（{purpose}）',
    '{org_code} paid {amount} yuan in cash on {date} ({purpose})',
  ),
  handling: zhEn('核查支出真实性与审批', 'Check that the payment was real and approved'),
  incremental: { drivers: ['collective_ledger'] },
  logic: {
    kind: 'rule',
    sources: [
      {
        alias: 'e',
        dataset: 'collective_ledger',
        role: 'outflow',
        where: [
          eq('e.direction', { value: 'out' }),
          eq('e.cash', { value: true }),
          cmp('e.amount', '>=', param('min_amount')),
        ],
      },
    ],
    subject: { value: null },
    facts: { org_code: 'e.org_code', date: 'e.date', amount: 'e.amount', purpose: 'e.purpose' },
  },
};

export const C06: ModelSpec = {
  id: 'C06',
  version: 1,
  name: zhEn('资产闲置或流失', 'Idle or vanished asset'),
  category: 'C',
  inputs: ['collective_asset', 'collective_lease', 'collective_ledger'],
  parameters: [parameter('idle_days', 'int', 365, '闲置天数', 'Idle for more than', { unit: 'days', min: 1 }), AS_OF],
  severity: 'yellow',
  basis: zhEn(
    '“三资”管理办法：资产应登记、盘活；处置须评估并收入入账',
    'Collective rules: assets are used; disposals are valued and their income booked',
  ),
  explanation: zhEn('资产{asset_id}（{name}）：{reason}', 'Asset {asset_id} ({name}): {reason}'),
  handling: zhEn('清查资产现状，处置收入去向', 'Inspect the asset and trace any disposal income'),
  incremental: false,
  logic: {
    kind: 'union',
    branches: [
      {
        name: 'idle',
        kind: 'rule',
        // Idle with no lease running at any time in the last idle_days (never leased counts too).
        sources: [
          { alias: 'a', dataset: 'collective_asset', role: 'asset', where: [eq('a.status', { value: 'idle' })] },
        ],
        where: [
          notExists(
            'l',
            'collective_lease',
            eq('l.asset_id', 'a.asset_id'),
            cmp('l.end_date', '>=', fn('add_days', asOf, fn('sub', { value: 0 }, param('idle_days')))),
          ),
        ],
        subject: { value: null },
        facts: { asset_id: 'a.asset_id', name: 'a.name', reason: { value: '长期闲置 idle' } },
      },
      {
        name: 'disposed',
        kind: 'rule',
        sources: [
          { alias: 'a', dataset: 'collective_asset', role: 'asset', where: [eq('a.status', { value: 'disposed' })] },
        ],
        where: [
          notExists(
            'g',
            'collective_ledger',
            eq('g.org_code', 'a.org_code'),
            eq('g.direction', { value: 'in' }),
            notNull('g.purpose'),
            or(contains('g.purpose', 'a.asset_id'), contains('g.purpose', 'a.name')),
          ),
        ],
        subject: { value: null },
        facts: { asset_id: 'a.asset_id', name: 'a.name', reason: { value: '已处置无收入 disposed without income' } },
      },
    ],
  },
};
