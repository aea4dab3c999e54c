import type { ModelSpec } from '../spec-types.js';
import {
  cmp,
  eq,
  fn,
  householdOf,
  inList,
  isNull,
  notIn,
  or,
  overlaps,
  param,
  parameter,
  PROGRAMME_CODES,
  test,
  zhEn,
} from './build.js';

// W: people's livelihood funds 惠民惠农资金 (W01–W07; W08–W14 in w-livelihood-more.ts).

const programmes = (key: string, defaults: readonly string[], zh = '适用项目', en = 'Programmes checked') =>
  parameter(key, 'text_list', defaults, zh, en, { options: PROGRAMME_CODES });

export const W01: ModelSpec = {
  id: 'W01',
  version: 2,
  name: zhEn('死亡人员冒领', 'Deceased still paid'),
  category: 'W',
  inputs: ['benefit_payment', 'death'],
  parameters: [parameter('grace_days', 'int', 30, '宽限天数', 'Grace period', { unit: 'days', min: 0, max: 366 })],
  severity: 'red',
  basis: zhEn(
    '《社会救助暂行办法》第十四条及各项补贴管理办法：享受对象死亡的，自次月起停发',
    'Interim Measures on Social Assistance, art. 14, and programme rules: payments stop from the month after death',
  ),
  explanation: zhEn(
    '{name}于{death_date}死亡，{first}至{last}仍发放{program}{count}笔，共{total}元（宽限{grace_days}天）',
    '{name} died on {death_date}, yet {program} was paid {count} times for {first} to {last}, {total} yuan in all (grace {grace_days} days)',
  ),
  handling: zhEn(
    '核实死亡信息与发放记录，追回冒领资金，倒查经办、审核责任',
    'Verify the death and the payment, recover the funds, and examine who processed and approved it',
  ),
  incremental: { drivers: ['benefit_payment', 'death'] },
  summary: { items: 'payment', period: 'period', amount: 'amount' },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'p', dataset: 'benefit_payment', role: 'payment' },
      { alias: 'd', dataset: 'death', role: 'death', on: [eq('d.id', 'p.id')] },
    ],
    // The month paid for starts after death + grace; a payment without a period counts by its date.
    where: [
      cmp(
        fn('coalesce', fn('month_start', 'p.period'), 'p.paid_on'),
        '>',
        fn('add_days', 'd.death_date', param('grace_days')),
      ),
    ],
    // One warning per person and programme: every month paid after the death is one problem.
    key: ['p.id', 'p.program'],
    subject: 'p.id',
    facts: {
      name: 'p.name',
      program: 'p.program',
      period: fn('month_of', fn('coalesce', fn('month_start', 'p.period'), 'p.paid_on')),
      amount: 'p.amount',
      paid_on: 'p.paid_on',
      death_date: 'd.death_date',
      grace_days: param('grace_days'),
    },
  },
};

export const W02: ModelSpec = {
  id: 'W02',
  version: 2,
  name: zhEn('财政供养人员享受低保', 'State-funded staff on the minimum living guarantee'),
  category: 'W',
  inputs: ['benefit_roll', 'person', 'payroll'],
  parameters: [programmes('programs', ['dibao'])],
  severity: 'red',
  basis: zhEn(
    '《最低生活保障审核确认办法》第十一条：家庭成员中有财政供养人员的一般不予认定低保',
    'Minimum living guarantee review rules art. 11: households with a state-funded member are not eligible',
  ),
  explanation: zhEn(
    '{name}享受{program}（{start_date}起），家庭成员{member_name}在{employer}财政供养',
    '{name} receives {program} since {start_date} while household member {member_name} is on the payroll of {employer}',
  ),
  handling: zhEn(
    '核查家庭收入与成员情况，不符合条件的停保并追回资金',
    'Re-check household income and members; stop and recover if ineligible',
  ),
  incremental: { drivers: ['benefit_roll', 'payroll'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'r', dataset: 'benefit_roll', role: 'enrolment', where: [inList('r.program', 'programs')] },
      { alias: 'm', dataset: 'person', role: 'household_member', on: [householdOf('m', 'r')] },
      { alias: 'w', dataset: 'payroll', role: 'payroll', on: [eq('w.id', 'm.id')] },
    ],
    where: [overlaps(['r.start_date', 'r.end_date'], ['w.start_date', 'w.end_date'])],
    subject: 'r.id',
    related: ['m.id'],
    facts: {
      name: 'r.name',
      program: 'r.program',
      start_date: 'r.start_date',
      member_name: 'm.name',
      is_recipient: test(eq('m.id', 'r.id')),
      employer: 'w.employer_name',
      payroll_start: 'w.start_date',
    },
  },
};

