import type { StandardDatasetType } from '../catalogue-types.js';
import { amountField, plateField } from './common-fields.js';
import { code, enumField, field } from './define.js';

const FINANCE = { zh: '财政（国库集中支付）', en: 'Finance (treasury payments)' };
const VOUCHER_SYNONYMS = ['凭证号', '支付凭证号', '凭证编号', '单据号', '报销单号', '支付令号'];

export const FISCAL_PAYMENT: StandardDatasetType = {
  key: 'fiscal_payment',
  name: { zh: '财政资金支付明细', en: 'Treasury payments' },
  source: FINANCE,
  naturalKey: ['voucher_id'],
  fields: [
    field('voucher_id', 'text', '支付凭证号', 'Voucher ID', { required: true, synonyms: VOUCHER_SYNONYMS }),
    field('payer_unit', 'text', '付款单位', 'Paying unit', {
      required: true,
      synonyms: ['预算单位', '付款人', '付款人名称', '支出单位', '单位名称'],
    }),
    field('payee_name', 'text', '收款人', 'Payee name', {
      required: true,
      synonyms: ['收款人名称', '收款单位', '收款方', '收款人全称'],
    }),
    field('payee', 'subject', '收款人证件号码', 'Payee (ID or USCC)', {
      synonyms: ['收款人信用代码', '收款单位信用代码', '收款人身份证号', '收款人统一社会信用代码'],
    }),
    field('payee_account', 'account', '收款人账号', 'Payee account', {
      synonyms: ['收款账号', '收款人账户', '收款银行账号'],
    }),
    amountField({ required: true, synonyms: ['支付金额', '付款金额', '支出金额'] }),
    field('paid_on', 'date', '支付日期', 'Paid on', {
      required: true,
      synonyms: ['支付时间', '付款日期', '清算日期', '拨付日期'],
    }),
    field('purpose', 'text', '用途', 'Purpose', { synonyms: ['资金用途', '支付用途', '摘要', '付款用途'] }),
    field('budget_item', 'text', '预算项目', 'Budget item', {
      synonyms: ['支出功能分类', '项目名称', '预算科目', '经济分类', '指标来源'],
    }),
  ],
};

export const REIMBURSEMENT: StandardDatasetType = {
  key: 'reimbursement',
  name: { zh: '公务支出报销', en: 'Official expense claims' },
  source: { zh: '预算单位财务系统', en: 'Unit finance systems' },
  naturalKey: ['voucher_id', 'claimant_id'],
  // Also one claim per voucher.
  alternateKeys: [['voucher_id']],
  fields: [
    field('voucher_id', 'text', '报销单号', 'Voucher ID', {
      required: true,
      synonyms: VOUCHER_SYNONYMS.filter((s) => s !== '报销单号'),
    }),
    field('unit_name', 'text', '单位名称', 'Unit', { required: true, synonyms: ['报销单位', '所在单位', '预算单位'] }),
    field('claimant_id', 'id', '报销人身份证号', 'Claimant ID', {
      required: true,
      synonyms: ['报销人证件号码', '经办人身份证号', '身份证号', '证件号码'],
    }),
    field('claimant_name', 'text', '报销人', 'Claimant', { synonyms: ['报销人姓名', '经办人', '姓名'] }),
    enumField(
      'category',
      '支出类别',
      'Category',
      [
        code('meal', '公务接待费', 'Official hospitality', ['招待费', '餐费', '接待费', '业务招待费', '公务接待']),
        code('travel', '差旅费', 'Travel', ['差旅', '出差费', '交通住宿费']),
        code('vehicle', '公务用车运行维护费', 'Official vehicle running costs', [
          '公车运行费',
          '公务用车运维费',
          '车辆运行费',
          '车辆维修费',
          '燃油费',
          '过路过桥费',
        ]),
        code('meeting', '会议费', 'Meetings', ['会议', '会务费']),
        code('training', '培训费', 'Training', ['培训', '学习培训费']),
        code('office', '办公费', 'Office costs', ['办公用品费', '办公用品']),
        code('gift', '礼品费', 'Gifts', ['礼品', '纪念品费']),
        code('other', '其他', 'Other', ['其他费用', '其它', '其他商品和服务支出']),
      ],
      { required: true, synonyms: ['费用类别', '报销类别', '费用类型', '经济科目', '支出科目'] },
    ),
    amountField({ required: true, synonyms: ['报销金额', '报销金额(元)', '核报金额'] }),
    field('expense_date', 'date', '费用发生日期', 'Expense date', {
      required: true,
      synonyms: ['发生日期', '消费日期', '业务日期', '费用日期'],
    }),
    field('invoice_no', 'text', '发票号码', 'Invoice number', { synonyms: ['发票号', '票据号码', '发票代码号码'] }),
    field('approver_id', 'id', '审批人身份证号', 'Approver ID', { synonyms: ['审批人证件号码', '审核人身份证号'] }),
    field('approved_on', 'date', '审批日期', 'Approved on', { synonyms: ['审批时间', '审核日期', '批准日期'] }),
    field('headcount', 'int', '人数', 'Headcount', { synonyms: ['接待人数', '参会人数', '就餐人数', '陪同人数'] }),
  ],
};

