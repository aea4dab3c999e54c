import type { DatasetType, FieldDef } from './catalogue-types.js';
import type { MoneyUnit } from './normalise/money.js';
import type { LocalisedText } from './result.js';
import { foldForMatch } from './text.js';

/** How a column was tied to a field. */
export type MatchVia = 'key' | 'label' | 'synonym' | 'user';

/** One column of the file and the field it feeds, if any. */
export interface ColumnMatch {
  readonly index: number;
  readonly header: string;
  readonly field: string | null;
  readonly via: MatchVia | null;
  /** For money fields whose header names a unit ("预算金额(万元)"): bare numbers are in it. */
  readonly moneyUnit: MoneyUnit | null;
}

/** The result of matching a file's header row against a dataset type. */
export interface HeaderMatch {
  readonly dataset: string;
  /** Header text → field key, for matched columns (the first column wins on repeats). */
  readonly mapping: Readonly<Record<string, string>>;
  readonly columns: readonly ColumnMatch[];
  /** Keys of required fields no column feeds: the file must be refused while any remain. */
  readonly missingRequired: readonly string[];
  readonly missingOptional: readonly string[];
  /** Headers that feed no field (they are ignored on import). */
  readonly unmatchedColumns: readonly string[];
  /** Columns that matched a field another column already feeds; ignored, but worth telling. */
  readonly duplicateColumns: readonly { readonly header: string; readonly field: string }[];
  /** Problems with a user-supplied mapping (unknown field or header). */
  readonly mappingProblems: readonly LocalisedText[];
  /** Null when the file can be imported; otherwise why not, listing the columns found. */
  readonly refusal: LocalisedText | null;
}

/** Field key → header text, as a user fills in the mapping template. */
export type UserMapping = Readonly<Record<string, string>>;

const UNIT_IN_HEADER = /(亿元|万元|千元)/;
// "*身份证号" and "身份证号：" are how templates mark required or label columns.
const MARKERS = /^[*※#]+|[:：]$/g;
// Parenthesised notes such as units: 金额(元), 面积（平方米）, 姓名【必填】.
const PARENTHESISED = /[([【（][^)\]】）]*[)\]】）]/g;

function headerKeys(header: string): string[] {
  const folded = foldForMatch(header).replace(MARKERS, '');
  const bare = folded.replace(PARENTHESISED, '');
  return bare !== folded && bare !== '' ? [folded, bare] : [folded];
}

/** Index of folded words → field, filled key first so a key always beats a synonym. */
function buildIndex(dataset: DatasetType): Map<string, { field: FieldDef; via: MatchVia }> {
  const index = new Map<string, { field: FieldDef; via: MatchVia }>();
  const add = (word: string, field: FieldDef, via: MatchVia): void => {
    const key = foldForMatch(word);
    if (key !== '' && !index.has(key)) index.set(key, { field, via });
  };
  for (const f of dataset.fields) add(f.key, f, 'key');
  for (const f of dataset.fields) {
    add(f.label.zh, f, 'label');
    add(f.label.en, f, 'label');
  }
  for (const f of dataset.fields) for (const s of f.synonyms) add(s, f, 'synonym');
  return index;
}

function moneyUnitOf(field: FieldDef | undefined, header: string): MoneyUnit | null {
  if (field?.type !== 'money') return null;
  const m = UNIT_IN_HEADER.exec(header);
  return m ? (m[1] as MoneyUnit) : null;
}

/**
 * Matches a file's headers to the dataset's fields by key, Chinese or English label, or
 * synonym, ignoring case, spaces, full/half width, required-markers and parenthesised notes.
 * A `userMapping` (field → header, from a filled-in template) takes precedence. Promises:
 * every header appears once in `columns`; `refusal` is set exactly when a required field
 * has no column.
 */
export function matchHeaders(
  dataset: DatasetType,
  headers: readonly string[],
  userMapping: UserMapping = {},
): HeaderMatch {
  const index = buildIndex(dataset);
  const fieldsByKey = new Map(dataset.fields.map((f) => [f.key, f]));
  const mappingProblems: LocalisedText[] = [];
  const userFieldByHeader = new Map<string, string>();
  for (const [fieldKey, header] of Object.entries(userMapping)) {
    if (header.trim() === '') continue;
    if (!fieldsByKey.has(fieldKey)) {
      mappingProblems.push({
        zh: `映射中的字段 ${fieldKey} 不属于 ${dataset.name.zh}`,
        en: `field ${fieldKey} is not in ${dataset.key}`,
      });
    } else if (!headers.includes(header)) {
      mappingProblems.push({ zh: `文件中没有列「${header}」`, en: `the file has no column "${header}"` });
    } else {
      userFieldByHeader.set(header, fieldKey);
    }
  }
  const userFields = new Set(userFieldByHeader.values());
  const taken = new Set<string>();
  const mapping: Record<string, string> = {};
  const duplicateColumns: { header: string; field: string }[] = [];
  const columns = headers.map((header, i): ColumnMatch => {
    const userField = userFieldByHeader.get(header);
    const auto = headerKeys(header)
      .map((k) => index.get(k))
      .find((hit) => hit !== undefined && !userFields.has(hit.field.key));
    const fieldKey = userField ?? auto?.field.key ?? null;
    const via: MatchVia | null = userField !== undefined ? 'user' : (auto?.via ?? null);
    if (fieldKey === null) return { index: i, header, field: null, via: null, moneyUnit: null };
    if (taken.has(fieldKey)) {
      duplicateColumns.push({ header, field: fieldKey });
      return { index: i, header, field: null, via: null, moneyUnit: null };
    }
    taken.add(fieldKey);
    if (!(header in mapping)) mapping[header] = fieldKey;
    return { index: i, header, field: fieldKey, via, moneyUnit: moneyUnitOf(fieldsByKey.get(fieldKey), header) };
  });
  const missing = dataset.fields.filter((f) => !taken.has(f.key));
  const missingRequired = missing.filter((f) => f.required);
  return {
    dataset: dataset.key,
    mapping,
    columns,
    missingRequired: missingRequired.map((f) => f.key),
    missingOptional: missing.filter((f) => !f.required).map((f) => f.key),
    unmatchedColumns: columns.filter((c) => c.field === null).map((c) => c.header),
    duplicateColumns,
    mappingProblems,
    refusal: missingRequired.length === 0 ? null : describeRefusal(dataset, missingRequired, headers),
  };
}

function describeRefusal(
  dataset: DatasetType,
  missing: readonly FieldDef[],
  headers: readonly string[],
): LocalisedText {
  const found = headers.length === 0 ? '（无）' : headers.join('、');
  return {
    zh: `无法导入为「${dataset.name.zh}」：缺少必填列 ${missing.map((f) => `${f.label.zh}(${f.key})`).join('、')}。文件中的列：${found}。请填写映射模板后重新导入。`,
    en: `cannot import as ${dataset.key}: required columns missing: ${missing.map((f) => f.key).join(', ')}. Columns found: ${headers.join(', ') || '(none)'}. Fill in the mapping template and import again.`,
  };
}
