/**
 * Which department sends which dataset, and how. Styles are fixed per file (not drawn at
 * random) so the plan reads like a description of the county's real data landscape; the
 * headers are drawn from the seed.
 */
import type { FileStyle } from './formats.js';
import type { DemoEncoding } from './file-writer.js';
import type { Row } from './world.js';

export interface PlannedFile {
  dataset: string;
  department: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: DemoEncoding;
  style: FileStyle;
  filter?: (row: Row) => boolean;
}

const CIVIL_AFFAIRS_PROGRAMMES = new Set(['dibao', 'tekun', 'old_age_allowance', 'disability_living', 'temp_relief']);
const S = (
  date: FileStyle['date'],
  money: FileStyle['money'],
  enums: FileStyle['enums'],
  bool: FileStyle['bool'] = 'chinese',
): FileStyle => ({ date, money, enums, bool });

export const FILE_PLAN: readonly PlannedFile[] = [
  {
    dataset: 'person',
    department: 'public_security',
    fileName: '公安局-人口基础信息.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('compact', 'plain', 'label'),
  },
  {
    dataset: 'death',
    department: 'public_security',
    fileName: '公安局-死亡注销人员.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('compact', 'plain', 'label'),
    filter: (r) => r.source === 'public_security',
  },
  {
    dataset: 'death',
    department: 'civil_affairs',
    fileName: '民政局-火化人员信息.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    style: S('chinese', 'plain', 'term'),
    filter: (r) => r.source !== 'public_security',
  },
  {
    dataset: 'vehicle',
    department: 'public_security',
    fileName: '公安局交警大队-机动车登记.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('slash', 'grouped', 'label'),
  },
  {
    dataset: 'payroll',
    department: 'finance',
    fileName: '财政局-财政供养人员.xlsx',
    format: 'xlsx',
    encoding: 'utf-8',
    style: S('iso', 'plain', 'term'),
  },
  {
    dataset: 'fiscal_payment',
    department: 'finance',
    fileName: '财政局-国库集中支付明细.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    style: S('slash', 'grouped', 'label'),
  },
  {
    dataset: 'reimbursement',
    department: 'finance',
    fileName: '财政局-公务支出报销明细.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    style: S('iso', 'yuan-suffix', 'term'),
  },
  {
    dataset: 'official',
    department: 'organisation_dept',
    fileName: '组织部-公职人员及村干部.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    style: S('chinese', 'plain', 'label', 'chinese'),
  },
  {
    dataset: 'kinship',
    department: 'organisation_dept',
    fileName: '组织部-干部亲属关系.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    style: S('dot', 'plain', 'term'),
  },
  {
    dataset: 'personal_report',
    department: 'organisation_dept',
    fileName: '组织部-个人有关事项报告.csv',
    format: 'csv',
    encoding: 'utf-8',
    style: S('iso', 'plain', 'label'),
  },
  {
    dataset: 'benefit_roll',
    department: 'civil_affairs',
    fileName: '民政局-救助对象名册.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('slash', 'plain', 'term'),
  },
  {
    dataset: 'benefit_payment',
    department: 'civil_affairs',
    fileName: '民政局-社会救助资金发放.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('slash', 'yuan-sign', 'term'),
    filter: (r) => CIVIL_AFFAIRS_PROGRAMMES.has(String(r.program)),
  },
  {
    dataset: 'benefit_payment',
    department: 'hr_social',
    fileName: '人社局-城乡居民养老金发放.xlsx',
    format: 'xlsx',
    encoding: 'utf-8',
    style: S('compact', 'plain', 'label'),
    filter: (r) => r.program === 'pension_resident',
  },
  {
    dataset: 'benefit_payment',
    department: 'agriculture',
    fileName: '农业农村局-耕地地力保护补贴.csv',
    format: 'csv',
    encoding: 'utf-8',
    style: S('chinese', 'wan-mixed', 'label'),
    filter: (r) => r.program === 'farmland',
  },
  {
    dataset: 'social_insurance',
    department: 'hr_social',
    fileName: '人社局-社会保险参保缴费.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('compact', 'plain', 'code'),
  },
  {
    dataset: 'company',
    department: 'market',
    fileName: '市场监管局-市场主体登记.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    style: S('chinese', 'wan-mixed', 'label'),
  },
  {
    dataset: 'company_role',
    department: 'market',
    fileName: '市场监管局-股东及主要人员.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    style: S('iso', 'plain', 'term'),
  },
  {
    dataset: 'property',
    department: 'natural_resources',
    fileName: '自然资源局-不动产登记.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('dot', 'plain', 'label'),
  },
  {
    dataset: 'tender',
    department: 'trading_centre',
    fileName: '交易中心-招标项目.csv',
    format: 'csv',
    encoding: 'utf-8',
    style: S('iso', 'wan-mixed', 'label'),
  },
  {
    dataset: 'bid',
    department: 'trading_centre',
    fileName: '交易中心-投标记录.csv',
    format: 'csv',
    encoding: 'utf-8',
    style: S('iso', 'grouped', 'label'),
  },
  {
    dataset: 'contract',
    department: 'trading_centre',
    fileName: '交易中心-合同信息.csv',
    format: 'csv',
    encoding: 'utf-8',
    style: S('slash', 'yuan-sign', 'label'),
  },
  {
    dataset: 'invoice',
    department: 'tax',
    fileName: '税务局-发票信息.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('compact', 'yuan-suffix', 'label'),
  },
  {
    dataset: 'vehicle_trip',
    department: 'government_affairs',
    fileName: '机关事务局-公务用车行驶记录.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    style: S('slash', 'plain', 'label'),
  },
  {
    dataset: 'fuel',
    department: 'government_affairs',
    fileName: '机关事务局-公务加油记录.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    style: S('iso', 'yuan-sign', 'label'),
  },
  {
    dataset: 'med_institution',
    department: 'medical_insurance',
    fileName: '医保局-定点医药机构.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('chinese', 'plain', 'term'),
  },
  {
    dataset: 'med_staff',
    department: 'medical_insurance',
    fileName: '医保局-医务人员执业登记.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('compact', 'plain', 'label'),
  },
  {
    dataset: 'med_claim',
    department: 'medical_insurance',
    fileName: '医保局-医保结算明细.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('slash', 'grouped', 'label'),
  },
  {
    dataset: 'collective_org',
    department: 'agriculture',
    fileName: '农业农村局-农村集体经济组织.csv',
    format: 'csv',
    encoding: 'utf-8',
    style: S('iso', 'plain', 'label'),
  },
  {
    dataset: 'collective_asset',
    department: 'agriculture',
    fileName: '农业农村局-集体资产资源.csv',
    format: 'csv',
    encoding: 'utf-8',
    style: S('iso', 'wan-mixed', 'term'),
  },
  {
    dataset: 'collective_lease',
    department: 'agriculture',
    fileName: '农业农村局-发包租赁合同.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    style: S('chinese', 'yuan-suffix', 'label', 'yn'),
  },
  {
    dataset: 'collective_ledger',
    department: 'agriculture',
    fileName: '农业农村局-集体资金收支明细.csv',
    format: 'csv',
    encoding: 'gbk',
    style: S('dot', 'grouped', 'label', 'digit'),
  },
];
