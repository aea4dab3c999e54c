import type { StandardDatasetType } from '../catalogue-types.js';
import {
  addressField,
  divisionField,
  endDateField,
  idField,
  personNameField,
  phoneField,
  startDateField,
} from './common-fields.js';
import { code, enumField, field } from './define.js';

const PUBLIC_SECURITY = { zh: '公安机关', en: 'Public security' };

export const PERSON: StandardDatasetType = {
  key: 'person',
  name: { zh: '人口基础信息', en: 'Population register' },
  source: PUBLIC_SECURITY,
  naturalKey: ['id'],
  fields: [
    idField({ required: true }),
    personNameField({ required: true }),
    enumField(
      'gender',
      '性别',
      'Sex',
      [
        // GB/T 2261.1 codes 1/2/0/9 appear as numbers in public-security exports.
        code('male', '男', 'Male', ['男性', '1']),
        code('female', '女', 'Female', ['女性', '2']),
        code('unknown', '未知', 'Unknown', ['未知的性别', '未说明', '未说明的性别', '0', '9']),
      ],
      { synonyms: ['性 别', 'xb', 'sex'] },
    ),
    field('birth_date', 'date', '出生日期', 'Date of birth', { synonyms: ['出生年月日', '生日', '出生年月', 'csrq'] }),
    divisionField({
      required: true,
      synonyms: ['户籍地行政区划', '户籍地区划代码', '户籍所在地区划', '行政区划代码', '区划代码'],
    }),
    addressField({ synonyms: ['户籍地址', '住址', '户籍地详址', '现住址', '详细地址'] }),
    field('household_no', 'text', '户号', 'Household number', { synonyms: ['户编号', '户口编号', '户籍编号', 'hh'] }),
    enumField(
      'household_role',
      '与户主关系',
      'Relation to household head',
      [
        code('head', '户主', 'Head of household', ['本人', '户主本人', '01', '02']),
        code('spouse', '配偶', 'Spouse', ['妻', '夫', '妻子', '丈夫', '10', '11', '12']),
        code('child', '子女', 'Child', ['子', '女', '儿子', '女儿', '长子', '次子', '长女', '次女', '养子', '养女']),
        code('parent', '父母', 'Parent', ['父亲', '母亲', '父', '母']),
        code('grandchild', '孙子女', 'Grandchild', ['孙子', '孙女', '外孙子', '外孙女']),
        code('sibling', '兄弟姐妹', 'Sibling', ['兄', '弟', '姐', '妹', '哥哥', '弟弟', '姐姐', '妹妹']),
        code('child_in_law', '儿媳女婿', 'Child-in-law', ['儿媳', '女婿']),
        code('other', '其他', 'Other', ['其他亲属', '非亲属']),
      ],
      { synonyms: ['与户主的关系', '家庭关系', '户内关系', 'yhzgx'] },
    ),
    phoneField(),
    enumField(
      'status',
      '人员状态',
      'Status',
      [
        code('normal', '正常', 'Normal', ['在册', '正常户口', '有效']),
        code('moved_out', '迁出', 'Moved out', ['已迁出', '迁出注销']),
        code('deceased', '死亡', 'Deceased', ['已死亡', '死亡注销', '亡故']),
        code('imprisoned', '服刑', 'Imprisoned', ['服刑人员', '在押', '服刑注销']),
      ],
      { synonyms: ['户籍状态', '人口状态', '状态'] },
    ),
  ],
};

export const DEATH: StandardDatasetType = {
  key: 'death',
  name: { zh: '死亡人员信息', en: 'Deaths' },
  source: { zh: '公安、卫健、民政、殡葬', en: 'Public security, health, civil affairs, funeral services' },
  naturalKey: ['id'],
  fields: [
    idField({
      required: true,
      synonyms: [
        '死者身份证号',
        '死亡人员身份证号',
        '逝者身份证号',
        '身份证号',
        '身份证号码',
        '公民身份号码',
        '证件号码',
      ],
    }),
    personNameField({ required: true, synonyms: ['死者姓名', '死亡人员姓名', '逝者姓名'] }),
    field('death_date', 'date', '死亡日期', 'Date of death', {
      required: true,
      synonyms: ['死亡时间', '注销日期', '火化日期', '死亡年月日', 'swrq'],
    }),
    enumField(
      'source',
      '信息来源',
      'Source',
      [
        code('public_security', '公安', 'Public security', ['公安机关', '户籍注销', '公安户籍']),
        code('health', '卫健', 'Health', ['卫生健康', '卫健委', '医院', '医学死亡证明']),
        code('civil_affairs', '民政', 'Civil affairs', ['民政部门', '民政局']),
        code('funeral', '殡葬', 'Funeral services', ['殡仪馆', '火化', '火化记录']),
      ],
      { synonyms: ['数据来源', '来源', '来源部门'] },
    ),
    divisionField(),
  ],
};

const STAFF_TYPES = [
  code('civil_servant', '公务员', 'Civil servant', ['参公', '参照公务员法管理', '行政编制', '参照公务员管理']),
  code('public_institution', '事业单位', 'Public institution staff', ['事业编制', '事业人员', '事业编']),
  code('contract', '编外', 'Contract staff', ['合同制', '劳务派遣', '编外人员', '临聘', '临聘人员']),
  code('other', '其他', 'Other', ['其他人员']),
];

