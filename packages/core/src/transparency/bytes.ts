/** Constant-shape comparison of two byte strings (lengths first, then every byte). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map([...ALPHABET].map((char, value) => [char, value]));

/** Standard base64 with padding (RFC 4648 §4), as checkpoints and signed notes write it. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const rest = bytes.length - i;
    out += ALPHABET[b0 >> 2];
    out += ALPHABET[((b0 & 3) << 4) | (b1 >> 4)];
    out += rest > 1 ? ALPHABET[((b1 & 15) << 2) | (b2 >> 6)] : '=';
    out += rest > 2 ? ALPHABET[b2 & 63] : '=';
  }
  return out;
}

/**
 * Strict standard base64: padding required, no whitespace, no other alphabet, and the unused
 * bits of the last character zero. Anything else is null, so one checkpoint has one spelling.
 */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const isLast = i + 4 === text.length;
    const values: number[] = [];
    for (let j = 0; j < 4; j++) {
      const char = text[i + j] ?? '';
      if (char === '=' && isLast && j >= 4 - padding) continue;
      const value = DECODE.get(char);
      if (value === undefined) return null;
      values.push(value);
    }
    const [v0 = 0, v1 = 0, v2 = 0, v3 = 0] = values;
    const word = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    if (values.length === 2 && (v1 & 15) !== 0) return null;
    if (values.length === 3 && (v2 & 3) !== 0) return null;
    out[o++] = word >> 16;
    if (values.length > 2) out[o++] = (word >> 8) & 255;
    if (values.length > 3) out[o++] = word & 255;
  }
  return out;
}
