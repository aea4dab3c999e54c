import type { Subject } from '../field-types.js';
import { fail, ok, type NormaliseResult } from '../result.js';
import { compactCode } from '../text.js';
import { normaliseIdNumber } from './id-number.js';
import { normaliseUscc } from './uscc.js';

/**
 * Normalises a subject: a person's identity number or an organisation's USCC, tagged with
 * which it is. Digits-only values are tried as identity numbers first (a USCC of 18 digits
 * is possible but rare); the reason reported is that of the more likely reading.
 */
export function normaliseSubject(raw: string): NormaliseResult<Subject> {
  const code = compactCode(raw).toUpperCase();
  const looksLikeId = /^(\d{15}|\d{17}[\dX])$/.test(code);
  const asId = looksLikeId ? normaliseIdNumber(code) : null;
  if (asId?.ok) return ok({ kind: 'person', code: asId.value.id });
  const asUscc = code.length === 18 ? normaliseUscc(code) : null;
  if (asUscc?.ok) return ok({ kind: 'organisation', code: asUscc.value });
  if (asId) return asId;
  if (asUscc) return asUscc;
  return fail(
    `「${code}」既不是身份证号（18 或 15 位）也不是统一社会信用代码（18 位）`,
    `"${code}" is neither an identity number (18 or 15 characters) nor a unified social credit code (18)`,
  );
}
