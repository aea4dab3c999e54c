import type { FieldDef } from '../catalogue-types.js';
import type { FieldValue } from '../field-types.js';
import { fail, type LocalisedText, ok, type NormaliseResult } from '../result.js';
import { cleanText } from '../text.js';
import { normaliseAccount } from './account.js';
import { normaliseBool } from './bool.js';
import { normaliseLat, normaliseLon } from './coordinate.js';
import { normaliseDate } from './date.js';
import { normaliseDateTime } from './datetime.js';
import { normaliseDecimal } from './decimal.js';
import { normaliseDivision, type DivisionNameResolver } from './division.js';
import { normaliseEnum } from './enum.js';
import { normaliseIdNumber } from './id-number.js';
import { normaliseInt } from './int.js';
import { normaliseMoney, type MoneyUnit } from './money.js';
import { normaliseMonth } from './month.js';
import { normalisePhone } from './phone.js';
import { normaliseSubject } from './subject.js';
import { normaliseText } from './text.js';
import { normaliseUscc } from './uscc.js';

/** What a raw cell may be: text from CSV/JSON, or a number or boolean from XLSX/JSON. */
export type RawValue = string | number | boolean | null | undefined;

/** Deployment data the pure normalisers cannot hold themselves. */
export interface NormaliseContext {
  /** Resolves division names against the loaded division table. */
  readonly resolveDivisionName?: DivisionNameResolver;
  /** The unit the column header declares for money ("金额(万元)"); see `matchHeaders`. */
  readonly moneyUnit?: MoneyUnit;
}

// Database dumps write NULL or \N for missing values; they mean "empty", not the text "NULL".
const BLANK_MARKERS = new Set(['', 'null', '\\n']);

/** Whether a raw cell counts as empty. */
export function isBlank(raw: RawValue): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== 'string') return false;
  return BLANK_MARKERS.has(cleanText(raw).toLowerCase());
}

function rawToText(raw: string | number | boolean): string {
  if (typeof raw === 'number') {
    // Keep integers whole (no 1e+21) and let decimals print their shortest exact form.
    return Number.isInteger(raw) ? BigInt(raw).toString() : String(raw);
  }
  return String(raw);
}

/**
 * Normalises one raw cell for a field, dispatching on the field's type. Promises: a blank
 * required cell fails with "必填字段为空 / required field is empty"; a blank optional cell
 * succeeds with `null`; otherwise the value is in the stored form of the field type.
 */
export function normaliseValue(
  field: FieldDef,
  raw: RawValue,
  context: NormaliseContext = {},
): NormaliseResult<FieldValue | null> {
  if (isBlank(raw)) return field.required ? fail('必填字段为空', 'required field is empty') : ok(null);
  const text = rawToText(raw as string | number | boolean);
  switch (field.type) {
    case 'id': {
      const r = normaliseIdNumber(text);
      return r.ok ? ok(r.value.id) : r;
    }
    case 'uscc':
      return normaliseUscc(text);
    case 'subject':
      return normaliseSubject(text);
    case 'division':
      return normaliseDivision(text, context.resolveDivisionName);
    case 'date':
      return normaliseDate(text);
    case 'datetime':
      return normaliseDateTime(text);
    case 'month':
      return normaliseMonth(text);
    case 'money':
      return normaliseMoney(text, context.moneyUnit);
    case 'bool':
      return normaliseBool(text);
    case 'enum':
      return normaliseEnum(field.values, text);
    case 'phone':
      return normalisePhone(text);
    case 'account':
      return normaliseAccount(text);
    case 'text':
      return normaliseText(text);
    case 'int':
      return normaliseInt(text);
    case 'decimal':
      return normaliseDecimal(text);
    case 'lat':
      return normaliseLat(text);
    case 'lon':
      return normaliseLon(text);
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

/**
 * What becomes of one cell of a row: its value; `kept`, an optional field's value that
 * cannot be read (an unknown code, a malformed date or amount), the row loading with the
 * field empty; or `rejected`, a required field's, which refuses the row. Either way the
 * reason goes to the batch's report.
 */
export type CellOutcome =
  | { readonly outcome: 'value'; readonly value: FieldValue | null }
  | { readonly outcome: 'kept'; readonly reason: LocalisedText }
  | { readonly outcome: 'rejected'; readonly reason: LocalisedText };

/** `normaliseValue`, with the rule that an optional field loses a value, never the row. */
export function normaliseCell(field: FieldDef, raw: RawValue, context: NormaliseContext = {}): CellOutcome {
  const result = normaliseValue(field, raw, context);
  if (result.ok) return { outcome: 'value', value: result.value };
  return { outcome: field.required ? 'rejected' : 'kept', reason: result.reason };
}
