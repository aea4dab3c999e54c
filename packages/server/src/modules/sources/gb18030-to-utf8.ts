import iconv from 'iconv-lite';

const TRAILS = 191; // trail bytes 0x40–0xFE
let twoByteTable: Uint16Array | undefined;

/**
 * The code point of every two-byte GB18030 character (lead 0x81–0xFE, trail 0x40–0xFE),
 * 0 where the pair is not one: taken from iconv-lite, so both readers decode alike. Built
 * once, on first use (~24,000 pairs).
 */
function pairs(): Uint16Array {
  if (twoByteTable !== undefined) return twoByteTable;
  const table = new Uint16Array(126 * TRAILS);
  const pair = Buffer.alloc(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      pair[0] = lead;
      pair[1] = trail;
      const text = iconv.decode(pair, 'gb18030');
      const code = text.charCodeAt(0);
      if (text.length === 1 && code >= 0x80 && code !== 0xfffd && (code < 0xd800 || code > 0xdfff)) {
        table[(lead - 0x81) * TRAILS + (trail - 0x40)] = code;
      }
    }
  }
  twoByteTable = table;
  return table;
}

/**
 * GB18030 (GBK) bytes to UTF-8 bytes, chunk by chunk, as iconv-lite decodes the whole file,
 * but several times faster: ASCII and two-byte characters, nearly every byte of a real file,
 * are mapped byte to byte through a table with no JavaScript string in between; a four-byte
 * character is decoded on its own (streaming iconv-lite 0.7 garbles one split 3 + 1 across
 * chunks). At the first byte that is none of these the rest of the file goes through
 * iconv-lite's streaming decoder, from that character boundary on.
 */
export class Gb18030ToUtf8 {
  private readonly table = pairs();
  private fallback: iconv.DecoderStream | null = null;
  /** The start of a character the last chunk ended in (at most 3 bytes). */
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer {
    if (this.fallback !== null) return Buffer.from(this.fallback.write(chunk), 'utf8');
    const bytes = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    // Two bytes in give at most three out, four at most four, one exactly one.
    const out = Buffer.allocUnsafe(Math.ceil(bytes.length * 1.5));
    let at = 0;
    let i = 0;
    const length = bytes.length;
    while (i < length) {
      const b = bytes[i] as number;
      if (b < 0x80) {
        out[at++] = b;
        i += 1;
        continue;
      }
      if (b >= 0x81 && b <= 0xfe) {
        const size = i + 1 < length && isDigit(bytes[i + 1] as number) ? 4 : 2;
        if (i + size > length) {
          this.pending = Buffer.from(bytes.subarray(i));
          break;
        }
        if (size === 2) {
          const code = this.pair(b, bytes[i + 1] as number);
          if (code !== 0) {
            at = writeUtf8(out, at, code);
            i += 2;
            continue;
          }
        } else {
          const text = fourByteCharacter(bytes, i);
          if (text !== null) {
            at += out.write(text, at, 'utf8');
            i += 4;
            continue;
          }
        }
      }
      return this.fallBack(out, at, bytes.subarray(i));
    }
    return out.subarray(0, at);
  }

  /** What is left: the start of a character the file ended in, decoded as iconv-lite would. */
  end(): Buffer {
    const head =
      this.fallback === null && this.pending.length > 0 ? this.fallBack(Buffer.alloc(0), 0, this.pending) : null;
    this.pending = Buffer.alloc(0);
    const tail = Buffer.from(this.fallback?.end() ?? '', 'utf8');
    return head === null ? tail : Buffer.concat([head, tail]);
  }

  private pair(lead: number, trail: number): number {
    return trail >= 0x40 && trail <= 0xfe ? (this.table[(lead - 0x81) * TRAILS + (trail - 0x40)] as number) : 0;
  }

  /** Hands `rest` and everything after it to iconv-lite; returns `out`'s first `at` bytes and its output. */
  private fallBack(out: Buffer, at: number, rest: Buffer): Buffer {
    // No BOM handling: iconv-lite keeps U+FEFF in GB18030 (its codec is not "BOM-aware").
    this.fallback = iconv.getDecoder('gb18030');
    return Buffer.concat([out.subarray(0, at), Buffer.from(this.fallback.write(rest), 'utf8')]);
  }
}

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

/** The four-byte character at `i` (lead, digit, 0x81–0xFE, digit), or null if it is not a mapped one. */
function fourByteCharacter(bytes: Buffer, i: number): string | null {
  const third = bytes[i + 2] as number;
  if (third < 0x81 || third > 0xfe || !isDigit(bytes[i + 3] as number)) return null;
  const text = iconv.decode(bytes.subarray(i, i + 4), 'gb18030');
  return text.includes('\ufffd') ? null : text;
}

/** Writes a BMP code point (not a surrogate) as UTF-8; returns the new position. */
function writeUtf8(out: Buffer, at: number, code: number): number {
  if (code < 0x800) {
    out[at] = 0xc0 | (code >> 6);
    out[at + 1] = 0x80 | (code & 0x3f);
    return at + 2;
  }
  out[at] = 0xe0 | (code >> 12);
  out[at + 1] = 0x80 | ((code >> 6) & 0x3f);
  out[at + 2] = 0x80 | (code & 0x3f);
  return at + 3;
}
