import { findDataset } from '../standard/catalogue.js';
import type { LocalisedText } from '../standard/result.js';
import type { Lang } from '../standard/value-labels.js';

// The part each source row plays in a built-in model's hit (Source.role), in words.
const ROLES: Readonly<Record<string, LocalisedText>> = {
  payment: { zh: '发放记录', en: 'payment' },
  excluded_payment: { zh: '互斥项目发放', en: 'excluding payment' },
  death: { zh: '死亡记录', en: 'death' },
  enrolment: { zh: '享受对象名册', en: 'enrolment' },
  household_member: { zh: '家庭成员', en: 'household member' },
  person: { zh: '人口信息', en: 'person' },
  payroll: { zh: '财政供养记录', en: 'payroll record' },
  official: { zh: '公职人员', en: 'official' },
  kinship: { zh: '亲属关系', en: 'relative' },
  company: { zh: '企业', en: 'company' },
  company_role: { zh: '企业任职', en: 'company role' },
  linked_company: { zh: '关联企业', en: 'linked company' },
  linked_company_role: { zh: '关联企业任职', en: 'role in the linked company' },
  vehicle: { zh: '车辆', en: 'vehicle' },
  property: { zh: '不动产', en: 'property' },
  insurance: { zh: '参保缴费', en: 'insurance' },
  registration: { zh: '执业登记', en: 'registration' },
  concurrent_registration: { zh: '同时执业登记', en: 'concurrent registration' },
  tender: { zh: '招标项目', en: 'tender' },
  bid: { zh: '投标', en: 'bid' },
  winning_bid: { zh: '中标', en: 'winning bid' },
  losing_bid: { zh: '落标', en: 'losing bid' },
  linked_bid: { zh: '关联投标', en: 'linked bid' },
  award: { zh: '授标合同', en: 'award' },
  contract: { zh: '合同', en: 'contract' },
  first_contract: { zh: '首份合同', en: 'first contract' },
  reimbursement: { zh: '报销', en: 'reimbursement' },
  invoice: { zh: '发票', en: 'invoice' },
  trip: { zh: '出车记录', en: 'trip' },
  fuel: { zh: '加油记录', en: 'fuel fill' },
  institution: { zh: '医疗机构', en: 'institution' },
  staff: { zh: '执业人员', en: 'staff' },
  claim: { zh: '医保结算', en: 'claim' },
  first_claim: { zh: '首次结算', en: 'first claim' },
  stay: { zh: '住院', en: 'stay' },
  first_stay: { zh: '首次住院', en: 'first stay' },
  overlapping_stay: { zh: '重叠住院', en: 'overlapping stay' },
  readmission: { zh: '再次入院', en: 'readmission' },
  collective: { zh: '集体经济组织', en: 'collective' },
  lease: { zh: '发包合同', en: 'lease' },
  outflow: { zh: '支出', en: 'outflow' },
  asset: { zh: '集体资产', en: 'asset' },
  land: { zh: '土地承包', en: 'land' },
  land_contract: { zh: '土地承包合同', en: 'land contract' },
};

/**
 * The part an evidence row plays, in words: a built-in role's own, else (a builder-made
 * model's `<dataset>` or `<dataset>_<alias>`) the name of the dataset the row comes from.
 */
export function evidenceRoleLabel(role: string, dataset: string, lang: Lang): string {
  return ROLES[role]?.[lang] ?? findDataset(dataset)?.name[lang] ?? role;
}

/** Every role the vocabulary names (for the test that keeps it complete). */
export function knownEvidenceRoles(): readonly string[] {
  return Object.keys(ROLES);
}
