import type { StandardDatasetType } from '../catalogue-types.js';
import {
  addressField,
  divisionField,
  endDateField,
  idField,
  phoneField,
  plateField,
  startDateField,
} from './common-fields.js';
import { code, enumField, field } from './define.js';

const OWNER_SYNONYMS = ['所有人证件号码', '所有人身份证号', '所有人证件号', '车主证件号码', '车主身份证号'];

export const VEHICLE: StandardDatasetType = {
  key: 'vehicle',
  name: { zh: '机动车登记信息', en: 'Motor vehicle register' },
  source: { zh: '公安交管', en: 'Traffic police' },
  naturalKey: ['plate', 'registered_on'],
  fields: [
    plateField({ required: true }),
    field('owner', 'subject', '所有人证件号码', 'Owner (ID or USCC)', { required: true, synonyms: OWNER_SYNONYMS }),
    field('owner_name', 'text', '所有人', 'Owner name', {
      synonyms: ['所有人姓名', '车主', '车主姓名', '机动车所有人'],
    }),
    enumField(
      'vehicle_type',
      '车辆类型',
      'Vehicle type',
      [
        code('passenger_small', '小型客车', 'Small passenger car', [
          '小型轿车',
          '小型普通客车',
          '小型越野客车',
          '微型轿车',
          '微型普通客车',
          '小型专用客车',
          'K33',
          'K31',
          'K32',
          'K43',
        ]),
        code('passenger_large', '大中型客车', 'Large or medium bus', [
          '大型客车',
          '中型客车',
          '大型普通客车',
          '中型普通客车',
          '大型卧铺客车',
          'K11',
          'K21',
        ]),
        code('truck', '货车', 'Truck', [
          '重型货车',
          '中型货车',
          '轻型货车',
          '微型货车',
          '重型普通货车',
          '中型普通货车',
          '轻型普通货车',
          '微型普通货车',
          '重型半挂牵引车',
          'H11',
          'H21',
          'H31',
          'H41',
        ]),
        code('motorcycle', '摩托车', 'Motorcycle', [
          '普通二轮摩托车',
          '轻便摩托车',
          '普通三轮摩托车',
          '轻便二轮摩托车',
        ]),
        code('agricultural', '农用车', 'Agricultural vehicle', [
          '拖拉机',
          '低速货车',
          '三轮汽车',
          '轮式拖拉机',
          '手扶拖拉机',
        ]),
        code('other', '其他', 'Other', ['其它', '专项作业车']),
      ],
      { synonyms: ['车辆类型名称', '车型', '车辆种类', 'cllx'] },
    ),
    field('value', 'money', '车辆价格', 'Value', { synonyms: ['购置价格', '车价', '价格', '车辆价值', '发票价格'] }),
    field('registered_on', 'date', '初次登记日期', 'Registered on', {
      required: true,
      synonyms: ['注册登记日期', '登记日期', '初登日期', '初次登记时间', 'ccdjrq'],
    }),
    field('deregistered_on', 'date', '注销日期', 'Deregistered on', { synonyms: ['注销时间', '报废日期', '转出日期'] }),
  ],
};

export const PROPERTY: StandardDatasetType = {
  key: 'property',
  name: { zh: '不动产登记信息', en: 'Real estate register' },
  source: { zh: '自然资源（不动产登记中心）', en: 'Natural resources (real estate registry)' },
  naturalKey: ['cert_no'],
  fields: [
    field('cert_no', 'text', '不动产权证号', 'Certificate number', {
      required: true,
      synonyms: ['不动产权证书号', '权证号', '产权证号', '房产证号', '不动产证号', '证书号', '不动产登记证明号'],
    }),
    field('owner', 'subject', '权利人证件号码', 'Owner (ID or USCC)', {
      required: true,
      synonyms: ['权利人证件号', '权利人身份证号', '产权人证件号码', '产权人身份证号', '证件号码', '身份证号'],
    }),
    field('owner_name', 'text', '权利人', 'Owner name', {
      synonyms: ['权利人名称', '权利人姓名', '产权人', '所有权人'],
    }),
    divisionField(),
    addressField({ synonyms: ['坐落', '房屋坐落', '不动产坐落', '坐落地址'] }),
    enumField(
      'use',
      '用途',
      'Use',
      [
        code('residential', '住宅', 'Residential', [
          '成套住宅',
          '城镇住宅',
          '农村宅基地',
          '宅基地',
          '住宅用地',
          '非成套住宅',
        ]),
        code('commercial', '商业', 'Commercial', ['商业服务', '商服', '商服用地', '办公', '商业用房', '商铺']),
        code('industrial', '工业', 'Industrial', ['工业用地', '厂房', '仓储', '工矿仓储']),
        code('other', '其他', 'Other', ['其它', '车库', '车位']),
      ],
      { synonyms: ['房屋用途', '规划用途', '土地用途'] },
    ),
    field('area_m2', 'decimal', '建筑面积', 'Floor area (m²)', {
      synonyms: ['面积', '建筑面积(平方米)', '房屋建筑面积', '建筑面积(㎡)', '面积(平方米)'],
    }),
    field('registered_on', 'date', '登记日期', 'Registered on', {
      required: true,
      synonyms: ['登簿日期', '登记时间', '发证日期'],
    }),
    field('cancelled_on', 'date', '注销日期', 'Cancelled on', { synonyms: ['注销时间', '转移日期', '注销登记日期'] }),
  ],
};

