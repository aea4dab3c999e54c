import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { type ReadLimits, ReadLimitError } from './read-limits.js';

const LF = 0x0a;
// Bytes kept of an overlong line's start for the refusal: 200 characters of up to 4 bytes.
const START_BYTES = 800;

/** An overlong line: its number (the header is line 1), whether it is the header, and its first bytes. */
export interface LongLine {
  readonly line: number;
  readonly isHeader: boolean;
  readonly start: Buffer;
}

/**
 * Measures lines as bytes stream past, so that a file without line feeds is refused after
 * one limit's worth of bytes instead of being gathered into one string (a 300 MB line
 * exhausted the heap). Costs one `indexOf` per line: no copy, no decoding.
 */
export class LineLengthCheck {
  private lineNo = 1;
  private lineBytes = 0;
  // Where the current line starts; a reference, not a copy, which only a refusal reads.
  private startChunk: Buffer = Buffer.alloc(0);
  private startAt = 0;

  /** `hasHeader`: the first line is a header and is held to `maxHeaderBytes`. */
  constructor(
    private readonly limits: ReadLimits,
    private readonly hasHeader = true,
  ) {}

  /** The first line in `chunk` that is too long so far, or null; call again with the next chunk. */
  push(chunk: Buffer): LongLine | null {
    let from = 0;
    for (;;) {
      if (this.lineBytes === 0) {
        this.startChunk = chunk;
        this.startAt = from;
      }
      const lf = chunk.indexOf(LF, from);
      const end = lf === -1 ? chunk.length : lf;
      this.lineBytes += end - from;
      const isHeader = this.hasHeader && this.lineNo === 1;
      if (this.lineBytes > (isHeader ? this.limits.maxHeaderBytes : this.limits.maxRecordBytes)) {
        const start = Buffer.from(this.startChunk.subarray(this.startAt, this.startAt + START_BYTES));
        return { line: this.lineNo, isHeader, start };
      }
      if (lf === -1) return null;
      this.lineNo += 1;
      this.lineBytes = 0;
      from = lf + 1;
      if (from === chunk.length) return null;
    }
  }
}

/** The refusal for an overlong line, its start decoded as the file is (a cut last character shows as U+FFFD). */
export function longLineError(long: LongLine, limits: ReadLimits, encoding: string, lineOffset = 0): ReadLimitError {
  const text = iconv.encodingExists(encoding) ? iconv.decode(long.start, encoding) : long.start.toString('latin1');
  return new ReadLimitError(
    long.isHeader ? 'header' : 'record',
    long.isHeader ? limits.maxHeaderBytes : limits.maxRecordBytes,
    { line: long.line + lineOffset },
    text.replace(/^\uFEFF/, ''),
  );
}

/**
 * A pass-through stream of a file's bytes that fails with a ReadLimitError (400) at the
 * first line longer than the limits allow, before the decoder and parser see it.
 */
export class LineGuard extends Transform {
  private readonly check: LineLengthCheck;

  constructor(
    private readonly limits: ReadLimits,
    private readonly encoding: string,
    hasHeader = true,
  ) {
    super();
    this.check = new LineLengthCheck(limits, hasHeader);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const long = this.check.push(chunk);
    if (long === null) callback(null, chunk);
    else callback(longLineError(long, this.limits, this.encoding));
  }
}