export const PAYROLL: StandardDatasetType = {
  key: 'payroll',
  name: { zh: '财政供养人员', en: 'Publicly funded staff' },
  source: { zh: '财政、人社（编办）', en: 'Finance, human resources (staffing office)' },
  naturalKey: ['id', 'employer_uscc', 'employer_name', 'start_date'],
  // The employer's credit code is optional: a post sent once with it and once without is a duplicate too.
  alternateKeys: [['id', 'employer_name', 'start_date']],
  fields: [
    idField({ required: true }),
    personNameField({ required: true }),
    field('employer_uscc', 'uscc', '单位统一社会信用代码', 'Employer USCC', {
      synonyms: ['单位信用代码', '单位社会信用代码', '统一社会信用代码', '单位代码'],
    }),
    field('employer_name', 'text', '单位名称', 'Employer', {
      required: true,
      synonyms: ['工作单位', '所在单位', '供养单位', '单位'],
    }),
    field('position', 'text', '职务', 'Position', { synonyms: ['职务职级', '岗位', '职位'] }),
    enumField('staff_type', '人员类别', 'Staff type', STAFF_TYPES, {
      synonyms: ['人员类型', '编制类型', '编制性质', '人员身份'],
    }),
    startDateField({ required: true, synonyms: ['参加工作时间', '入职日期', '起薪日期', '开始供养日期'] }),
    endDateField({ synonyms: ['离职日期', '停薪日期', '终止供养日期', '退休日期'] }),
    field('monthly_pay', 'money', '月工资', 'Monthly pay', {
      synonyms: ['月应发工资', '应发工资', '月薪', '工资', '月工资总额'],
    }),
    divisionField(),
  ],
};

export const OFFICIAL: StandardDatasetType = {
  key: 'official',
  name: { zh: '公职人员及村(社区)干部', en: 'Public officials and village cadres' },
  source: { zh: '组织部门、纪委监委', en: 'Organisation department, commission' },
  naturalKey: ['id', 'unit_name', 'position', 'start_date'],
  fields: [
    idField({ required: true }),
    personNameField({ required: true }),
    field('unit_uscc', 'uscc', '单位统一社会信用代码', 'Unit USCC', {
      synonyms: ['单位信用代码', '统一社会信用代码', '单位代码'],
    }),
    field('unit_name', 'text', '单位名称', 'Unit', {
      required: true,
      synonyms: ['工作单位', '所在单位', '任职单位', '单位', '村(社区)名称'],
    }),
    field('position', 'text', '职务', 'Position', { required: true, synonyms: ['现任职务', '任职', '岗位', '职位'] }),
    field('rank', 'text', '职级', 'Rank', { synonyms: ['级别', '职务层次', '职级层次'] }),
    divisionField({ required: true }),
    field('party_member', 'bool', '是否党员', 'Party member', {
      synonyms: ['党员', '中共党员', '是否中共党员', '政治面貌为党员'],
    }),
    startDateField({ synonyms: ['任职时间', '任职日期', '任现职时间'] }),
    endDateField({ synonyms: ['免职时间', '离任时间', '免职日期', '离任日期'] }),
  ],
};

export const KINSHIP: StandardDatasetType = {
  key: 'kinship',
  name: { zh: '干部亲属关系', en: 'Relatives of officials' },
  source: { zh: '组织部门、个人有关事项报告', en: 'Organisation department, personal reports' },
  naturalKey: ['official_id', 'relative_id', 'relation'],
  belongsTo: [{ field: 'official_id', dataset: 'official', key: 'id' }],
  fields: [
    field('official_id', 'id', '干部身份证号', 'Official ID number', {
      required: true,
      synonyms: ['干部身份证号码', '公职人员身份证号', '本人身份证号', '干部证件号码', '报告人身份证号'],
    }),
    field('relative_id', 'id', '亲属身份证号', 'Relative ID number', {
      required: true,
      synonyms: ['亲属身份证号码', '亲属证件号码', '家属身份证号', '亲属公民身份号码', '家庭成员身份证号'],
    }),
    field('relative_name', 'text', '亲属姓名', 'Relative name', {
      required: true,
      synonyms: ['家属姓名', '家庭成员姓名', '亲属名字'],
    }),
    enumField(
      'relation',
      '亲属关系',
      'Relation',
      [
        code('spouse', '配偶', 'Spouse', ['夫', '妻', '丈夫', '妻子']),
        code('parent', '父母', 'Parent', ['父亲', '母亲', '父', '母']),
        code('child', '子女', 'Child', ['儿子', '女儿', '子', '女']),
        code('sibling', '兄弟姐妹', 'Sibling', ['兄弟', '姐妹', '哥哥', '弟弟', '姐姐', '妹妹']),
        code('child_in_law', '子女配偶', 'Child-in-law', ['儿媳', '女婿']),
        code('parent_in_law', '配偶父母', 'Parent-in-law', ['岳父母', '公婆', '岳父', '岳母', '公公', '婆婆']),
        code('other', '其他', 'Other', ['其他亲属']),
      ],
      { required: true, synonyms: ['关系', '与本人关系', '称谓', '亲属称谓'] },
    ),
    startDateField(),
    endDateField(),
  ],
};
