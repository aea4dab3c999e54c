import type { LocalisedText } from '../standard/result.js';
import {
  boolLabel,
  codeLabel,
  joinList,
  type Lang,
  placeLabel,
  type PlaceNames,
  standardCodeLabels,
} from '../standard/value-labels.js';
import { type FactKind, placeholderKind } from './fact-kinds.js';
import { renderExplanation } from './library/index.js';
import type { ModelSpec } from './spec-types.js';
import { wallClockMinute } from './wall-clock.js';

/** How a hit is put into words: the reader's language, and the place names of its divisions. */
export interface ExplainOptions {
  readonly lang: Lang;
  readonly places?: PlaceNames | undefined;
  /** The value opens a sentence (an English label keeps its capital). */
  readonly sentenceStart?: boolean;
}

// A phrase a document writes in both languages: the Chinese, a space, the English
// ('未终止 still open', '至 until ', "的 's "). Only text the document itself wrote is read this way.
const BILINGUAL = /^([^A-Za-z']*[\u3400-\u9fff][^A-Za-z']*?)\s+([A-Za-z'][\s\S]*)$/;
const DIVISION_DIGITS = /^\d{6}(\d{3}(\d{3})?)?$/;

/**
 * A code's label inside a sentence: English labels are capitalised to stand alone
 * ('Spouse'), so mid-sentence one starts in lower case unless it is an acronym.
 */
function codeText(label: string, options: ExplainOptions): string {
  if (options.lang !== 'en' || options.sentenceStart === true || !/^[A-Z][a-z]/.test(label)) return label;
  return label[0]?.toLowerCase() + label.slice(1);
}

/** A phrase the document wrote in lower case opens an English sentence with a capital. */
function sentenceText(text: string, options: ExplainOptions): string {
  if (options.lang !== 'en' || options.sentenceStart !== true) return text;
  return (text[0]?.toUpperCase() ?? '') + text.slice(1);
}

/** Text a model document wrote: its half in the reader's language, or a code of the standard by its label. */
export function literalText(text: string, lang: Lang): string {
  const m = BILINGUAL.exec(text);
  if (m?.[1] !== undefined && m[2] !== undefined) return lang === 'zh' ? m[1] : m[2];
  return standardCodeLabels().get(text)?.[lang] ?? text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A share of a whole as a percentage to one decimal (0.985 → 98.5%, 1 → 100%). */
export function percentText(value: number): string {
  return `${Number((value * 100).toFixed(1))}%`;
}

function shownPart(value: string, kind: FactKind, options: ExplainOptions): string {
  return claimed(value, kind, options) ?? wallClockMinute(value) ?? value;
}

/** The value in words if `kind` says what it is, else undefined (shown as it is). */
function claimed(value: string, kind: FactKind, options: ExplainOptions): string | undefined {
  switch (kind.type) {
    case 'plain':
      return undefined;
    case 'bool':
      return value === 'true' || value === 'false' ? boolLabel(value === 'true', options.lang) : undefined;
    case 'division':
      return DIVISION_DIGITS.test(value) ? placeLabel(value, options.places, options.lang) : undefined;
    case 'ratio':
      // A PostgreSQL numeric arrives as text.
      return value.trim() !== '' && Number.isFinite(Number(value)) ? percentText(Number(value)) : undefined;
    case 'literal':
      if (value !== kind.text) return undefined;
      return kind.label === undefined
        ? sentenceText(literalText(value, options.lang), options)
        : codeText(kind.label[options.lang], options);
    case 'codes': {
      const label = codeLabel(kind.values, value, options.lang);
      return label === undefined ? undefined : codeText(label, options);
    }
    case 'any': {
      for (const option of kind.of) {
        const text = claimed(value, option, options);
        if (text !== undefined) return text;
      }
      return undefined;
    }
    case 'concat': {
      // The value was built by the engine from these parts; read it back part by part.
      const pattern = kind.parts.map((p) => (p.type === 'literal' ? escapeRegExp(p.text) : '([\\s\\S]*?)')).join('');
      const m = new RegExp(`^${pattern}$`).exec(value);
      if (m === null) return undefined;
      let group = 1;
      return kind.parts
        .map((p) =>
          p.type === 'literal' ? literalText(p.text, options.lang) : shownPart(m[group++] ?? '', p, options),
        )
        .join('');
    }
  }
}

/**
 * One fact's value in words: a code by its label, a boolean as yes or no, a division by its
 * place name, a ratio as a percentage, an instant on the wall clock, a list item by item; '—' when missing.
 */
export function factText(value: unknown, kind: FactKind, options: ExplainOptions): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return boolLabel(value, options.lang);
  if (typeof value === 'number') return kind.type === 'ratio' ? percentText(value) : String(value);
  if (typeof value === 'string') return shownPart(value, kind, options);
  if (Array.isArray(value))
    return joinList(
      value.map((v) => factText(v, kind, options)),
      options.lang,
    );
  return JSON.stringify(value);
}

/** A hit's explanation in the reader's language, every fact in words. */
export function explainHit(spec: ModelSpec, facts: Readonly<Record<string, unknown>>, options: ExplainOptions): string {
  return renderExplanation(spec.explanation[options.lang], facts, (name, value, offset) =>
    factText(value, placeholderKind(spec, name), { ...options, sentenceStart: offset === 0 }),
  );
}

/** A hit's explanation in both languages. */
export function explainHitBoth(
  spec: ModelSpec,
  facts: Readonly<Record<string, unknown>>,
  places?: PlaceNames,
): LocalisedText {
  return { zh: explainHit(spec, facts, { lang: 'zh', places }), en: explainHit(spec, facts, { lang: 'en', places }) };
}
