const LF = 0x0a;
const COMMA = 0x2c;
const CR = 0x0d;
const ZERO = 0x30;
const NINE = 0x39;
// Room for a line number (up to 2^53 has 16 digits) and its comma.
const PREFIX_ROOM = 17;

/**
 * Puts each non-empty line's number (1-based, counting every line) and a comma in front of
 * it, chunk by chunk, so the engine's CSV reader reads the file line as a first column.
 * Numbering lines there, rather than with `row_number() OVER ()` in SQL, keeps the reader
 * parallel: the window gathers every row into one ordered stream before anything is
 * written, which made a 2-million-row import's insert 1.3–2.5 s slower. Empty lines ("\n",
 * "\r\n") stay empty, as the reader skips them.
 */
export class LineNumberer {
  // The current line number in ASCII digits, least significant last; counted up in place.
  private digits = new Uint8Array(PREFIX_ROOM);
  private width = 1;
  private atLineStart = true;
  /** Line feeds seen so far: the lines before the next chunk's first. */
  lineFeeds = 0;

  constructor() {
    this.digits[PREFIX_ROOM - 1] = ZERO + 1;
  }

  /** The chunk with its line numbers in; the caller owns the returned buffer. */
  push(bytes: Buffer): Buffer {
    // One byte loop over local variables: per-line Buffer.indexOf and copy calls, or a
    // field read per byte, cost several times more.
    let out: Buffer = Buffer.allocUnsafe(bytes.length + (bytes.length >> 2) + PREFIX_ROOM);
    let at = 0;
    let atLineStart = this.atLineStart;
    let width = this.width;
    let lineFeeds = this.lineFeeds;
    const digits = this.digits;
    const length = bytes.length;
    for (let i = 0; i < length; i++) {
      const b = bytes[i] as number;
      if (atLineStart) {
        atLineStart = false;
        if (b !== LF && b !== CR) {
          // Short lines need more room than the first guess: grow (rare with real rows).
          if (at + PREFIX_ROOM + (length - i) > out.length) out = grow(out, at, length - i);
          for (let j = PREFIX_ROOM - width; j < PREFIX_ROOM; j++) out[at++] = digits[j] as number;
          out[at++] = COMMA;
        }
      }
      out[at++] = b;
      if (b === LF) {
        atLineStart = true;
        lineFeeds += 1;
        // The next line's number: carry the nines.
        let j = PREFIX_ROOM - 1;
        while (digits[j] === NINE) digits[j--] = ZERO;
        digits[j] = j < PREFIX_ROOM - width ? ZERO + 1 : (digits[j] as number) + 1;
        if (j < PREFIX_ROOM - width) width += 1;
      }
    }
    this.atLineStart = atLineStart;
    this.width = width;
    this.lineFeeds = lineFeeds;
    return out.subarray(0, at);
  }
}

/** A copy of `out`'s first `used` bytes in a buffer with room for `remaining` more bytes and their prefixes. */
function grow(out: Buffer, used: number, remaining: number): Buffer {
  const bigger = Buffer.allocUnsafe(used + remaining * (1 + PREFIX_ROOM));
  out.copy(bigger, 0, 0, used);
  return bigger;
}
