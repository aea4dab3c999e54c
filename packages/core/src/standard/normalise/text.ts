import { ok, type NormaliseResult } from '../result.js';
import { cleanText } from '../text.js';

/** Normalises free text: full width to half width, invisible characters removed, trimmed. */
export function normaliseText(raw: string): NormaliseResult<string> {
  return ok(cleanText(raw));
}
