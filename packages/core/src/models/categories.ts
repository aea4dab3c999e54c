import type { LocalisedText } from '../standard/result.js';

/**
 * The model categories, declared once and in the order every list of them follows (the
 * model library document, the console's filter, the demo's ground-truth table): the six
 * families of the built-in library, then `U`, where models built in the console start.
 * A model's id begins with its family's code (W01, PR14).
 */
export const MODEL_CATEGORIES = [
  { code: 'W', label: { zh: '惠民惠农资金', en: "People's livelihood funds" } },
  { code: 'P', label: { zh: '公职人员', en: 'Public officials' } },
  { code: 'PR', label: { zh: '公共资源交易', en: 'Procurement and public resource trading' } },
  { code: 'F', label: { zh: '四风问题与公务支出', en: '"Four winds" and public funds' } },
  { code: 'M', label: { zh: '医保基金', en: 'Medical insurance funds' } },
  { code: 'C', label: { zh: '农村集体“三资”', en: 'Rural collective funds, assets and resources' } },
  { code: 'U', label: { zh: '自建模型', en: 'Models built in the console' } },
] as const satisfies readonly { code: string; label: LocalisedText }[];

/**
 * A model's category: a declared code, or one of a deployment's own (the builder accepts
 * any), which lists show after the declared ones under its bare code.
 */
export type ModelCategory = (typeof MODEL_CATEGORIES)[number]['code'] | (string & {});
