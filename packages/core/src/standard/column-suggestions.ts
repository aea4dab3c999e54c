import type { DatasetType, FieldDef } from './catalogue-types.js';
import type { LocalisedText } from './result.js';
import { foldForMatch } from './text.js';

/** A field a column that fed none might feed, and how alike their words are. */
export interface FieldSuggestion {
  readonly field: string;
  readonly label: LocalisedText;
  /** 0–1: how alike the column's header and the field's closest word are (1 = the same). */
  readonly score: number;
  /** The label or synonym the header came closest to. */
  readonly word: string;
}

// Headers such as "*项目名称(必填)": the markers and notes say nothing about the field.
const MARKERS = /^[*※#]+|[:：]$/g;
const PARENTHESISED = /[([【（][^)\]】）]*[)\]】）]/g;
/** Long headers are notes, not names: comparing their first characters is enough. */
const MAX_COMPARED = 40;
const MIN_SCORE = 0.5;
/** One shared character ("号" in 序号 and 户号) is chance, not likeness. */
const MIN_SHARED = 2;
const DEFAULT_LIMIT = 3;

/**
 * Words that say a column names where something lies (项目所在地, 建设地点, 所属乡镇):
 * offered for the dataset's division field, whose labels share few characters with them.
 */
const PLACE_WORDS = /(所在地|所在区域|所在乡镇|地点|属地|地区|区域|乡镇|街道|村居|位置|坐落)$/;
const PLACE_SCORE = 0.6;

/**
 * Words departments use interchangeably in headers (中标时间 for 中标日期, 机构编码 for 机构代码):
 * both sides are written the same way before they are compared.
 */
const INTERCHANGEABLE: readonly [RegExp, string][] = [
  [/时间/g, '日期'],
  [/编码/g, '代码'],
  [/号码/g, '号'],
  [/名称/g, '名'],
];

function bare(header: string): string {
  const folded = foldForMatch(header).replace(MARKERS, '');
  const stripped = folded.replace(PARENTHESISED, '');
  let text = stripped === '' ? folded : stripped;
  for (const [word, same] of INTERCHANGEABLE) text = text.replace(word, same);
  return text.slice(0, MAX_COMPARED);
}

/** Length of the longest common subsequence of two short strings (by code point). */
function commonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    const current = [0];
    for (let j = 0; j < b.length; j += 1) {
      current.push(ca === b[j] ? (previous[j] ?? 0) + 1 : Math.max(previous[j + 1] ?? 0, current[j] ?? 0));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * How alike two folded words are: the characters they share in order, over their mean
 * length (2·LCS / (|a| + |b|)); 0 below two shared characters.
 */
export function wordSimilarity(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  if (ca.length === 0 || cb.length === 0) return 0;
  const shared = commonSubsequence(ca, cb);
  if (shared < Math.min(MIN_SHARED, ca.length, cb.length)) return 0;
  return (2 * shared) / (ca.length + cb.length);
}

function wordsOf(field: FieldDef): string[] {
  return [field.label.zh, field.label.en, field.key, ...field.synonyms];
}

function closestWord(header: string, field: FieldDef): { score: number; word: string } {
  let best = { score: 0, word: '' };
  for (const word of wordsOf(field)) {
    const score = wordSimilarity(header, bare(word));
    if (score > best.score) best = { score, word };
  }
  return best;
}

/**
 * The fields a column might feed, best first: those whose label or synonym is alike by
 * characters (at least half their characters shared in order), and, for a header naming a
 * place (项目所在地, 建设地点), the division field. `among` limits the candidates (the fields
 * no column feeds yet); at most `limit` suggestions. Never applied by itself: a person chooses.
 */
export function suggestFields(
  dataset: DatasetType,
  header: string,
  options: { among?: ReadonlySet<string>; limit?: number } = {},
): FieldSuggestion[] {
  const folded = bare(header);
  if (folded === '') return [];
  const suggestions: FieldSuggestion[] = [];
  for (const field of dataset.fields) {
    if (options.among !== undefined && !options.among.has(field.key)) continue;
    let { score, word } = closestWord(folded, field);
    if (field.type === 'division' && PLACE_WORDS.test(folded) && score < PLACE_SCORE) {
      score = PLACE_SCORE;
      word = field.label.zh;
    }
    if (score >= MIN_SCORE) {
      suggestions.push({ field: field.key, label: field.label, score: Math.round(score * 100) / 100, word });
    }
  }
  suggestions.sort((a, b) => b.score - a.score);
  return suggestions.slice(0, options.limit ?? DEFAULT_LIMIT);
}
