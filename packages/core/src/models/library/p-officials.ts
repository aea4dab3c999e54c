import type { Condition, Expr, ModelSpec, RuleLogic } from '../spec-types.js';
import {
  cmp,
  during,
  eq,
  exists,
  fn,
  inList,
  isNull,
  ne,
  notExists,
  notNull,
  or,
  overlaps,
  param,
  parameter,
  zhEn,
} from './build.js';

// P: public officials 公职人员.

export const P01: ModelSpec = {
  id: 'P01',
  version: 1,
  name: zhEn('死亡人员仍领工资', 'Salary after death'),
  category: 'P',
  inputs: ['payroll', 'death'],
  parameters: [parameter('grace_days', 'int', 30, '宽限天数', 'Grace period', { unit: 'days', min: 0, max: 366 })],
  severity: 'red',
  basis: zhEn(
    '《机关事业单位工作人员工资管理》及财政供养人员管理规定：死亡次月起停发工资',
    'Public payroll rules: pay stops from the month after death',
  ),
  explanation: zhEn(
    '{name}于{death_date}死亡，{employer}的供养记录{end_state}',
    '{name} died on {death_date}; the payroll record at {employer} {end_state}',
  ),
  handling: zhEn(
    '核实停薪时间，追回多发工资，查处“吃空饷”',
    'Establish when pay stopped; recover overpayment; investigate ghost pay',
  ),
  incremental: { drivers: ['payroll', 'death'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'w', dataset: 'payroll', role: 'payroll' },
      { alias: 'd', dataset: 'death', role: 'death', on: [eq('d.id', 'w.id')] },
    ],
    where: [
      cmp('w.start_date', '<=', 'd.death_date'),
      or(isNull('w.end_date'), cmp('w.end_date', '>', fn('add_days', 'd.death_date', param('grace_days')))),
    ],
    subject: 'w.id',
    facts: {
      name: 'w.name',
      employer: 'w.employer_name',
      death_date: 'd.death_date',
      end_date: 'w.end_date',
      end_state: {
        case: [{ when: isNull('w.end_date'), then: { value: '未终止 still open' } }],
        else: fn('concat', { value: '至 until ' }, 'w.end_date'),
      },
    },
  },
};

export const P02: ModelSpec = {
  id: 'P02',
  version: 1,
  name: zhEn('公职人员违规经商办企业', 'Official runs a business'),
  category: 'P',
  inputs: ['official', 'company_role', 'company'],
  parameters: [
    parameter('roles', 'text_list', ['legal_rep', 'shareholder', 'director'], '企业角色', 'Company roles', {
      options: ['legal_rep', 'shareholder', 'director', 'supervisor', 'manager'],
    }),
  ],
  severity: 'red',
  basis: zhEn(
    '《公务员法》第五十九条第十六项；《中国共产党纪律处分条例》第一百零三条：违规经商办企业',
    'Civil Servant Law art. 59(16); Party discipline regulations: officials may not run businesses',
  ),
  explanation: zhEn(
    '{name}（{unit}{position}）任职期间担任{company}{role}',
    '{name} ({position}, {unit}) was {role} of {company} while in office',
  ),
  handling: zhEn(
    '核实任职与持股情况，责令退出并依纪处理',
    'Verify the role; order withdrawal and deal with it under the rules',
  ),
  incremental: { drivers: ['official', 'company_role'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'o', dataset: 'official', role: 'official' },
      {
        alias: 'cr',
        dataset: 'company_role',
        role: 'company_role',
        on: [eq('cr.person_id', 'o.id')],
        where: [inList('cr.role', 'roles')],
      },
      {
        alias: 'c',
        dataset: 'company',
        role: 'company',
        on: [eq('c.uscc', 'cr.uscc')],
        where: [eq('c.status', { value: 'active' })],
      },
    ],
    where: [overlaps(['o.start_date', 'o.end_date'], ['cr.start_date', 'cr.end_date'])],
    subject: 'o.id',
    related: ['c.uscc'],
    facts: { name: 'o.name', unit: 'o.unit_name', position: 'o.position', company: 'c.name', role: 'cr.role' },
  },
};

