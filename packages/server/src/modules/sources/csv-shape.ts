const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * What the plain path of CsvShape keeps between chunks, shared with the loop that advances
 * it (LineNumberer.pushPlain, which numbers the lines in the same pass over the bytes).
 */
export interface PlainShape {
  regular: boolean;
  maxCells: number;
  /** A blank line has been seen (before a record, it makes the text irregular). */
  blankSeen: boolean;
  /** Cells so far on the current line. */
  cells: number;
  /** Bytes so far on the current line. */
  lineBytes: number;
  /** The next byte starts a field. */
  fieldStart: boolean;
}

/**
 * Tracks, byte by byte, whether a CSV is "regular": every record on one line (no line
 * break inside quotes, no blank line before the last record, no lone CR), every quote
 * well placed, so that the engine's reader sees the same records on the same line numbers
 * as csv-parse does. It also counts the most cells on a line. Plain chunks (isPlain) are
 * checked by LineNumberer.pushPlain while it numbers them; the rest by pushQuoted.
 */
export class CsvShape implements PlainShape {
  regular = true;
  maxCells = 0;
  blankSeen = false;
  cells = 1;
  lineBytes = 0;
  fieldStart = true;
  private inQuote = false;
  private afterQuote = false;
  private afterCr = false;

  /**
   * Whether `bytes` may take the plain path, the common case: no quote and no CR in the
   * chunk, and none pending from the last, so that only commas and line feeds matter.
   */
  isPlain(bytes: Buffer): boolean {
    return (
      !this.inQuote && !this.afterQuote && !this.afterCr && bytes.indexOf(QUOTE) === -1 && bytes.indexOf(CR) === -1
    );
  }

  /** Checks a chunk that is not plain (see isPlain), quote by quote. */
  pushQuoted(bytes: Buffer): void {
    for (let i = 0; i < bytes.length && this.regular; i++) {
      const b = bytes[i] as number;
      if (this.afterCr) {
        this.afterCr = false;
        if (b !== LF) return this.irregular();
      }
      if (this.inQuote) {
        if (b === QUOTE) {
          this.inQuote = false;
          this.afterQuote = true;
        } else if (b === LF || b === CR) return this.irregular();
        continue;
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        if (b === QUOTE) {
          this.inQuote = true; // "" inside a quoted field
          continue;
        }
        if (b !== COMMA && b !== LF && b !== CR) return this.irregular();
      }
      if (b === QUOTE) {
        if (!this.fieldStart) return this.irregular();
        this.inQuote = true;
        this.fieldStart = false;
        this.lineBytes += 1;
      } else if (b === COMMA) {
        this.cells += 1;
        this.fieldStart = true;
        this.lineBytes += 1;
      } else if (b === CR) {
        this.afterCr = true;
      } else if (b === LF) {
        this.endLine();
      } else {
        this.fieldStart = false;
        this.lineBytes += 1;
      }
    }
  }

  end(): void {
    if (this.inQuote || this.afterCr) this.irregular();
    if (this.lineBytes > 0) this.endLine();
  }

  private endLine(): void {
    if (this.lineBytes === 0) {
      this.blankSeen = true;
    } else {
      // A blank line before a record would shift the engine's numbering: csv-parse skips it but counts it.
      if (this.blankSeen) this.irregular();
      if (this.cells > this.maxCells) this.maxCells = this.cells;
    }
    this.cells = 1;
    this.lineBytes = 0;
    this.fieldStart = true;
  }

  private irregular(): void {
    this.regular = false;
  }
}