export const W03: ModelSpec = {
  id: 'W03',
  version: 2,
  name: zhEn('有车家庭享受低保', 'Vehicle-owning household on the minimum living guarantee'),
  category: 'W',
  inputs: ['benefit_roll', 'person', 'vehicle'],
  parameters: [
    programmes('programs', ['dibao']),
    parameter('exempt_types', 'text_list', ['motorcycle', 'agricultural'], '豁免车辆类型', 'Exempt vehicle types', {
      options: ['passenger_small', 'passenger_large', 'truck', 'motorcycle', 'agricultural', 'other'],
    }),
    parameter('min_value', 'money', 30000, '车辆价值下限', 'Minimum vehicle value', { unit: 'yuan', min: 0 }),
  ],
  severity: 'orange',
  basis: zhEn(
    '各地低保家庭经济状况认定办法：拥有非生活必需机动车辆的家庭不予认定',
    'Local minimum living guarantee means tests: households owning a non-essential vehicle are not eligible',
  ),
  explanation: zhEn(
    '{name}享受{program}期间，家庭成员{member_name}名下有车辆{plate}（价值{value}元）',
    '{name} receives {program} while household member {member_name} owns vehicle {plate} (value {value} yuan)',
  ),
  handling: zhEn('核实车辆权属与用途，不符合条件的停保', 'Verify ownership and use; stop the benefit if ineligible'),
  incremental: { drivers: ['benefit_roll', 'vehicle'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'r', dataset: 'benefit_roll', role: 'enrolment', where: [inList('r.program', 'programs')] },
      { alias: 'm', dataset: 'person', role: 'household_member', on: [householdOf('m', 'r')] },
      {
        alias: 'v',
        dataset: 'vehicle',
        role: 'vehicle',
        on: [eq('v.owner', 'm.id')],
        // An unknown type or value cannot prove the vehicle exempt, so it is checked.
        where: [
          or(isNull('v.vehicle_type'), notIn('v.vehicle_type', 'exempt_types')),
          or(isNull('v.value'), cmp('v.value', '>=', param('min_value'))),
        ],
      },
    ],
    where: [overlaps(['r.start_date', 'r.end_date'], ['v.registered_on', 'v.deregistered_on'])],
    subject: 'r.id',
    related: ['m.id'],
    facts: {
      name: 'r.name',
      program: 'r.program',
      member_name: 'm.name',
      plate: 'v.plate',
      vehicle_type: 'v.vehicle_type',
      value: 'v.value',
      registered_on: 'v.registered_on',
    },
  },
};

export const W04: ModelSpec = {
  id: 'W04',
  version: 2,
  name: zhEn('多套房产家庭享受低保', 'Property-rich household on the minimum living guarantee'),
  category: 'W',
  inputs: ['benefit_roll', 'person', 'property'],
  parameters: [
    programmes('programs', ['dibao']),
    parameter('min_residential', 'int', 2, '住宅套数下限', 'Residential properties at least', {
      unit: 'count',
      min: 1,
    }),
  ],
  severity: 'orange',
  basis: zhEn(
    '各地低保家庭经济状况认定办法：拥有两套以上住房或商业用房的家庭不予认定',
    'Local minimum living guarantee means tests: two or more homes, or any commercial property, disqualify',
  ),
  explanation: zhEn(
    '{name}享受{program}期间，家庭名下住宅{residential}套、商业用房{commercial}套',
    '{name} receives {program} while the household owns {residential} homes and {commercial} commercial properties',
  ),
  handling: zhEn('核实房产权属，不符合条件的停保并追回', 'Verify the titles; stop and recover if ineligible'),
  // One hit per enrolment, so a new roll batch can be checked against every property.
  incremental: { drivers: ['benefit_roll'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'r', dataset: 'benefit_roll', role: 'enrolment', where: [inList('r.program', 'programs')] },
      { alias: 'm', dataset: 'person', role: 'household_member', on: [householdOf('m', 'r')] },
      {
        alias: 'h',
        dataset: 'property',
        role: 'property',
        on: [eq('h.owner', 'm.id')],
        where: [inList('h.use', [{ value: 'residential' }, { value: 'commercial' }])],
      },
    ],
    where: [overlaps(['r.start_date', 'r.end_date'], ['h.registered_on', 'h.cancelled_on'])],
    aggregate: {
      groupBy: ['r.program', 'r.id', 'r.start_date', 'r.name'],
      having: [
        or(
          cmp(
            { agg: 'count', arg: 'h.cert_no', distinct: true, filter: eq('h.use', { value: 'residential' }) },
            '>=',
            param('min_residential'),
          ),
          cmp({ agg: 'count', arg: 'h.cert_no', distinct: true, filter: eq('h.use', { value: 'commercial' }) }, '>=', {
            value: 1,
          }),
        ),
      ],
    },
    key: ['r.program', 'r.id', 'r.start_date'],
    subject: 'r.id',
    facts: {
      name: 'r.name',
      program: 'r.program',
      residential: { agg: 'count', arg: 'h.cert_no', distinct: true, filter: eq('h.use', { value: 'residential' }) },
      commercial: { agg: 'count', arg: 'h.cert_no', distinct: true, filter: eq('h.use', { value: 'commercial' }) },
    },
  },
};

