/*
 * The written spec, as the tests that check core against it read it: the Markdown files in
 * `../shared/spec` beside the repository (CI checks it out there too). Tests read the files
 * (SPEC_DIR) and these functions parse them, so no test keeps a copy of the spec's tables
 * and a change to the spec fails the test that core no longer matches. A parser that cannot
 * read a row throws, so a change of the spec's layout fails loudly too.
 */

/** The folder of the written spec: `../shared/spec` from the repository root. */
export const SPEC_DIR = new URL('../../../../../shared/spec/', import.meta.url);

/** A field of a dataset type as the spec's table lists it: `owner*(subject)`, `relation* (spouse/…)`. */
export interface WrittenField {
  readonly key: string;
  readonly required: boolean;
  /** The field type the spec names in brackets (`subject`, `month`, `bool`), if any. */
  readonly type?: string;
  /** The enum codes the spec lists in brackets (`spouse/parent/…`), if any. */
  readonly codes?: readonly string[];
}

export interface WrittenDataset {
  readonly key: string;
  readonly zh: string;
  readonly fields: readonly WrittenField[];
}

/** The words the spec's enum table says a code accepts (`passenger_large ← 大型/中型客车`). */
export interface WrittenEnumTerms {
  readonly dataset: string;
  /** Usually one field; the spec lets two share a row (`collective_asset.kind / status`). */
  readonly fields: readonly string[];
  readonly code: string;
  readonly words: readonly string[];
}

export interface WrittenModel {
  readonly id: string;
  /** The default severity: the first word of the severity column. */
  readonly severity: string;
}

/** The text under a `## heading`, up to the next heading of that level. */
export function specSection(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`the spec has no section "## ${heading}"`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** The body rows of every Markdown table in the text, as trimmed cells. */
export function tableRows(text: string): string[][] {
  const lines = text.split('\n').filter((l) => l.startsWith('|'));
  const rows = lines.map((l) => l.slice(1, l.trimEnd().endsWith('|') ? l.trimEnd().length - 1 : undefined));
  // A header row is the one before a separator row (|---|---|); both are dropped.
  return rows
    .filter((r, i) => !/^[\s|:-]+$/.test(r) && !/^[\s|:-]+$/.test(rows[i + 1] ?? 'x'))
    .map((r) => r.split('|').map((c) => c.trim()));
}

/** Splits on commas outside brackets: `item_ref* (uscc, plate or cert_no), holder_relation`. */
export function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  parts.push(current.trim());
  return parts.filter((p) => p !== '');
}

const BACKTICKED = /^`([^`]+)`$/;
const FIELD_ITEM = /^([a-z][a-z0-9_]*)(\*)?\s*(?:\((.*)\))?$/;
const CODE_LIST = /^[a-z_]+(\/[a-z_]+)+$/;

function unquote(cell: string): string {
  return BACKTICKED.exec(cell)?.[1] ?? cell;
}

function writtenField(item: string, dataset: string, fieldTypes: readonly string[]): WrittenField {
  const match = FIELD_ITEM.exec(item);
  if (match === null) throw new Error(`cannot read field "${item}" of ${dataset} in the spec`);
  const [, key = '', star, note] = match;
  const field = { key, required: star === '*' };
  if (note === undefined) return field;
  if (fieldTypes.includes(note)) return { ...field, type: note };
  if (CODE_LIST.test(note)) return { ...field, codes: note.split('/') };
  return field; // a description, such as "uscc, plate or cert_no"
}

/**
 * The "Dataset types" table of data-standard.md: each type's key, Chinese name and fields in
 * order. `fieldTypes` tells a type named in brackets from a description.
 */
export function writtenDatasets(markdown: string, fieldTypes: readonly string[]): WrittenDataset[] {
  return tableRows(specSection(markdown, 'Dataset types')).map(([key = '', zh = '', fields = '']) => {
    const dataset = unquote(key);
    return { key: dataset, zh, fields: splitOutsideBrackets(fields).map((f) => writtenField(f, dataset, fieldTypes)) };
  });
}

/** `大型/中型客车` is the spec's short form of 大型客车, 中型客车. */
function expandShortForm(word: string): string[] {
  const parts = word.split('/');
  const last = parts.at(-1) ?? '';
  if (parts.length === 1) return [word];
  const suffix = last.slice(parts[0]?.length ?? 0);
  return [...parts.slice(0, -1).map((p) => p + suffix), last];
}

/** The enum table of data-standard.md: for each code, the words the spec says it accepts. */
export function writtenEnumTerms(markdown: string): WrittenEnumTerms[] {
  const rows = tableRows(specSection(markdown, 'Enum codes and the words departments use for them'));
  return rows.flatMap(([target = '', terms = '']) => {
    const [dataset = '', rest = ''] = target.split('.');
    const fields = rest.split('/').map((f) => f.trim());
    return terms.split(';').map((entry) => {
      const [code, words] = entry.split('←').map((s) => s.trim());
      if (!code || !words) throw new Error(`cannot read "${entry}" of ${target} in the spec`);
      return { dataset, fields, code, words: words.split(',').flatMap((w) => expandShortForm(w.trim())) };
    });
  });
}

/** The seeded benefit programmes data-standard.md names: `dibao` 最低生活保障, … */
export function writtenProgrammes(markdown: string): { key: string; zh: string }[] {
  const start = markdown.indexOf('seeded with at least:');
  const end = markdown.indexOf('. Each programme', start);
  if (start < 0 || end < 0) throw new Error('the spec no longer lists the seeded benefit programmes');
  return [...markdown.slice(start, end).matchAll(/`([a-z_]+)`\s+([^,`]+)/g)].map(([, key = '', zh = '']) => ({
    key,
    zh: zh.trim(),
  }));
}

/** The models of models.md, in its order: every table row whose first cell is a model id. */
export function writtenModels(markdown: string): WrittenModel[] {
  return tableRows(markdown)
    .filter(([id = '']) => /^[A-Z]+\d{2}$/.test(id))
    .map((cells) => {
      const severity = /^(red|orange|yellow)\b/.exec(cells.at(-1) ?? '')?.[1];
      if (severity === undefined) throw new Error(`cannot read the severity of ${cells[0]} in the spec`);
      return { id: cells[0] ?? '', severity };
    });
}
