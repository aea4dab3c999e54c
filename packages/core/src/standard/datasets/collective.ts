import type { StandardDatasetType } from '../catalogue-types.js';
import { amountField, divisionField, endDateField, startDateField } from './common-fields.js';
import { code, enumField, field } from './define.js';

const RURAL_AFFAIRS = {
  zh: '农业农村（农村集体“三资”平台）',
  en: 'Agriculture and rural affairs (collective assets platform)',
};
// Collective economic organisations hold registration certificates whose code follows the
// USCC shape (starting N), but older local codes remain, so the field stays text.
const ORG_CODE_SYNONYMS = [
  '组织代码',
  '集体经济组织代码',
  '登记证号',
  '组织登记代码',
  '经济组织编码',
  '集体经济组织编码',
];

export const COLLECTIVE_ORG: StandardDatasetType = {
  key: 'collective_org',
  name: { zh: '农村集体经济组织', en: 'Rural collective economic organisations' },
  source: RURAL_AFFAIRS,
  naturalKey: ['org_code'],
  fields: [
    field('org_code', 'text', '组织代码', 'Organisation code', { required: true, synonyms: ORG_CODE_SYNONYMS }),
    field('name', 'text', '组织名称', 'Name', {
      required: true,
      synonyms: ['集体经济组织名称', '经济合作社名称', '股份经济合作社名称', '名称'],
    }),
    divisionField({ required: true, synonyms: ['所在村', '村(社区)代码'] }),
  ],
};

export const COLLECTIVE_ASSET: StandardDatasetType = {
  key: 'collective_asset',
  name: { zh: '集体资产资源', en: 'Collective assets and resources' },
  source: RURAL_AFFAIRS,
  naturalKey: ['asset_id'],
  belongsTo: [{ field: 'org_code', dataset: 'collective_org', key: 'org_code' }],
  fields: [
    field('asset_id', 'text', '资产编号', 'Asset ID', {
      required: true,
      synonyms: ['资产编码', '资源编号', '资产资源编号', '卡片编号'],
    }),
    field('org_code', 'text', '组织代码', 'Organisation code', { required: true, synonyms: ORG_CODE_SYNONYMS }),
    field('name', 'text', '资产名称', 'Name', { required: true, synonyms: ['资源名称', '资产资源名称', '名称'] }),
    enumField(
      'kind',
      '资产类别',
      'Kind',
      [
        code('building', '建筑物', 'Building', ['房屋', '厂房', '办公用房', '经营性用房']),
        code('land', '土地', 'Land', ['耕地', '建设用地', '集体建设用地', '园地', '草地']),
        code('forest', '林地', 'Forest', ['林木', '山林', '林地资源']),
        code('water', '水域', 'Water', ['水面', '坑塘', '水塘', '鱼塘']),
        code('equipment', '设备', 'Equipment', ['机器设备', '机械', '农机具']),
        code('other', '其他', 'Other', ['其它']),
      ],
      { synonyms: ['资源类别', '资产类型', '类别', '资产资源类别'] },
    ),
    field('area', 'decimal', '面积', 'Area', { synonyms: ['面积(亩)', '数量', '面积(平方米)'] }),
    field('book_value', 'money', '账面价值', 'Book value', { synonyms: ['原值', '账面原值', '资产原值', '价值'] }),
    field('lat', 'lat', '纬度', 'Latitude', { synonyms: ['y坐标', 'latitude'] }),
    field('lon', 'lon', '经度', 'Longitude', { synonyms: ['x坐标', 'longitude'] }),
    enumField(
      'status',
      '使用状态',
      'Status',
      [
        code('idle', '闲置', 'Idle', ['空置', '未利用']),
        code('leased', '出租', 'Leased', ['发包', '租赁', '已出租', '已发包', '承包']),
        code('self_used', '自用', 'Self-used', ['自营', '自主经营', '在用']),
        code('disposed', '已处置', 'Disposed', ['处置', '已报废', '已出售', '已拆除']),
      ],
      { synonyms: ['状态', '经营方式', '利用状态'] },
    ),
  ],
};