export const W05: ModelSpec = {
  id: 'W05',
  version: 3,
  name: zhEn('经商办企业家庭享受低保', 'Business owners on the minimum living guarantee'),
  category: 'W',
  inputs: ['benefit_roll', 'person', 'company_role', 'company'],
  parameters: [
    programmes('programs', ['dibao']),
    parameter('roles', 'text_list', ['legal_rep', 'shareholder'], '企业角色', 'Company roles', {
      options: ['legal_rep', 'shareholder', 'director', 'supervisor', 'manager'],
    }),
    parameter('min_capital', 'money', 100000, '注册资本下限', 'Registered capital at least', { unit: 'yuan', min: 0 }),
  ],
  severity: 'orange',
  basis: zhEn(
    '各地低保家庭经济状况认定办法：家庭成员投资或经营企业达到一定规模的不予认定',
    'Local minimum living guarantee means tests: a member owning or running a business of some size disqualifies',
  ),
  explanation: zhEn(
    '{name}享受{program}期间，家庭成员{member_name}任{company}（注册资本{capital}元）{role}',
    '{name} receives {program} while household member {member_name} is {role} of {company} (capital {capital} yuan)',
  ),
  handling: zhEn(
    '核实企业经营与收入情况，不符合条件的停保',
    'Verify the business and its income; stop the benefit if ineligible',
  ),
  incremental: { drivers: ['benefit_roll', 'company_role'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'r', dataset: 'benefit_roll', role: 'enrolment', where: [inList('r.program', 'programs')] },
      { alias: 'm', dataset: 'person', role: 'household_member', on: [householdOf('m', 'r')] },
      {
        alias: 'cr',
        dataset: 'company_role',
        role: 'company_role',
        on: [eq('cr.person_id', 'm.id')],
        where: [inList('cr.role', 'roles')],
      },
      {
        alias: 'c',
        dataset: 'company',
        role: 'company',
        on: [eq('c.uscc', 'cr.uscc')],
        where: [eq('c.status', { value: 'active' }), cmp('c.registered_capital', '>=', param('min_capital'))],
      },
    ],
    where: [overlaps(['r.start_date', 'r.end_date'], ['cr.start_date', 'cr.end_date'])],
    // One warning per enrolment, member and company, whatever roles the member holds in it.
    key: ['r.program', 'r.id', 'r.start_date', 'm.id', 'c.uscc'],
    subject: 'r.id',
    related: ['m.id', 'c.uscc'],
    facts: {
      name: 'r.name',
      program: 'r.program',
      member_name: 'm.name',
      company: 'c.name',
      role: 'cr.role',
      capital: 'c.registered_capital',
    },
  },
};

export const W06: ModelSpec = {
  id: 'W06',
  version: 2,
  name: zhEn('干部亲属享受补贴', "Cadre's relative receives benefit"),
  category: 'W',
  inputs: ['benefit_roll', 'kinship', 'official'],
  parameters: [programmes('programs', PROGRAMME_CODES)],
  severity: 'orange',
  escalation: zhEn('干部本人为审批人的升为红色', 'Red when the official approved the enrolment'),
  basis: zhEn(
    '《最低生活保障审核确认办法》第三十六条：近亲属备案制度；村干部亲属享受应单独登记备案',
    'Minimum living guarantee review rules art. 36: benefits to relatives of cadres are registered and reviewed separately',
  ),
  explanation: zhEn(
    '{name}享受{program}，系{official_name}（{official_position}）的{relation}',
    '{name} receives {program} and is the {relation} of {official_name} ({official_position})',
  ),
  handling: zhEn(
    '核查是否履行备案与回避程序，是否优亲厚友',
    'Check the registration and recusal, and whether relatives were favoured',
  ),
  incremental: { drivers: ['benefit_roll', 'kinship', 'official'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'r', dataset: 'benefit_roll', role: 'enrolment', where: [inList('r.program', 'programs')] },
      { alias: 'k', dataset: 'kinship', role: 'kinship', on: [eq('k.relative_id', 'r.id')] },
      { alias: 'o', dataset: 'official', role: 'official', on: [eq('o.id', 'k.official_id')] },
    ],
    // The official's division contains the recipient's: a village cadre for a villager, a county official for anyone in the county.
    where: [
      { op: '=', left: fn('division_within', 'r.division', 'o.division'), right: { value: true } },
      overlaps(['r.start_date', 'r.end_date'], ['o.start_date', 'o.end_date']),
    ],
    subject: 'r.id',
    related: ['o.id'],
    escalate: [{ to: 'red', when: eq('r.approver_id', 'o.id') }],
    facts: {
      name: 'r.name',
      program: 'r.program',
      relation: 'k.relation',
      official_name: 'o.name',
      official_position: 'o.position',
      official_is_approver: test(eq('r.approver_id', 'o.id')),
    },
  },
};

export { W07 } from './w-exclusive.js';
