import type { StandardDatasetType } from '../catalogue-types.js';
import { code, enumField, field } from './define.js';

export const PERSONAL_REPORT: StandardDatasetType = {
  key: 'personal_report',
  name: { zh: '领导干部个人有关事项报告', en: 'Officials’ personal matters reports' },
  source: { zh: '组织部门', en: 'Organisation department' },
  naturalKey: ['official_id', 'year', 'item_type', 'item_ref'],
  belongsTo: [{ field: 'official_id', dataset: 'official', key: 'id' }],
  fields: [
    field('official_id', 'id', '报告人身份证号', 'Official ID number', {
      required: true,
      synonyms: ['干部身份证号', '本人身份证号', '身份证号', '身份证号码', '公民身份号码', '证件号码'],
    }),
    field('year', 'int', '报告年度', 'Year', { required: true, synonyms: ['年度', '报告年份', '填报年度'] }),
    enumField(
      'item_type',
      '事项类别',
      'Item type',
      [
        code('company_role', '投资或任职企业', 'Company holding or role', [
          '经商办企业',
          '投资企业',
          '企业',
          '持股',
          '任职',
        ]),
        code('vehicle', '车辆', 'Vehicle', ['机动车', '汽车']),
        code('property', '房产', 'Property', ['不动产', '房屋', '住房']),
      ],
      { required: true, synonyms: ['事项类型', '报告事项', '类别'] },
    ),
    field('item_ref', 'text', '事项标识', 'Item reference', {
      required: true,
      synonyms: ['统一社会信用代码/号牌号码/不动产权证号', '标识号', '证号', '关联编号'],
    }),
    enumField(
      'holder_relation',
      '持有人关系',
      'Holder',
      [
        code('self', '本人', 'Self', ['自己']),
        code('spouse', '配偶', 'Spouse', ['夫', '妻', '丈夫', '妻子']),
        code('child', '子女', 'Child', ['儿子', '女儿', '子', '女']),
      ],
      { synonyms: ['持有人', '产权人关系', '与本人关系', '所有人关系'] },
    ),
  ],
};
