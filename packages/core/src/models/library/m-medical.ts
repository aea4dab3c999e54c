import type { ModelSpec } from '../spec-types.js';
import { agg, and, cmp, during, eq, fn, isNull, ne, notNull, or, param, parameter, zhEn } from './build.js';

// M: medical insurance fund 医保基金.

const inpatient = (alias: string) => eq(`${alias}.claim_type`, { value: 'inpatient' });

export const M01: ModelSpec = {
  id: 'M01',
  version: 1,
  name: zhEn('人员配备不达标仍通过核验', 'Understaffed institution passed'),
  category: 'M',
  inputs: ['med_institution', 'med_staff'],
  parameters: [],
  severity: 'red',
  basis: zhEn(
    '《医疗保障基金使用监督管理条例》第十五条；定点医药机构管理办法：人员配备应符合协议要求',
    'Medical insurance fund regulation art. 15; designated institutions must be staffed as agreed',
  ),
  explanation: zhEn(
    '{name}于{verified_on}核验通过，当日在岗执业人员{staff}人，应配{required}人',
    '{name} passed verification on {verified_on} with {staff} qualified staff on duty; {required} required',
  ),
  handling: zhEn(
    '倒查核验过程与核验人员责任，复核机构资质',
    'Review how the verification was done and by whom; re-check the institution',
  ),
  incremental: false,
  logic: {
    kind: 'rule',
    sources: [
      {
        alias: 'i',
        dataset: 'med_institution',
        role: 'institution',
        where: [
          eq('i.verification_result', { value: 'passed' }),
          notNull('i.required_staff'),
          notNull('i.verified_on'),
        ],
      },
      {
        alias: 's',
        dataset: 'med_staff',
        role: 'staff',
        join: 'left',
        // Qualified staff registered and active on the verification day.
        on: [
          eq('s.inst_code', 'i.inst_code'),
          notNull('s.qualification'),
          during('i.verified_on', 's.start_date', 's.end_date'),
        ],
      },
    ],
    aggregate: {
      groupBy: ['i.inst_code', 'i.name', 'i.verified_on', 'i.required_staff'],
      having: [cmp(agg('count', 's.person_id', { distinct: true }), '<', 'i.required_staff')],
    },
    key: ['i.inst_code', 'i.verified_on'],
    subject: { value: null },
    facts: {
      name: 'i.name',
      verified_on: 'i.verified_on',
      staff: agg('count', 's.person_id', { distinct: true }),
      required: 'i.required_staff',
    },
  },
};

export const M02: ModelSpec = {
  id: 'M02',
  version: 3,
  name: zhEn('死亡人员医保结算', 'Claims after death'),
  category: 'M',
  inputs: ['med_claim', 'death'],
  parameters: [parameter('grace_days', 'int', 0, '宽限天数', 'Grace period', { unit: 'days', min: 0, max: 30 })],
  severity: 'red',
  basis: zhEn(
    '《医疗保障基金使用监督管理条例》第三十八条、第四十条：虚构医药服务骗取基金',
    'Medical insurance fund regulation arts. 38, 40: fictitious services',
  ),
  explanation: zhEn(
    '{name_hint}于{death_date}死亡，{first}至{last}在{inst_code}发生结算{count}笔，共{total}元',
    'Patient {name_hint} died on {death_date}; {count} claims admitted {first} to {last} at {inst_code}, {total} yuan in all',
  ),
  handling: zhEn(
    '调取病历与结算凭证，追回基金并查处机构',
    'Obtain the records; recover the fund and act against the institution',
  ),
  incremental: { drivers: ['med_claim', 'death'] },
  summary: { items: 'claim', period: 'admit_date', amount: 'amount' },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'c', dataset: 'med_claim', role: 'claim' },
      { alias: 'd', dataset: 'death', role: 'death', on: [eq('d.id', 'c.patient_id')] },
    ],
    where: [cmp('c.admit_date', '>', fn('add_days', 'd.death_date', param('grace_days')))],
    // One warning per patient and institution, every claim after the death in it.
    key: ['c.patient_id', 'c.inst_code'],
    subject: 'c.patient_id',
    facts: {
      name_hint: 'd.name',
      death_date: 'd.death_date',
      admit_date: 'c.admit_date',
      inst_code: 'c.inst_code',
      amount: 'c.amount',
      claim_id: 'c.claim_id',
    },
  },
};

