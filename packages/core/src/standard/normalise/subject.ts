import type { Subject } from '../field-types.js';
import { fail, ok, type NormaliseResult } from '../result.js';
import { compactCode } from '../text.js';
import { normaliseIdNumber } from './id-number.js';
import { normaliseUscc, otherRegisterId } from './uscc.js';

/**
 * Normalises a subject: a person's identity number or an organisation's USCC, tagged with
 * which it is. Digits-only values are tried as identity numbers first (a USCC of 18 digits
 * is possible but rare); the reason reported is that of the more likely reading. An
 * organisation of another register is accepted in the scheme-tagged form `GB-COH:09876543`.
 */
export function normaliseSubject(raw: string): NormaliseResult<Subject> {
  // An organisation of another register, tagged with its scheme (see normaliseUscc).
  const other = otherRegisterId(raw);
  if (other !== null) return ok({ kind: 'organisation', code: other });
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
