const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Tracks, byte by byte, whether a CSV is "regular": every record on one line (no line
 * break inside quotes, no blank line before the last record, no lone CR), every quote
 * well placed, so that the engine's reader sees the same records on the same line numbers
 * as csv-parse does. It also counts the most cells on a line.
 */
export class CsvShape {
  regular = true;
  maxCells = 0;
  /** A blank line has been seen (before a record, it makes the text irregular). */
  blankSeen = false;
  private inQuote = false;
  private afterQuote = false;
  private fieldStart = true;
  private cells = 1;
  private lineBytes = 0;
  private afterCr = false;

  push(bytes: Buffer): void {
    const plain = !this.inQuote && !this.afterQuote && !this.afterCr;
    if (plain && bytes.indexOf(QUOTE) === -1 && bytes.indexOf(CR) === -1) this.pushUnquoted(bytes);
    else this.pushAny(bytes);
  }

  /**
   * The common case, a chunk with no quote and no CR: only commas and line feeds matter.
   * Kept to local variables in one tight loop, it runs several times faster than pushAny.
   */
  private pushUnquoted(bytes: Buffer): void {
    let cells = this.cells;
    let maxCells = this.maxCells;
    let blankSeen = this.blankSeen;
    // Index where the current line's bytes start in this chunk; -1 while a line carried over has bytes.
    let lineStart = this.lineBytes > 0 ? -1 : 0;
    const length = bytes.length;
    for (let i = 0; i < length; i++) {
      const b = bytes[i];
      if (b === COMMA) {
        cells += 1;
      } else if (b === LF) {
        if (i === lineStart) {
          blankSeen = true;
        } else {
          if (blankSeen) this.regular = false;
          if (cells > maxCells) maxCells = cells;
        }
        cells = 1;
        lineStart = i + 1;
      }
    }
    this.lineBytes = lineStart === -1 ? this.lineBytes + length : length - lineStart;
    if (length > 0) {
      const last = bytes[length - 1];
      this.fieldStart = last === COMMA || last === LF;
    }
    this.cells = cells;
    this.maxCells = maxCells;
    this.blankSeen = blankSeen;
  }

  private pushAny(bytes: Buffer): void {
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
