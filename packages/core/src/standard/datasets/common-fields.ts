import type { ScalarFieldDef } from '../catalogue-types.js';
import { field, type FieldOptions } from './define.js';

/** Extra synonyms given by a dataset are added to the common ones, never replace them. */
function merge(common: readonly string[], options: FieldOptions): FieldOptions {
  return { ...options, synonyms: [...new Set([...common, ...(options.synonyms ?? [])])] };
}

/**
 * Fields that recur across datasets with the same meaning and the same headers in
 * departments' files. Role-specific person fields (official_id, relative_id…) are defined
 * in their datasets because a bare "身份证号" there would be ambiguous.
 */
export const ID_SYNONYMS = [
  '公民身份号码',
  '身份证号',
  '身份证号码',
  '证件号码',
  '证件号',
  '身份证',
  '身份证件号码',
  '居民身份证号码',
  '公民身份证号',
  '公民身份证号码',
  'sfzh',
  'id_no',
  'id_card',
];

export function idField(options: FieldOptions = {}): ScalarFieldDef {
  return field('id', 'id', '公民身份号码', 'Citizen ID number', merge(ID_SYNONYMS, options));
}

export function personNameField(options: FieldOptions = {}): ScalarFieldDef {
  return field('name', 'text', '姓名', 'Name', merge(['人员姓名', '名字', 'xm'], options));
}

export function divisionField(options: FieldOptions = {}): ScalarFieldDef {
  return field(
    'division',
    'division',
    '行政区划',
    'Administrative division',
    merge(
      [
        '行政区划代码',
        '区划代码',
        '所属区划',
        '区划',
        '所属地区',
        '地区代码',
        '所属行政区划',
        '行政区域',
        '所在地区划代码',
        'xzqh',
        'division_code',
      ],
      options,
    ),
  );
}

export function startDateField(options: FieldOptions = {}): ScalarFieldDef {
  return field(
    'start_date',
    'date',
    '开始日期',
    'Start date',
    merge(['起始日期', '起始时间', '开始时间', '起始年月日', '起始日'], options),
  );
}

export function endDateField(options: FieldOptions = {}): ScalarFieldDef {
  return field(
    'end_date',
    'date',
    '结束日期',
    'End date',
    merge(['终止日期', '截止日期', '结束时间', '终止时间', '截止时间'], options),
  );
}

export function addressField(options: FieldOptions = {}): ScalarFieldDef {
  return field(
    'address',
    'text',
    '地址',
    'Address',
    merge(['住址', '详细地址', '住所', '通讯地址', '联系地址'], options),
  );
}

export function phoneField(key = 'phone', options: FieldOptions = {}): ScalarFieldDef {
  return field(
    key,
    'phone',
    '联系电话',
    'Telephone',
    merge(['电话', '手机号', '手机号码', '电话号码', '联系方式', '移动电话'], options),
  );
}

export function amountField(options: FieldOptions = {}): ScalarFieldDef {
  return field(
    'amount',
    'money',
    '金额',
    'Amount',
    merge(['金额(元)', '金额（元）', '总金额', '合计金额', '金额合计'], options),
  );
}

/** A plate number, kept as text: formats differ between new-energy and ordinary plates. */
export function plateField(options: FieldOptions = {}): ScalarFieldDef {
  return field(
    'plate',
    'text',
    '号牌号码',
    'Plate number',
    merge(['车牌号', '车牌号码', '车牌', '号牌', '机动车号牌', '车号'], options),
  );
}