export const M03: ModelSpec = {
  id: 'M03',
  version: 1,
  name: zhEn('同期多院住院', 'Concurrent inpatient stays'),
  category: 'M',
  inputs: ['med_claim'],
  parameters: [],
  severity: 'red',
  basis: zhEn(
    '《医疗保障基金使用监督管理条例》第十五条、第三十八条：挂床住院、虚假住院',
    'Medical insurance fund regulation arts. 15, 38: phantom or bed-blocking admissions',
  ),
  explanation: zhEn(
    '同一参保人{admit_a}至{discharge_a}在{inst_a}住院，{admit_b}至{discharge_b}又在{inst_b}住院',
    'The same patient was an inpatient at {inst_a} from {admit_a} to {discharge_a} and at {inst_b} from {admit_b} to {discharge_b}',
  ),
  handling: zhEn('调取两家机构病历，核实真实住院情况', 'Obtain both records and establish which stay was real'),
  incremental: { drivers: ['med_claim'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'a', dataset: 'med_claim', role: 'stay', where: [inpatient('a')] },
      {
        alias: 'b',
        dataset: 'med_claim',
        role: 'overlapping_stay',
        on: [
          eq('b.patient_id', 'a.patient_id'),
          ne('b.inst_code', 'a.inst_code'),
          cmp('a.claim_id', '<', 'b.claim_id'),
        ],
        where: [inpatient('b')],
      },
    ],
    // Strict overlap: a transfer discharged and admitted on the same day is not a hit. An open
    // discharge date means the stay is still running.
    where: [
      or(isNull('b.discharge_date'), cmp('a.admit_date', '<', 'b.discharge_date')),
      or(isNull('a.discharge_date'), cmp('b.admit_date', '<', 'a.discharge_date')),
    ],
    subject: 'a.patient_id',
    facts: {
      inst_a: 'a.inst_code',
      admit_a: 'a.admit_date',
      discharge_a: 'a.discharge_date',
      inst_b: 'b.inst_code',
      admit_b: 'b.admit_date',
      discharge_b: 'b.discharge_date',
    },
  },
};

export const M04: ModelSpec = {
  id: 'M04',
  version: 1,
  name: zhEn('医师多点挂证', 'Doctor registered at several institutions'),
  category: 'M',
  inputs: ['med_staff'],
  parameters: [
    parameter('min_institutions', 'int', 3, '同时执业机构数下限', 'Institutions at once, at least', {
      unit: 'count',
      min: 2,
    }),
  ],
  severity: 'orange',
  basis: zhEn(
    '《医师执业注册管理办法》及医保定点协议：防止挂证虚增人员配备',
    'Physician registration rules and insurance agreements: no lending of licences to pad staffing',
  ),
  explanation: zhEn(
    '该执业人员自{from_date}起同时在{institutions}家机构登记执业',
    'From {from_date} this practitioner was registered at {institutions} institutions at once',
  ),
  handling: zhEn(
    '核实实际执业地点与考勤，查处挂证机构',
    'Establish where they really work; act against the institutions',
  ),
  incremental: false,
  logic: {
    kind: 'rule',
    // At the start of each registration, count the registrations active that day: the most
    // registrations held at once always shows at some start date.
    sources: [
      { alias: 's', dataset: 'med_staff', role: 'registration' },
      {
        alias: 't',
        dataset: 'med_staff',
        role: 'concurrent_registration',
        on: [eq('t.person_id', 's.person_id'), during('s.start_date', 't.start_date', 't.end_date')],
      },
    ],
    aggregate: {
      groupBy: ['s.person_id', 's.start_date'],
      having: [cmp(agg('count', 't.inst_code', { distinct: true }), '>=', param('min_institutions'))],
    },
    subject: 's.person_id',
    facts: { from_date: 's.start_date', institutions: agg('count', 't.inst_code', { distinct: true }) },
  },
};

export const M05: ModelSpec = {
  id: 'M05',
  version: 1,
  name: zhEn('短期重复住院', 'Readmission'),
  category: 'M',
  inputs: ['med_claim'],
  parameters: [
    parameter('window_days', 'int', 15, '再入院间隔天数', 'Readmitted within', { unit: 'days', min: 0, max: 365 }),
  ],
  severity: 'yellow',
  basis: zhEn('医保支付政策：分解住院', 'Insurance payment rules: splitting one stay into several admissions'),
  explanation: zhEn(
    '同一参保人{discharge_a}自{inst_code}出院，{gap_days}天后于{admit_b}再次入院',
    'The patient was discharged from {inst_code} on {discharge_a} and readmitted {gap_days} days later on {admit_b}',
  ),
  handling: zhEn('调取两次病历，核查是否分解住院', 'Compare both records for a split admission'),
  incremental: { drivers: ['med_claim'] },
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'a', dataset: 'med_claim', role: 'first_stay', where: [inpatient('a'), notNull('a.discharge_date')] },
      {
        alias: 'b',
        dataset: 'med_claim',
        role: 'readmission',
        on: [eq('b.patient_id', 'a.patient_id'), eq('b.inst_code', 'a.inst_code'), ne('b.claim_id', 'a.claim_id')],
        where: [inpatient('b')],
      },
    ],
    where: [
      and(
        cmp('b.admit_date', '>=', 'a.discharge_date'),
        cmp(fn('days_between', 'a.discharge_date', 'b.admit_date'), '<=', param('window_days')),
      ),
    ],
    subject: 'a.patient_id',
    facts: {
      inst_code: 'a.inst_code',
      discharge_a: 'a.discharge_date',
      admit_b: 'b.admit_date',
      gap_days: fn('days_between', 'a.discharge_date', 'b.admit_date'),
    },
  },
};
