import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { Gb18030ToUtf8 } from './gb18030-to-utf8.js';
import { LineNumberer } from './line-numbers.js';

/**
 * A CSV file the engine can read itself: a UTF-8 copy of the upload with one record per
 * line, each non-empty line starting with its line number in the upload and a comma.
 */
export interface EngineCsv {
  readonly file: string;
  /** Most cells on any line of the upload (at least the header's), not counting the number. */
  readonly columnCount: number;
  /** Deletes the copy. */
  cleanup(): Promise<void>;
}

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
  private inQuote = false;
  private afterQuote = false;
  private fieldStart = true;
  private cells = 1;
  private lineBytes = 0;
  private blankSeen = false;
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

/** Where a possibly cut UTF-8 character starts at the end of `bytes` (bytes.length if none is cut). */
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/**
 * Prepares a CSV for the engine's own reader, streaming (memory stays flat): the file is
 * checked (valid UTF-8 or GB18030, regular shape) while a UTF-8 copy with each line's
 * number in front (line-numbers.ts) is written to `tempFile`. Returns null when the file
 * must go through the JavaScript reader instead (other encodings, irregular shape, invalid
 * UTF-8, whose reader gives the precise error).
 */
export async function prepareEngineCsv(
  file: string,
  encoding: string | null,
  headerCount: number,
  tempFile: string,
  onBytes?: (total: number) => void,
): Promise<EngineCsv | null> {
  if (encoding !== 'utf-8' && encoding !== 'gb18030') return null;
  const shape = new CsvShape();
  const numberer = new LineNumberer();
  const out = createWriteStream(tempFile);
  const cleanup = () => rm(tempFile, { force: true });
  const write = async (bytes: Buffer) => {
    if (bytes.length === 0) return;
    shape.push(bytes);
    if (!out.write(numberer.push(bytes))) await once(out, 'drain');
  };
  try {
    let read = 0;
    let valid = true;
    const decoder = encoding === 'gb18030' ? new Gb18030ToUtf8() : null;
    let carry = Buffer.alloc(0);
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      read += chunk.length;
      onBytes?.(read);
      if (decoder !== null) {
        await write(decoder.push(chunk));
      } else {
        const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
        const whole = completeUtf8Length(bytes);
        valid = isUtf8(bytes.subarray(0, whole));
        carry = Buffer.from(bytes.subarray(whole));
        if (valid) await write(bytes.subarray(0, whole));
      }
      if (!valid || !shape.regular) break;
    }
    if (decoder !== null && shape.regular) await write(decoder.end());
    if (carry.length > 0) valid = false;
    out.end();
    await once(out, 'finish');
    shape.end();
    if (!valid || !shape.regular) {
      await cleanup();
      return null;
    }
    return { file: tempFile, columnCount: Math.max(headerCount, shape.maxCells), cleanup };
  } catch (error) {
    out.destroy();
    await cleanup();
    throw error;
  }
}