export const INVOICE: StandardDatasetType = {
  key: 'invoice',
  name: { zh: '发票信息', en: 'Invoices' },
  source: { zh: '税务', en: 'Tax' },
  naturalKey: ['invoice_no'],
  belongsTo: [{ field: 'buyer_uscc', dataset: 'company', key: 'uscc' }],
  fields: [
    field('invoice_no', 'text', '发票号码', 'Invoice number', {
      required: true,
      synonyms: ['发票号', '数电票号码', '全电发票号码', '发票代码号码'],
    }),
    field('seller_uscc', 'uscc', '销售方纳税人识别号', 'Seller USCC', {
      required: true,
      synonyms: ['销方税号', '销售方税号', '销方纳税人识别号', '销售方统一社会信用代码', '开票方税号'],
    }),
    field('seller_name', 'text', '销售方名称', 'Seller', { synonyms: ['销方名称', '开票方名称', '销售方'] }),
    field('buyer_uscc', 'uscc', '购买方纳税人识别号', 'Buyer USCC', {
      synonyms: ['购方税号', '购买方税号', '购方纳税人识别号', '购买方统一社会信用代码', '受票方税号'],
    }),
    field('buyer_name', 'text', '购买方名称', 'Buyer', { synonyms: ['购方名称', '受票方名称', '购买方'] }),
    amountField({ required: true, synonyms: ['价税合计', '开票金额', '发票金额', '价税合计(元)'] }),
    field('issued_on', 'date', '开票日期', 'Issued on', {
      required: true,
      synonyms: ['开票时间', '开具日期', '发票日期'],
    }),
    enumField(
      'goods_category',
      '商品类别',
      'Goods category',
      [
        code('catering', '餐饮', 'Catering', ['餐饮服务', '餐费', '餐饮费']),
        code('tobacco_alcohol', '烟酒', 'Tobacco and alcohol', ['烟草', '酒类', '卷烟', '白酒', '酒']),
        code('shopping_card', '购物卡', 'Shopping cards', ['预付卡', '储值卡', '礼品卡']),
        code('accommodation', '住宿', 'Accommodation', ['住宿服务', '住宿费']),
        code('fuel', '成品油', 'Fuel', ['汽油', '柴油', '燃油']),
        code('office', '办公用品', 'Office supplies', ['办公用品费', '文具']),
        code('other', '其他', 'Other', ['其它']),
      ],
      { synonyms: ['商品名称', '货物或应税劳务名称', '项目名称', '税收分类', '货物或应税劳务、服务名称'] },
    ),
    enumField(
      'status',
      '发票状态',
      'Status',
      [
        code('normal', '正常', 'Normal', ['正常发票', '有效']),
        code('void', '作废', 'Void', ['已作废', '作废发票']),
        code('red_flushed', '红冲', 'Reversed', ['已红冲', '红字', '红字发票', '冲红']),
      ],
      { synonyms: ['状态', '发票状态名称'] },
    ),
  ],
};

export const VEHICLE_TRIP: StandardDatasetType = {
  key: 'vehicle_trip',
  name: { zh: '公务用车行驶记录', en: 'Official vehicle trips' },
  source: { zh: '公务用车管理平台', en: 'Official vehicle management platform' },
  naturalKey: ['plate', 'start_at'],
  fields: [
    plateField({ required: true }),
    field('unit_name', 'text', '使用单位', 'Unit', { required: true, synonyms: ['用车单位', '单位名称', '所属单位'] }),
    field('start_at', 'datetime', '出车时间', 'Start', {
      required: true,
      synonyms: ['开始时间', '出发时间', '起始时间', '点火时间'],
    }),
    field('end_at', 'datetime', '收车时间', 'End', {
      required: true,
      synonyms: ['结束时间', '返回时间', '到达时间', '熄火时间'],
    }),
    field('from_place', 'text', '出发地', 'From', { synonyms: ['起点', '出发地点', '起始地点'] }),
    field('to_place', 'text', '目的地', 'To', { synonyms: ['终点', '目的地点', '到达地点', '用车事由地点'] }),
    field('to_lat', 'lat', '目的地纬度', 'Destination latitude', { synonyms: ['终点纬度', '到达纬度'] }),
    field('to_lon', 'lon', '目的地经度', 'Destination longitude', { synonyms: ['终点经度', '到达经度'] }),
    field('distance_km', 'decimal', '行驶里程', 'Distance (km)', {
      synonyms: ['里程', '行驶里程(公里)', '行驶里程(km)', '公里数'],
    }),
    field('dispatch_no', 'text', '派车单号', 'Dispatch number', {
      synonyms: ['派车单编号', '用车申请单号', '调度单号'],
    }),
  ],
};

export const FUEL: StandardDatasetType = {
  key: 'fuel',
  name: { zh: '公务加油记录', en: 'Official vehicle refuelling' },
  source: { zh: '加油卡发卡机构、公务用车管理平台', en: 'Fuel card issuers, vehicle management platform' },
  naturalKey: ['plate', 'filled_at'],
  fields: [
    plateField({ required: true, synonyms: ['加油车牌', '加油卡绑定车牌'] }),
    field('filled_at', 'datetime', '加油时间', 'Filled at', {
      required: true,
      synonyms: ['交易时间', '加油日期', '消费时间'],
    }),
    field('station', 'text', '加油站', 'Station', { synonyms: ['加油站名称', '交易网点', '网点名称', '油站名称'] }),
    field('station_lat', 'lat', '加油站纬度', 'Station latitude', { synonyms: ['油站纬度', '网点纬度', '纬度'] }),
    field('station_lon', 'lon', '加油站经度', 'Station longitude', { synonyms: ['油站经度', '网点经度', '经度'] }),
    field('litres', 'decimal', '加油量', 'Litres', {
      required: true,
      synonyms: ['数量', '加油量(升)', '升数', '油量', '加油升数'],
    }),
    amountField({ required: true, synonyms: ['加油金额', '交易金额', '消费金额'] }),
    field('tank_litres', 'decimal', '油箱容积', 'Tank capacity (l)', {
      synonyms: ['油箱容量', '油箱容积(升)', '额定油箱容积'],
    }),
  ],
};