export const COMPANY: StandardDatasetType = {
  key: 'company',
  name: { zh: '市场主体登记信息', en: 'Business register' },
  source: { zh: '市场监管', en: 'Market regulation' },
  naturalKey: ['uscc'],
  fields: [
    field('uscc', 'uscc', '统一社会信用代码', 'USCC', {
      required: true,
      synonyms: ['信用代码', '社会信用代码', '统一代码', 'tyshxydm'],
    }),
    field('name', 'text', '企业名称', 'Name', {
      required: true,
      synonyms: ['市场主体名称', '主体名称', '名称', '单位名称', '企业(机构)名称'],
    }),
    field('legal_rep_id', 'id', '法定代表人证件号码', 'Legal representative ID', {
      synonyms: ['法定代表人身份证号', '法人身份证号', '法人证件号码', '负责人证件号码', '经营者身份证号'],
    }),
    field('legal_rep_name', 'text', '法定代表人', 'Legal representative', {
      synonyms: ['法定代表人姓名', '法人', '法人代表', '负责人', '经营者'],
    }),
    field('established_on', 'date', '成立日期', 'Established on', {
      required: true,
      synonyms: ['注册日期', '成立时间', '登记日期'],
    }),
    enumField(
      'status',
      '登记状态',
      'Status',
      [
        code('active', '存续', 'Active', ['在业', '开业', '在营', '存续（在营、开业、在册）', '正常']),
        code('revoked', '吊销', 'Revoked', ['吊销，未注销', '已吊销', '吊销未注销']),
        code('deregistered', '注销', 'Deregistered', ['已注销', '吊销，已注销']),
      ],
      { synonyms: ['经营状态', '企业状态', '状态'] },
    ),
    field('deregistered_on', 'date', '注销日期', 'Deregistered on', { synonyms: ['注销时间', '吊销日期'] }),
    field('registered_capital', 'money', '注册资本', 'Registered capital', { synonyms: ['注册资金', '认缴资本'] }),
    field('industry', 'text', '行业', 'Industry', { synonyms: ['所属行业', '行业门类', '国民经济行业', '行业代码'] }),
    addressField({ synonyms: ['住所', '注册地址', '经营场所', '住所(经营场所)'] }),
    phoneField('phone', { synonyms: ['企业联系电话', '联系人电话'] }),
    divisionField({ synonyms: ['登记机关区划', '住所所在行政区划'] }),
  ],
};

export const COMPANY_ROLE: StandardDatasetType = {
  key: 'company_role',
  name: { zh: '股东及主要人员', en: 'Shareholders and key staff' },
  source: { zh: '市场监管', en: 'Market regulation' },
  naturalKey: ['uscc', 'person_id', 'role'],
  belongsTo: [{ field: 'uscc', dataset: 'company', key: 'uscc' }],
  fields: [
    field('uscc', 'uscc', '统一社会信用代码', 'Company USCC', {
      required: true,
      synonyms: ['企业信用代码', '社会信用代码', '企业统一社会信用代码'],
    }),
    field('person_id', 'id', '人员证件号码', 'Person ID number', {
      required: true,
      synonyms: ['证件号码', '身份证号', '身份证号码', '股东证件号码', '人员身份证号', '公民身份号码'],
    }),
    field('person_name', 'text', '人员姓名', 'Person name', { synonyms: ['姓名', '股东名称', '股东姓名', '股东'] }),
    enumField(
      'role',
      '角色',
      'Role',
      [
        code('legal_rep', '法定代表人', 'Legal representative', ['法人', '法人代表', '负责人', '经营者']),
        code('shareholder', '股东', 'Shareholder', ['投资人', '出资人', '发起人', '自然人股东']),
        code('director', '董事', 'Director', ['执行董事', '董事长', '副董事长', '董事会成员']),
        code('supervisor', '监事', 'Supervisor', ['监事会主席', '监事长']),
        code('manager', '经理', 'Manager', ['总经理', '副总经理', '财务负责人']),
      ],
      { required: true, synonyms: ['职务', '人员类型', '身份', '任职'] },
    ),
    field('share_pct', 'decimal', '持股比例', 'Share (%)', { synonyms: ['出资比例', '持股比例(%)', '股份比例'] }),
    startDateField({ synonyms: ['任职日期', '出资日期', '入股日期'] }),
    endDateField({ synonyms: ['离任日期', '退出日期', '转让日期'] }),
  ],
};

export const SOCIAL_INSURANCE: StandardDatasetType = {
  key: 'social_insurance',
  name: { zh: '社会保险参保缴费', en: 'Social insurance contributions' },
  source: { zh: '人社、税务', en: 'Human resources and social security, tax' },
  naturalKey: ['id', 'employer_uscc', 'period'],
  belongsTo: [{ field: 'employer_uscc', dataset: 'company', key: 'uscc' }],
  fields: [
    idField({ required: true, synonyms: ['参保人身份证号', '参保人证件号码'] }),
    field('employer_uscc', 'uscc', '参保单位统一社会信用代码', 'Employer USCC', {
      required: true,
      synonyms: ['单位统一社会信用代码', '单位信用代码', '统一社会信用代码', '缴费单位信用代码'],
    }),
    field('employer_name', 'text', '参保单位名称', 'Employer', { synonyms: ['单位名称', '缴费单位', '参保单位'] }),
    field('period', 'month', '缴费年月', 'Period', {
      required: true,
      synonyms: ['费款所属期', '所属期', '缴费月份', '对应年月'],
    }),
    field('base', 'money', '缴费基数', 'Contribution base', { synonyms: ['缴费工资', '个人缴费基数', '申报基数'] }),
  ],
};
