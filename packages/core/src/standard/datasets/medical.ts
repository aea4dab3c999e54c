import type { StandardDatasetType } from '../catalogue-types.js';
import { amountField, endDateField, startDateField } from './common-fields.js';
import { code, enumField, field } from './define.js';

const MEDICAL_INSURANCE = { zh: '医保', en: 'Medical insurance' };
// National medical insurance codes for institutions look like H35010200123 (hospitals) or
// P… (pharmacies); kept as text because older local codes are still in use.
const INST_CODE_SYNONYMS = [
  '定点医药机构编码',
  '医药机构编码',
  '机构编码',
  '定点机构编码',
  '医疗机构编码',
  '医院编码',
  '医保编码',
];

export const MED_INSTITUTION: StandardDatasetType = {
  key: 'med_institution',
  name: { zh: '定点医药机构', en: 'Designated medical institutions' },
  source: MEDICAL_INSURANCE,
  naturalKey: ['inst_code'],
  fields: [
    field('inst_code', 'text', '定点医药机构编码', 'Institution code', {
      required: true,
      synonyms: INST_CODE_SYNONYMS,
    }),
    field('name', 'text', '机构名称', 'Name', {
      required: true,
      synonyms: ['定点医药机构名称', '医药机构名称', '医院名称', '药店名称', '单位名称'],
    }),
    field('type', 'text', '机构类型', 'Type', { synonyms: ['医药机构类别', '机构类别', '定点类型'] }),
    field('level', 'text', '机构等级', 'Level', { synonyms: ['医院等级', '等级', '医疗机构等级'] }),
    field('beds', 'int', '床位数', 'Beds', { synonyms: ['核定床位数', '编制床位', '实际开放床位数', '床位'] }),
    field('required_staff', 'int', '应配备人员数', 'Required staff', {
      synonyms: ['应配医务人员数', '核定人员数', '标准人员数'],
    }),
    field('verified_on', 'date', '核查日期', 'Verified on', { synonyms: ['检查日期', '核查时间', '现场核查日期'] }),
    enumField(
      'verification_result',
      '核查结果',
      'Verification result',
      [
        code('passed', '通过', 'Passed', ['合格', '核查通过', '符合']),
        code('failed', '不通过', 'Failed', ['不合格', '核查不通过', '不符合', '未通过']),
      ],
      { synonyms: ['检查结果', '核查结论'] },
    ),
  ],
};

export const MED_STAFF: StandardDatasetType = {
  key: 'med_staff',
  name: { zh: '医务人员执业登记', en: 'Medical staff registrations' },
  source: { zh: '卫健、医保', en: 'Health, medical insurance' },
  naturalKey: ['person_id', 'inst_code', 'start_date'],
  fields: [
    field('person_id', 'id', '医务人员身份证号', 'Staff ID number', {
      required: true,
      synonyms: ['身份证号', '身份证号码', '证件号码', '公民身份号码', '医师身份证号'],
    }),
    field('inst_code', 'text', '执业机构编码', 'Institution code', {
      required: true,
      synonyms: [...INST_CODE_SYNONYMS, '执业机构代码'],
    }),
    field('qualification', 'text', '执业类别', 'Qualification', {
      synonyms: ['资格类别', '执业资格', '执业范围', '职称'],
    }),
    startDateField({ required: true, synonyms: ['执业开始日期', '注册日期', '执业注册日期'] }),
    endDateField({ synonyms: ['执业结束日期', '注销日期', '离职日期'] }),
  ],
};

export const MED_CLAIM: StandardDatasetType = {
  key: 'med_claim',
  name: { zh: '医保结算明细', en: 'Medical insurance claims' },
  source: MEDICAL_INSURANCE,
  naturalKey: ['claim_id'],
  fields: [
    field('claim_id', 'text', '结算流水号', 'Claim ID', {
      required: true,
      synonyms: ['结算ID', '结算编号', '就诊流水号', '单据号'],
    }),
    field('inst_code', 'text', '定点医药机构编码', 'Institution code', {
      required: true,
      synonyms: INST_CODE_SYNONYMS,
    }),
    field('patient_id', 'id', '参保人身份证号', 'Patient ID number', {
      required: true,
      synonyms: ['身份证号', '身份证号码', '证件号码', '公民身份号码', '患者身份证号', '参保人证件号码'],
    }),
    field('admit_date', 'date', '入院日期', 'Admission date', {
      required: true,
      synonyms: ['就诊日期', '入院时间', '就诊时间', '购药日期'],
    }),
    field('discharge_date', 'date', '出院日期', 'Discharge date', { synonyms: ['出院时间', '结算日期'] }),
    amountField({ required: true, synonyms: ['医疗费总额', '总费用', '费用总额', '医疗总费用'] }),
    field('fund_paid', 'money', '统筹基金支付', 'Fund paid', {
      synonyms: ['基金支付', '基金支付金额', '统筹支付', '医保支付金额'],
    }),
    field('diagnosis', 'text', '诊断', 'Diagnosis', { synonyms: ['主要诊断', '诊断名称', '出院诊断', '疾病名称'] }),
    enumField(
      'claim_type',
      '结算类型',
      'Claim type',
      [
        code('inpatient', '住院', 'Inpatient', ['住院结算', '普通住院']),
        code('outpatient', '门诊', 'Outpatient', ['普通门诊', '门诊结算', '门诊慢特病', '门特']),
        code('pharmacy', '药店购药', 'Pharmacy', ['定点药店', '药店', '购药']),
      ],
      { synonyms: ['医疗类别', '就诊类型', '结算类别'] },
    ),
  ],
};
