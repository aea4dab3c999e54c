import type { StandardDatasetType } from '../catalogue-types.js';
import { divisionField } from './common-fields.js';
import { code, enumField, field } from './define.js';

const TRADING_CENTRE = {
  zh: '公共资源交易中心、财政（政府采购）',
  en: 'Public resource trading centre, finance (procurement)',
};
const TENDER_ID_SYNONYMS = ['项目编号', '招标编号', '采购项目编号', '招标项目编号', '标段编号', 'ocid'];

export const TENDER: StandardDatasetType = {
  key: 'tender',
  name: { zh: '招标投标项目', en: 'Tenders' },
  source: TRADING_CENTRE,
  naturalKey: ['tender_id'],
  belongsTo: [{ field: 'buyer_uscc', dataset: 'company', key: 'uscc' }],
  fields: [
    field('tender_id', 'text', '项目编号', 'Tender ID', { required: true, synonyms: TENDER_ID_SYNONYMS }),
    field('title', 'text', '项目名称', 'Title', {
      required: true,
      synonyms: ['招标项目名称', '采购项目名称', '标段名称', '工程名称'],
    }),
    field('buyer_uscc', 'uscc', '采购人统一社会信用代码', 'Buyer USCC', {
      synonyms: ['招标人统一社会信用代码', '采购单位信用代码', '招标人信用代码', '采购人信用代码'],
    }),
    field('buyer_name', 'text', '采购人', 'Buyer', {
      required: true,
      synonyms: ['采购人名称', '招标人', '招标人名称', '采购单位', '建设单位'],
    }),
    enumField(
      'method',
      '采购方式',
      'Procurement method',
      [
        code('open', '公开招标', 'Open tender', ['公开', '公开招标方式']),
        code('invited', '邀请招标', 'Invited tender', ['邀请']),
        code('negotiation', '竞争性谈判', 'Competitive negotiation', ['竞争性磋商', '谈判', '磋商']),
        code('single_source', '单一来源', 'Single source', ['单一来源采购', '直接采购']),
        code('inquiry', '询价', 'Request for quotation', ['询价采购', '询比价']),
        code('other', '其他', 'Other', ['其它', '框架协议', '比选', '竞价']),
      ],
      { required: true, synonyms: ['招标方式', '交易方式', '组织形式'] },
    ),
    enumField(
      'category',
      '采购类别',
      'Category',
      [
        code('goods', '货物', 'Goods', ['货物类', '物资']),
        code('works', '工程', 'Works', ['工程类', '建设工程', '施工']),
        code('services', '服务', 'Services', ['服务类']),
      ],
      { synonyms: ['项目类别', '品目类别', '采购品目', '项目类型'] },
    ),
    field('budget', 'money', '预算金额', 'Budget', { synonyms: ['项目预算', '采购预算', '最高限价', '控制价'] }),
    field('published_on', 'date', '公告发布日期', 'Published on', {
      required: true,
      synonyms: ['发布日期', '公告日期', '发布时间', '招标公告日期'],
    }),
    field('bid_deadline', 'datetime', '投标截止时间', 'Bid deadline', {
      required: true,
      synonyms: ['开标时间', '截止时间', '递交截止时间', '响应文件截止时间'],
    }),
    field('award_date', 'date', '中标日期', 'Award date', {
      synonyms: ['成交日期', '中标公告日期', '定标日期', '结果公告日期'],
    }),
    field('winner_uscc', 'uscc', '中标人统一社会信用代码', 'Winner USCC', {
      synonyms: ['中标单位信用代码', '成交供应商信用代码', '中标人信用代码'],
    }),
    field('winner_name', 'text', '中标人', 'Winner', {
      synonyms: ['中标单位', '成交供应商', '中标供应商', '中标人名称'],
    }),
    field('award_amount', 'money', '中标金额', 'Award amount', {
      synonyms: ['成交金额', '中标价', '中标金额(元)', '成交价'],
    }),
    field('bidder_count', 'int', '投标人数量', 'Number of bidders', {
      synonyms: ['投标单位数', '投标家数', '参与投标数', '响应供应商数量'],
    }),
    divisionField({ synonyms: ['项目所在地', '项目所在地区划'] }),
  ],
};

