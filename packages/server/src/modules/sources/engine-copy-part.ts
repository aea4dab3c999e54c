import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { isUtf8 } from 'node:buffer';
import { CsvShape } from './csv-shape.js';
import { Gb18030ToUtf8 } from './gb18030-to-utf8.js';
import { type LongLine, LineLengthCheck } from './line-guard.js';
import { LineNumberer } from './line-numbers.js';
import type { ReadLimits } from './read-limits.js';

/** One part of a CSV to copy for the engine: bytes [start, end) of `file`, starting at a line. */
export interface PartRequest {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly encoding: 'utf-8' | 'gb18030';
  /** Where the numbered UTF-8 copy of the part goes. */
  readonly out: string;
  /** The longest line and header allowed; the first part's first line is the header. */
  readonly limits: ReadLimits;
}

/** What copying a part found. Line numbers in the copy count from 1 at the part's first line. */
export interface PartResult {
  /** Valid in its encoding. */
  readonly valid: boolean;
  /** Regular on its own (see CsvShape); the caller checks the parts together. */
  readonly regular: boolean;
  readonly maxCells: number;
  /** Line feeds in the part: the lines the parts after it must count past. */
  readonly lineFeeds: number;
  /** The part ends with a blank line seen (a record in a later part makes the file irregular). */
  readonly endsBlank: boolean;
  /** The first line longer than the limits (numbered in the part), where the copy stopped; null if none. */
  readonly longLine: LongLine | null;
}

/** A chunk numbered, its shape checked: in one pass when it is plain, else quote by quote then numbered. */
export function numberChunk(bytes: Buffer, shape: CsvShape, numberer: LineNumberer): Buffer {
  if (shape.isPlain(bytes)) return numberer.pushPlain(bytes, shape);
  shape.pushQuoted(bytes);
  return numberer.push(bytes);
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
 * Copies one part of a CSV for the engine's own reader, streaming (memory stays flat): the
 * bytes are checked (valid UTF-8 or GB18030, regular shape) while a UTF-8 copy with each
 * line's number in front (line-numbers.ts) is written to `request.out`. Stops early once
 * the part is invalid or irregular; the copy is then incomplete and only fit to delete.
 * A part starts after a line feed, which is never inside a character in either encoding,
 * so each part decodes on its own. Runs in a worker thread (engine-copy-worker.ts) or inline.
 */
export async function copyPart(request: PartRequest, onBytes?: (read: number) => void): Promise<PartResult> {
  const shape = new CsvShape();
  const numberer = new LineNumberer();
  // Checked on the raw bytes, before any decoding: a line without end is refused after one limit's worth.
  const lines = new LineLengthCheck(request.limits, request.start === 0);
  let longLine: LongLine | null = null;
  const out = createWriteStream(request.out);
  const write = async (bytes: Buffer) => {
    if (bytes.length === 0) return;
    if (!out.write(numberChunk(bytes, shape, numberer))) await once(out, 'drain');
  };
  try {
    let valid = true;
    if (request.end > request.start) {
      let read = 0;
      const decoder = request.encoding === 'gb18030' ? new Gb18030ToUtf8() : null;
      let carry = Buffer.alloc(0);
      const input = createReadStream(request.file, {
        start: request.start,
        end: request.end - 1, // inclusive
        highWaterMark: 1 << 20,
      }) as AsyncIterable<Buffer>;
      for await (const chunk of input) {
        read += chunk.length;
        onBytes?.(read);
        longLine = lines.push(chunk);
        if (longLine !== null) break;
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
      if (decoder !== null && shape.regular && longLine === null) await write(decoder.end());
      if (carry.length > 0) valid = false;
    }
    out.end();
    await once(out, 'finish');
    shape.end();
    return {
      valid,
      regular: shape.regular,
      maxCells: shape.maxCells,
      lineFeeds: numberer.lineFeeds,
      endsBlank: shape.blankSeen,
      longLine,
    };
  } catch (error) {
    out.destroy();
    throw error;
  }
}
