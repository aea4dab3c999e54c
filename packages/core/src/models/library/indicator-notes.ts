import type { LocalisedText } from '../spec-types.js';
import { zhEn } from './build.js';

/**
 * For each procurement model that carries an Open Contracting red-flag number: what the
 * indicator looks for and which parameter values reproduce it, as printed in
 * docs/model-library.md. Kept beside the library (a test checks that every such model has one).
 */
export const INDICATOR_NOTES: Readonly<Record<string, LocalisedText>> = {
  PR04: zhEn(
    'R028 找出两个及以上投标报价完全相同的项目。min_bidders 取 2 即为该指标的定义；取更大值只看更多投标人同价的项目。',
    'R028 looks for tenders in which two or more bids have exactly the same price. min_bidders = 2 is its definition; a larger value keeps only larger groups of identical prices.',
  ),
  PR05: zhEn(
    'R018 找出只收到一份投标的竞争性采购。methods 为计作竞争性的采购方式：open（公开招标）和 invited（邀请招标）即为该指标的定义；加入 negotiation、inquiry 可扩大到竞争性谈判和询价。',
    'R018 looks for competitive procedures that received a single bid. methods lists the procedures counted as competitive: open and invited (restricted) are its definition; add negotiation or inquiry to extend it to them.',
  ),
  PR06: zhEn(
    'R003 找出投标期（发布至投标截止的天数）短于该采购方式法定最短期限的项目。min_days 设为法定最短天数，methods 设为适用的采购方式：默认公开招标 20 天（《招标投标法》第二十四条）；对其他方式，把 methods 和 min_days 改为该方式及其法定期限。',
    'R003 looks for submission periods (days from publication to the bid deadline) shorter than the legal minimum for the procedure. Set min_days to that minimum and methods to the procedures it applies to: 20 days for open tenders (Bidding Law art. 24) by default; for another procedure, set methods and min_days to it and its legal minimum.',
  ),
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
  PR13: zhEn(
    'R024/R058 比较中标价与最低的其他有效报价之间的相对差距，以全部项目的四分位数为界：低于 Q1 − k·IQR 或高于 Q3 + k·IQR 即命中。k 取 1.5 即为指标所用的界限；min_tenders 为计算分位数所需的项目数。',
    'R024/R058 compare the relative gap between the winning bid and the lowest other valid bid with the quartile fences over all tenders: below Q1 − k·IQR or above Q3 + k·IQR is a hit. k = 1.5 is the fence the indicators use; min_tenders the tenders needed before the fences are computed.',
  ),
};
