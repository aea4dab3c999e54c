import type { LocalisedText } from '../spec-types.js';
import { zhEn } from './build.js';

/**
 * For each procurement model that carries an Open Contracting red-flag number: what the
 * indicator looks for and which parameter values reproduce it, as printed in
 * docs/model-library.md. Kept beside the library (a test checks that every such model has one).
 */
export const INDICATOR_NOTES: Readonly<Record<string, LocalisedText>> = {
  PR07: zhEn(
    'R011 找出为规避招标而拆分的采购：同一采购人在时间窗口内向同一供应商签订多份合同，每份低于招标限额，合计超过限额。threshold 取现行招标限额，window_days 为窗口天数，min_contracts 为构成拆分的合同数（2）。',
    'R011 looks for purchases split to stay under the tender threshold: one buyer awards one supplier several contracts within a window, each below the threshold, together above it. threshold is the threshold in force, window_days the window, min_contracts the contracts that make a split (2).',
  ),
  PR09: zhEn(
    'R031 找出中标价与采购预算几乎相同的项目：中标价/预算落在 min_ratio 与 max_ratio 之间（默认 0.98～1.00）。methods 限定所看的采购方式。',
    'R031 looks for awards whose value is at or just under the estimate: award / budget between min_ratio and max_ratio (0.98 to 1.00 by default). methods limits it to the procedures of interest.',
  ),
  PR10: zhEn(
    'R059/R069 找出合同金额高于中标价的项目。max_overrun 为不计作命中的超出比例：0.1 对应《政府采购法》第四十九条允许的 10% 追加；取 0 即任何超出都命中（R059 的定义）。',
    'R059/R069 look for contracts worth more than their award. max_overrun is the overrun tolerated before a hit: 0.1 is the 10% the Government Procurement Law (art. 49) allows for additions; 0 flags any increase (R059’s definition).',
  ),
  PR11: zhEn(
    '参照 R025（屡投不中的投标人），但更窄：某投标人落标至少 min_losses 次，且每次都由同一家企业中标。R025 只数落标次数；本模型需全量运行，不做增量。',
    'After R025 (a bidder that keeps losing), but narrower: a bidder that lost at least min_losses tenders, each to the same winner. R025 counts losses alone; this model always runs in full.',
  ),
  PR12: zhEn(
    'R040/R050 找出在某采购人年度合同金额中占比过高的单一供应商。min_share 为占比下限（0.5）；min_awards 为该采购人当年至少要有的合同数，合同太少时占比没有意义。',
    "R040/R050 look for one supplier holding a large share of a buyer's awarded value in a calendar year. min_share is that share (0.5); min_awards the buyer's awards that year needed before a share means anything.",
  ),
};

/**
 * Procurement models after an Open Contracting red flag that do not claim it: why they differ
 * from Open Contracting's Cardinal on its own test fixtures (modules/datasets/ocds/cardinal.test.ts
 * in the server runs them), and which parameter values come closest.
 */
export const WITHDRAWN_INDICATORS: Readonly<Record<string, LocalisedText>> = {
  PR04: zhEn(
    '参照 R028（报价相同），不声称复现：数据标准的 tender 没有项目状态字段，已终止（cancelled）的项目仍参与比对，而 Cardinal 排除它们。min_bidders 取 2 时，其余情形（联合体投标视为一个投标人、不同币种不比较）与 Cardinal 的测试数据一致。',
    'After R028 (identical bid prices), not claimed: the data standard’s tender has no status, so a cancelled tender is still compared, where Cardinal leaves it out. With min_bidders = 2 it agrees with Cardinal’s test data otherwise (a joint bid is one bidder; amounts in another currency are not compared).',
  ),
  PR05: zhEn(
    '参照 R018（单一投标），不声称复现：Cardinal 的测试数据只有 ocid、采购方式和投标人数，而数据标准要求 tender 有项目名称、采购人、采购方式、发布日期和截止时间，这些项目无法载入。methods 取 open、invited 即为该指标的定义。',
    'After R018 (single bid received), not claimed: Cardinal’s test data give only the ocid, the procedure and the number of tenderers, and the data standard requires a tender’s title, buyer, procedure, publication date and deadline, so those tenders cannot load. methods = open, invited is its definition.',
  ),
  PR06: zhEn(
    '参照 R003（投标期过短），不声称复现：Cardinal 的测试数据缺少数据标准要求的项目名称、采购人和采购方式，无法载入；Cardinal 以投标期起止时刻之差的整天数计（不足一天舍去），默认 15 天，不分采购方式，本模型按日历日计。min_days 设为法定最短天数，methods 设为适用的采购方式（默认公开招标 20 天，《招标投标法》第二十四条）。',
    'After R003 (short submission period), not claimed: Cardinal’s test data lack the title, buyer and procedure the data standard requires, so they cannot load; Cardinal counts whole days between the period’s start and end instants (a part day dropped), 15 by default for every procedure, where this model counts calendar days. Set min_days to the legal minimum and methods to the procedures it applies to (20 days for open tenders by default, Bidding Law art. 24).',
  ),
  PR13: zhEn(
    '参照 R024（中标价与次低价过近）与 R058（次低价远高于中标价），不声称复现：联合体投标按《招标投标法》第三十一条视为一个投标人参与比较，而 Cardinal 忽略有多个投标人的投标。其余与 Cardinal 一致：只看评标已定的投标（中标或未中标）、一个中标人、没有更低的未中标报价，四分位数取第 8 类（(n+1/3)·p+1/3），界限含端点，界限不大于 0 时不命中。k = 1.5、min_tenders = 1 即为 Cardinal 的计算；低于下界对应 R024，高于上界对应 R058。',
    'After R024 (price close to winning bid) and R058 (heavily discounted bid), not claimed: a joint bid is one bidder here (Bidding Law art. 31) and is compared, where Cardinal ignores bids with several tenderers. Otherwise it computes as Cardinal does: only bids the award decided (won or lost), one winner, no lower losing bid, type-8 quartiles ((n + 1/3)·p + 1/3), fences inclusive, none at or below zero. k = 1.5 and min_tenders = 1 are Cardinal’s computation; below the lower fence is R024, above the upper R058.',
  ),
};
