import type { DatasetType, EnumFieldDef } from './catalogue-types.js';
import { wordSimilarity } from './column-suggestions.js';
import type { LocalisedText } from './result.js';
import { foldForMatch } from './text.js';

/** A code an unknown value might mean, and why it is offered. */
export interface CodeSuggestion {
  readonly code: string;
  readonly label: LocalisedText;
  /**
   * `contains`: the value contains this code's label or one of its terms, and no other
   * code's; `similar`: the code's closest word shares characters with the value.
   */
  readonly how: 'contains' | 'similar';
  /** 0–1: how alike the value and the code's closest word are (1 for `contains`). */
  readonly score: number;
  /** The label or term that was found in, or came closest to, the value. */
  readonly word: string;
}

/** A value of a coded field that is none of its codes, labels or terms, as the import found it. */
export interface UnknownValueCount {
  readonly field: string;
  readonly value: string;
  /** Cells holding it (in the rows read so far, for a preview). */
  readonly count: number;
}

/** An unknown value of a coded field, and the codes a person might map it to. */
export interface UnknownValue extends UnknownValueCount {
  readonly label: LocalisedText;
  readonly required: boolean;
  readonly suggestions: readonly CodeSuggestion[];
}

const MIN_SCORE = 0.5;
const DEFAULT_LIMIT = 3;
/** Long values are free text, not a department's word for a code: their start is enough. */
const MAX_COMPARED = 40;

function wordsOf(value: EnumFieldDef['values'][number]): string[] {
  // Codes are left out: "1" or "A" inside a value says nothing.
  return [value.label.zh, value.label.en, ...value.terms].map(foldForMatch).filter((w) => w !== '');
}

/**
 * The codes an unknown value of an enum field might mean, best first: the one code whose label
 * or term the value contains (企业自筹资金 → 自筹), when exactly one code's does; otherwise the
 * codes whose words are alike by characters (the measure header suggestions use, at least
 * half the characters shared in order), at most `limit`. Never applied by itself: a person
 * writes the value mapping.
 */
export function suggestCodes(field: EnumFieldDef, value: string, limit = DEFAULT_LIMIT): CodeSuggestion[] {
  const folded = foldForMatch(value).slice(0, MAX_COMPARED);
  if (folded === '') return [];
  const containing = field.values.flatMap((v) => {
    const word = wordsOf(v).find((w) => folded.includes(w));
    return word === undefined ? [] : [{ value: v, word }];
  });
  const [only] = containing;
  if (containing.length === 1 && only !== undefined) {
    return [{ code: only.value.code, label: only.value.label, how: 'contains', score: 1, word: only.word }];
  }
  const similar: CodeSuggestion[] = [];
  for (const v of field.values) {
    let best = { score: 0, word: '' };
    for (const word of wordsOf(v)) {
      const score = wordSimilarity(folded, word);
      if (score > best.score) best = { score, word };
    }
    if (best.score >= MIN_SCORE) {
      similar.push({
        code: v.code,
        label: v.label,
        how: 'similar',
        score: Math.round(best.score * 100) / 100,
        word: best.word,
      });
    }
  }
  similar.sort((a, b) => b.score - a.score);
  return similar.slice(0, limit);
}

/**
 * Unknown values with their suggestions, most frequent first per field in the dataset's
 * field order; counts of fields that hold no codes (or are not the dataset's) are dropped.
 */
export function suggestForUnknownValues(dataset: DatasetType, counts: readonly UnknownValueCount[]): UnknownValue[] {
  const order = new Map(dataset.fields.map((f, i) => [f.key, i]));
  const out: UnknownValue[] = [];
  for (const count of counts) {
    const field = dataset.fields.find((f) => f.key === count.field);
    if (field === undefined || field.type !== 'enum') continue;
    out.push({
      ...count,
      label: field.label,
      required: field.required,
      suggestions: suggestCodes(field, count.value),
    });
  }
  return out.sort(
    (a, b) =>
      (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0) || b.count - a.count || a.value.localeCompare(b.value),
  );
}

/**
 * Tallies unknown values of coded fields as an import meets them, keeping at most
 * `perField` distinct values of each field (a column of free text would otherwise be
 * remembered whole); the counts of the values kept stay exact.
 */
export class UnknownValueTally {
  private readonly byField = new Map<string, Map<string, number>>();

  constructor(private readonly perField = 50) {}

  add(field: string, value: string, count = 1): void {
    const text = value.trim();
    if (text === '') return;
    let values = this.byField.get(field);
    if (values === undefined) {
      values = new Map();
      this.byField.set(field, values);
    }
    const seen = values.get(text);
    if (seen !== undefined) values.set(text, seen + count);
    else if (values.size < this.perField) values.set(text, count);
  }

  counts(): UnknownValueCount[] {
    return [...this.byField].flatMap(([field, values]) =>
      [...values].map(([value, count]) => ({ field, value, count })),
    );
  }
}
