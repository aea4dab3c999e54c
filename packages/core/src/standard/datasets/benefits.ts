import type { StandardDatasetType } from '../catalogue-types.js';
import { programmeEnumValues } from '../programmes.js';
import { amountField, divisionField, endDateField, idField, personNameField, startDateField } from './common-fields.js';
import { code, enumField, field } from './define.js';

const CIVIL_AFFAIRS_AND_OTHERS = {
  zh: '民政、人社、农业农村、财政等',
  en: 'Civil affairs, human resources, agriculture, finance',
};
const PROGRAM_SYNONYMS = ['项目', '补贴项目', '资金项目', '救助类别', '保障类别', '项目名称', '补贴类别', '惠民项目'];

function programField() {
  return enumField('program', '惠民惠农项目', 'Benefit programme', programmeEnumValues(), {
    required: true,
    synonyms: PROGRAM_SYNONYMS,
  });
}

export const BENEFIT_ROLL: StandardDatasetType = {
  key: 'benefit_roll',
  name: { zh: '享受对象名册', en: 'Beneficiary roll' },
  source: CIVIL_AFFAIRS_AND_OTHERS,
  naturalKey: ['program', 'id', 'start_date'],
  fields: [
    programField(),
    idField({ required: true, synonyms: ['享受对象身份证号', '救助对象身份证号', '保障对象身份证号'] }),
    personNameField({ required: true, synonyms: ['享受对象姓名', '救助对象姓名', '保障对象姓名', '户主姓名'] }),
    field('household_no', 'text', '户号', 'Household number', {
      synonyms: ['户编号', '家庭编号', '保障证号', '救助证号'],
    }),
    divisionField({ required: true }),
    startDateField({ required: true, synonyms: ['享受起始日期', '批准日期', '审批日期', '纳入日期', '保障起始日期'] }),
    endDateField({ synonyms: ['停发日期', '退出日期', '享受截止日期', '停保日期'] }),
    field('approver_id', 'id', '审批人身份证号', 'Approver ID number', {
      synonyms: ['审批人证件号码', '经办人身份证号'],
    }),
    enumField(
      'status',
      '享受状态',
      'Status',
      [
        code('active', '在保', 'Receiving', ['正常', '享受中', '在册', '有效']),
        code('suspended', '暂停', 'Suspended', ['停发', '暂停发放']),
        code('terminated', '退出', 'Terminated', ['停保', '终止', '注销', '已退出', '取消']),
      ],
      { synonyms: ['状态', '保障状态', '救助状态'] },
    ),
  ],
};

export const BENEFIT_PAYMENT: StandardDatasetType = {
  key: 'benefit_payment',
  name: { zh: '惠民惠农资金发放明细', en: 'Benefit payments' },
  source: { zh: '财政（"一卡通"系统）', en: 'Finance (one-card payment system)' },
  naturalKey: ['program', 'id', 'period', 'paid_on', 'amount', 'payment_id'],
  // Also one payment per ID (where the payment system gives one), and per person, programme and period.
  alternateKeys: [['payment_id'], ['program', 'id', 'period']],
  fields: [
    field('payment_id', 'text', '发放流水号', 'Payment ID', {
      synonyms: ['流水号', '发放编号', '交易流水号', '序列号'],
    }),
    programField(),
    idField({ required: true, synonyms: ['领取人身份证号', '补贴对象身份证号', '享受对象身份证号'] }),
    personNameField({ required: true, synonyms: ['领取人姓名', '补贴对象姓名', '享受对象姓名', '收款人姓名'] }),
    divisionField({ required: true }),
    amountField({ required: true, synonyms: ['发放金额', '补贴金额', '实发金额', '发放金额(元)', '补助金额'] }),
    field('paid_on', 'date', '发放日期', 'Paid on', {
      required: true,
      synonyms: ['发放时间', '支付日期', '到账日期', '入账日期'],
    }),
    field('period', 'month', '所属期', 'Period', {
      synonyms: ['发放年月', '所属月份', '补贴月份', '发放月份', '所属年月'],
    }),
    field('account_no', 'account', '账号', 'Account number', {
      synonyms: ['银行账号', '卡号', '银行卡号', '社保卡号', '一卡通账号', '收款账号'],
    }),
    field('account_name', 'text', '户名', 'Account name', { synonyms: ['账户名称', '账户名', '开户名', '收款户名'] }),
    field('bank', 'text', '开户银行', 'Bank', { synonyms: ['开户行', '银行', '发放银行', '代发银行'] }),
  ],
};