export const COLLECTIVE_LEASE: StandardDatasetType = {
  key: 'collective_lease',
  name: { zh: '资产资源发包租赁合同', en: 'Collective leases' },
  source: RURAL_AFFAIRS,
  naturalKey: ['lease_id'],
  belongsTo: [{ field: 'org_code', dataset: 'collective_org', key: 'org_code' }],
  fields: [
    field('lease_id', 'text', '合同编号', 'Lease ID', {
      required: true,
      synonyms: ['租赁合同编号', '发包合同编号', '合同号'],
    }),
    field('asset_id', 'text', '资产编号', 'Asset ID', {
      required: true,
      synonyms: ['资产编码', '资源编号', '资产资源编号'],
    }),
    field('org_code', 'text', '组织代码', 'Organisation code', {
      required: true,
      synonyms: [...ORG_CODE_SYNONYMS, '发包方代码'],
    }),
    field('lessee', 'subject', '承租方证件号码', 'Lessee (ID or USCC)', {
      required: true,
      synonyms: ['承包方证件号码', '承租人身份证号', '承包方身份证号', '承租方信用代码', '承包方代码'],
    }),
    field('lessee_name', 'text', '承租方', 'Lessee name', {
      synonyms: ['承包方', '承租人', '承包人', '承租方名称', '承包方名称'],
    }),
    field('annual_rent', 'money', '年租金', 'Annual rent', {
      required: true,
      synonyms: ['年承包费', '租金(元/年)', '年租金(元)', '承包费'],
    }),
    field('benchmark_rent', 'money', '参考租金', 'Benchmark rent', {
      synonyms: ['指导价', '市场参考价', '评估租金', '底价'],
    }),
    startDateField({ required: true, synonyms: ['合同起始日期', '承包起始日期', '租赁起始日期'] }),
    endDateField({ required: true, synonyms: ['合同终止日期', '承包终止日期', '租赁终止日期', '到期日期'] }),
    field('resolution_no', 'text', '民主决策文号', 'Resolution number', {
      synonyms: ['决议编号', '村民代表会议决议', '会议记录编号', '“四议两公开”记录号'],
    }),
    field('open_bidding', 'bool', '是否公开竞价', 'Openly tendered', {
      synonyms: ['公开招标', '是否公开招标', '是否进场交易', '公开竞价'],
    }),
  ],
};

export const COLLECTIVE_LEDGER: StandardDatasetType = {
  key: 'collective_ledger',
  name: { zh: '集体资金收支明细', en: 'Collective fund ledger' },
  source: RURAL_AFFAIRS,
  naturalKey: ['entry_id'],
  belongsTo: [{ field: 'org_code', dataset: 'collective_org', key: 'org_code' }],
  fields: [
    field('entry_id', 'text', '流水号', 'Entry ID', {
      required: true,
      synonyms: ['记账编号', '分录号', '凭证流水号', '序号'],
    }),
    field('org_code', 'text', '组织代码', 'Organisation code', { required: true, synonyms: ORG_CODE_SYNONYMS }),
    enumField(
      'direction',
      '收支方向',
      'Direction',
      [code('in', '收入', 'In', ['收', '借', '进账']), code('out', '支出', 'Out', ['支', '贷', '付款'])],
      { required: true, synonyms: ['收支类型', '收支', '方向', '借贷方向'] },
    ),
    amountField({ required: true, synonyms: ['发生额', '收支金额'] }),
    field('date', 'date', '日期', 'Date', {
      required: true,
      synonyms: ['记账日期', '发生日期', '业务日期', '凭证日期'],
    }),
    field('counterparty', 'text', '对方单位', 'Counterparty', {
      synonyms: ['往来单位', '收款人', '付款人', '对方户名'],
    }),
    field('purpose', 'text', '摘要', 'Purpose', { synonyms: ['用途', '事由', '资金用途'] }),
    field('voucher_no', 'text', '凭证号', 'Voucher number', { synonyms: ['凭证编号', '记账凭证号'] }),
    field('approved', 'bool', '是否审批', 'Approved', { synonyms: ['已审批', '是否经审批', '审批情况'] }),
    field('cash', 'bool', '是否现金', 'Cash', { synonyms: ['现金', '现金支付', '是否现金收支', '结算方式为现金'] }),
  ],
};