export const P03: ModelSpec = {
  id: 'P03',
  version: 2,
  name: zhEn('双重参保/吃空饷', 'Paid by two employers'),
  category: 'P',
  inputs: ['payroll', 'social_insurance'],
  parameters: [],
  severity: 'orange',
  basis: zhEn(
    '《社会保险法》及财政供养人员管理规定：在编人员不得在其他单位领薪参保',
    'Social Insurance Law and payroll rules: staff may not be insured by another employer',
  ),
  explanation: zhEn(
    '{name}在{employer}财政供养期间，{first}至{last}共{count}个月由{other_employer}参保缴费',
    '{name} is on the payroll of {employer} but was insured by {other_employer} for {count} months, {first} to {last}',
  ),
  handling: zhEn('核实是否在外兼职取酬或长期不在岗', 'Check for paid outside work or absence from post'),
  incremental: { drivers: ['payroll', 'social_insurance'] },
  summary: { items: 'insurance', period: 'period' },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'w', dataset: 'payroll', role: 'payroll', where: [notNull('w.employer_uscc')] },
      {
        alias: 's',
        dataset: 'social_insurance',
        role: 'insurance',
        on: [eq('s.id', 'w.id'), ne('s.employer_uscc', 'w.employer_uscc')],
      },
    ],
    where: [overlaps([fn('month_start', 's.period'), fn('month_end', 's.period')], ['w.start_date', 'w.end_date'])],
    // One warning per person, payroll employer and insuring employer, every month in it.
    key: ['w.id', 'w.employer_uscc', 's.employer_uscc'],
    subject: 'w.id',
    related: ['s.employer_uscc'],
    facts: { name: 'w.name', employer: 'w.employer_name', period: 's.period', other_employer: 's.employer_name' },
  },
};

// P04: registry items held at the end of the report year by the official (self) or a spouse or
// child (kinship) that the official's report for that year does not list. The check runs for one
// report year, and only for officials who filed a report that year.
type Item = {
  dataset: 'vehicle' | 'property' | 'company_role';
  type: string;
  holder: string;
  ref: Expr;
  held: Condition[];
  extra?: Condition[];
};
const ITEMS: Item[] = [
  {
    dataset: 'vehicle',
    type: 'vehicle',
    holder: 'x.owner',
    ref: 'x.plate',
    held: [during(fn('year_end', param('year')), 'x.registered_on', 'x.deregistered_on')],
  },
  {
    dataset: 'property',
    type: 'property',
    holder: 'x.owner',
    ref: 'x.cert_no',
    held: [during(fn('year_end', param('year')), 'x.registered_on', 'x.cancelled_on')],
  },
  // Reports name a company by USCC or name; the lake keeps USCCs only as subject keys, so the
  // company is matched by name here (see the engine README: item_ref needs resolving at import).
  {
    dataset: 'company_role',
    type: 'company_role',
    holder: 'x.person_id',
    ref: 'c.name',
    held: [during(fn('year_end', param('year')), 'x.start_date', 'x.end_date')],
  },
];

function p04Branch(item: Item, viaRelative: boolean): RuleLogic & { name: string } {
  const official = viaRelative ? 'k.official_id' : item.holder;
  const sources: RuleLogic['sources'] = [
    ...(viaRelative
      ? [{ alias: 'k', dataset: 'kinship', role: 'kinship', where: [inList('k.relation', 'relations')] }]
      : []),
    {
      alias: 'x',
      dataset: item.dataset,
      role: item.type,
      ...(viaRelative ? { on: [eq(item.holder, 'k.relative_id')] } : {}),
    },
    ...(item.dataset === 'company_role'
      ? [{ alias: 'c', dataset: 'company', role: 'company', on: [eq('c.uscc', 'x.uscc')] }]
      : []),
  ];
  const reportOf = (alias: string) => [eq(`${alias}.official_id`, official), eq(`${alias}.year`, param('year'))];
  return {
    name: `${item.type}_${viaRelative ? 'relative' : 'self'}`,
    kind: 'rule',
    sources,
    where: [
      ...item.held,
      exists('r', 'personal_report', ...reportOf('r')),
      notExists(
        'n',
        'personal_report',
        ...reportOf('n'),
        eq('n.item_type', { value: item.type }),
        eq('n.item_ref', item.ref),
      ),
    ],
    subject: official,
    facts: {
      item_type: { value: item.type },
      item_ref: item.ref,
      holder: viaRelative ? 'k.relation' : { value: 'self' },
      year: param('year'),
    },
  };
}

export const P04: ModelSpec = {
  id: 'P04',
  version: 1,
  name: zhEn('个人事项漏报', 'Unreported personal matters'),
  category: 'P',
  inputs: ['personal_report', 'kinship', 'vehicle', 'property', 'company_role', 'company'],
  parameters: [
    parameter('year', 'int', 2024, '报告年度', 'Report year', { unit: 'year', min: 2000, max: 2100 }),
    parameter('relations', 'text_list', ['spouse', 'child'], '需报告的亲属关系', 'Relatives covered', {
      options: ['spouse', 'child', 'parent', 'sibling', 'child_in_law', 'parent_in_law', 'other'],
    }),
  ],
  severity: 'orange',
  basis: zhEn(
    '《领导干部报告个人有关事项规定》第三条、第四条',
    'Rules on leading cadres reporting personal matters, arts. 3–4',
  ),
  explanation: zhEn(
    '{year}年度报告未列{holder}名下的{item_type}：{item_ref}',
    'The {year} report omits the {item_type} {item_ref} held by {holder}',
  ),
  handling: zhEn(
    '按漏报情形进行查核，情节较重的依规处理',
    'Verify the omission and deal with serious cases under the rules',
  ),
  incremental: false,
  logic: { kind: 'union', branches: ITEMS.flatMap((item) => [p04Branch(item, false), p04Branch(item, true)]) },
};