export const BID: StandardDatasetType = {
  key: 'bid',
  name: { zh: '投标记录', en: 'Bids' },
  source: TRADING_CENTRE,
  naturalKey: ['tender_id', 'bidder_uscc'],
  belongsTo: [{ field: 'tender_id', dataset: 'tender', key: 'tender_id' }],
  fields: [
    field('tender_id', 'text', '项目编号', 'Tender ID', { required: true, synonyms: TENDER_ID_SYNONYMS }),
    field('bidder_uscc', 'uscc', '投标人统一社会信用代码', 'Bidder USCC', {
      required: true,
      synonyms: ['投标单位信用代码', '投标人信用代码', '供应商信用代码', '统一社会信用代码', '供应商统一社会信用代码'],
    }),
    field('bidder_name', 'text', '投标人', 'Bidder', { synonyms: ['投标人名称', '投标单位', '供应商', '供应商名称'] }),
    field('bid_amount', 'money', '投标报价', 'Bid amount', {
      synonyms: ['投标价', '报价', '投标金额', '投标报价(元)'],
    }),
    field('submitted_at', 'datetime', '递交时间', 'Submitted at', {
      synonyms: ['投标时间', '上传时间', '投标文件递交时间', '解密时间'],
    }),
    field('ip', 'text', 'IP地址', 'IP address', { synonyms: ['ip', '投标ip', '上传ip', '客户端ip'] }),
    field('mac', 'text', 'MAC地址', 'MAC address', { synonyms: ['mac', '网卡地址', '网卡mac', '物理地址'] }),
    field('contact_phone', 'phone', '联系电话', 'Contact phone', {
      synonyms: ['联系人电话', '电话', '手机号', '联系方式'],
    }),
    field('agent_name', 'text', '投标代理人', 'Agent', {
      synonyms: ['授权代表', '委托代理人', '联系人', '投标联系人'],
    }),
    enumField(
      'result',
      '投标结果',
      'Result',
      [
        code('won', '中标', 'Won', ['成交', '中选', '第一中标候选人']),
        code('lost', '未中标', 'Lost', ['未成交', '落标', '未中选']),
        code('disqualified', '废标', 'Disqualified', ['无效投标', '否决投标', '被否决', '资格审查未通过']),
      ],
      { synonyms: ['结果', '评标结果', '是否中标'] },
    ),
  ],
};

export const CONTRACT: StandardDatasetType = {
  key: 'contract',
  name: { zh: '合同信息', en: 'Contracts' },
  source: { zh: '公共资源交易中心、财政、采购单位', en: 'Trading centre, finance, purchasing units' },
  naturalKey: ['contract_id'],
  belongsTo: [
    { field: 'tender_id', dataset: 'tender', key: 'tender_id' },
    { field: 'unit_uscc', dataset: 'company', key: 'uscc' },
  ],
  fields: [
    field('contract_id', 'text', '合同编号', 'Contract ID', {
      required: true,
      synonyms: ['合同号', '合同编码', '协议编号'],
    }),
    field('unit_uscc', 'uscc', '采购单位统一社会信用代码', 'Unit USCC', {
      synonyms: ['甲方信用代码', '采购人信用代码', '单位信用代码'],
    }),
    field('unit_name', 'text', '采购单位', 'Unit', {
      required: true,
      synonyms: ['甲方', '采购人', '甲方名称', '单位名称', '发包人'],
    }),
    field('counterparty', 'subject', '乙方证件号码', 'Counterparty (ID or USCC)', {
      required: true,
      synonyms: ['乙方信用代码', '供应商信用代码', '乙方统一社会信用代码', '承包人信用代码', '相对方证件号码'],
    }),
    field('counterparty_name', 'text', '乙方', 'Counterparty name', {
      synonyms: ['乙方名称', '供应商', '供应商名称', '承包人'],
    }),
    field('amount', 'money', '合同金额', 'Amount', {
      required: true,
      synonyms: ['合同价', '签约金额', '合同金额(元)', '合同总价'],
    }),
    field('signed_on', 'date', '签订日期', 'Signed on', {
      required: true,
      synonyms: ['签订时间', '签约日期', '合同签订日期'],
    }),
    field('tender_id', 'text', '项目编号', 'Tender ID', { synonyms: ['招标编号', '采购项目编号', '招标项目编号'] }),
    field('final_amount', 'money', '结算金额', 'Final amount', {
      synonyms: ['决算金额', '审定金额', '最终结算金额', '竣工结算金额'],
    }),
  ],
};
