import { availableParallelism } from 'node:os';
import { open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type PartRequest, type PartResult, copyPart } from './engine-copy-part.js';
import type { PartMessage } from './engine-copy-worker.js';
import { longLineError } from './line-guard.js';
import { moduleWorker, siblingModule } from './module-worker.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.js';

/** One file of the engine's copy: a run of the upload's lines, numbered from 1. */
export interface EnginePart {
  readonly file: string;
  /** Lines of the upload before the part's first: added to its numbers gives the upload's. */
  readonly lineOffset: number;
}

/**
 * A CSV file the engine can read itself: a UTF-8 copy of the upload with one record per
 * line, in parts, each non-empty line starting with its line number in the part and a comma.
 */
export interface EngineCsv {
  /** In file order; the first starts with the header. */
  readonly parts: readonly EnginePart[];
  /** Most cells on any line of the upload (at least the header's), not counting the number. */
  readonly columnCount: number;
  /** Deletes the copy. */
  cleanup(): Promise<void>;
}

export interface PrepareOptions {
  /** Called with file bytes read so far. */
  readonly onBytes?: (total: number) => void;
  /** Parts copied side by side, each on a worker thread; default one per core up to 4, none under 32 MB. */
  readonly parts?: number;
  /** How long a line and the header may be (default: DEFAULT_READ_LIMITS). */
  readonly limits?: ReadLimits;
}

// A worker thread costs tens of milliseconds to start; a part smaller than this is not worth it.
const MIN_PART_BYTES = 32 << 20;
// Each worker holds ~13 MB while it copies (a 5 GB import peaked 28 MB higher with two than
// with the copy on the main thread); four keep the peak under 500 MB on a larger machine.
const MAX_PARTS = 4;
// Bytes read at a time while looking for the line feed after a part's nominal end.
const SEEK_WINDOW = 64 << 10;
const LF = 0x0a;

/**
 * Prepares a CSV for the engine's own reader, streaming (memory stays flat): the file is
 * checked (valid UTF-8 or GB18030, regular shape) while a numbered UTF-8 copy is written
 * (engine-copy-part.ts). A large file is cut at line feeds into parts copied side by side
 * on worker threads, one per core: the copy is a byte loop in JavaScript, one core's work
 * otherwise (8 of 25 s of a 10-million-row import). Returns null when the file must go
 * through the JavaScript reader instead (other encodings, irregular shape, invalid UTF-8,
 * whose reader gives the precise error). Throws ReadLimitError (400) at a line longer than
 * the limits, which the engine's reader would otherwise skip without a word.
 */
export async function prepareEngineCsv(
  file: string,
  encoding: string | null,
  headerCount: number,
  tempFile: string,
  options: PrepareOptions = {},
): Promise<EngineCsv | null> {
  if (encoding !== 'utf-8' && encoding !== 'gb18030') return null;
  const { size } = await stat(file);
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const wanted = options.parts ?? Math.min(availableParallelism(), MAX_PARTS, Math.floor(size / MIN_PART_BYTES));
  const bounds = await lineBounds(file, size, Math.max(1, wanted), limits.maxRecordBytes);
  const requests: PartRequest[] = bounds.slice(1).map((end, k) => ({
    file,
    start: bounds[k] as number,
    end,
    encoding,
    out: partFile(tempFile, k),
    limits,
  }));
  const cleanup = async () => {
    await Promise.all(requests.map((r) => rm(r.out, { force: true })));
  };
  const read = requests.map(() => 0);
  const progress = (k: number) => (bytes: number) => {
    read[k] = bytes;
    options.onBytes?.(read.reduce((a, b) => a + b, 0));
  };
  try {
    const results =
      requests.length === 1
        ? [await copyPart(requests[0] as PartRequest, progress(0))]
        : await allOrFirstError(requests.map((r, k) => copyInWorker(r, progress(k))));
    throwAtLongLine(results, limits, encoding);
    const merged = mergeParts(results);
    if (merged === null) {
      await cleanup();
      return null;
    }
    return {
      parts: requests.map((r, k) => ({ file: r.out, lineOffset: merged.offsets[k] as number })),
      columnCount: Math.max(headerCount, merged.maxCells),
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Part `k`'s file: beside `tempFile`, its name ending as `tempFile`'s does (engine-copies.ts finds strays by it). */
function partFile(tempFile: string, k: number): string {
  return path.join(path.dirname(tempFile), `${k}-${path.basename(tempFile)}`);
}

/**
 * Throws the refusal for the first overlong line in file order. A part stops at its long
 * line, but the parts before it are whole, so their line feeds number it in the upload.
 */
function throwAtLongLine(results: readonly PartResult[], limits: ReadLimits, encoding: string): void {
  let lines = 0;
  for (const r of results) {
    if (r.longLine !== null) {
      const start = Buffer.from(r.longLine.start);
      throw longLineError({ ...r.longLine, start }, limits, encoding, lines);
    }
    lines += r.lineFeeds;
  }
}

/**
 * Byte offsets cutting `file` into at most `parts` parts of about equal size, each cut just
 * after a line feed: [0, …, size]. A part never starts inside a line (nor, as a line feed
 * is no byte of a multi-byte character in UTF-8 or GB18030, inside a character). A cut
 * that finds no line feed within `maxLineBytes` is dropped: the part holding that overlong
 * line refuses it, without a read to the end of the file in search of its end.
 */
async function lineBounds(file: string, size: number, parts: number, maxLineBytes: number): Promise<number[]> {
  const bounds = [0];
  if (parts <= 1 || size === 0) return [0, size];
  const handle = await open(file, 'r');
  try {
    const window = Buffer.alloc(SEEK_WINDOW);
    for (let k = 1; k < parts; k++) {
      let at = Math.max(Math.floor((k * size) / parts), bounds.at(-1) as number);
      const giveUpAt = at + maxLineBytes + 1;
      let cut = -1;
      while (cut === -1 && at < size && at < giveUpAt) {
        const { bytesRead } = await handle.read(window, 0, SEEK_WINDOW, at);
        const lf = window.subarray(0, bytesRead).indexOf(LF);
        if (lf !== -1) cut = at + lf + 1;
        at += bytesRead;
        if (bytesRead === 0) break;
      }
      if (cut === -1) continue;
      if (cut >= size) break;
      if (cut > (bounds.at(-1) as number)) bounds.push(cut);
    }
  } finally {
    await handle.close();
  }
  bounds.push(size);
  return bounds;
}

/**
 * The parts' results taken together: null when the file is not fit for the engine (a part
 * invalid or irregular, or a blank line in one part before a record in a later one), else
 * the most cells on a line and each part's line offset.
 */
function mergeParts(results: readonly PartResult[]): { maxCells: number; offsets: number[] } | null {
  let maxCells = 0;
  let lines = 0;
  let blankBefore = false;
  const offsets: number[] = [];
  for (const r of results) {
    if (!r.valid || !r.regular || (blankBefore && r.maxCells > 0)) return null;
    blankBefore ||= r.endsBlank;
    maxCells = Math.max(maxCells, r.maxCells);
    offsets.push(lines);
    lines += r.lineFeeds;
  }
  return { maxCells, offsets };
}

/** Copies a part on a worker thread of its own. */
function copyInWorker(request: PartRequest, onBytes: (read: number) => void): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const worker = moduleWorker(siblingModule(import.meta.url, 'engine-copy-worker'), request);
    worker.on('message', (message: PartMessage) => {
      if (message.kind === 'bytes') return onBytes(message.read);
      onBytes(request.end - request.start);
      resolve(message.result);
    });
    worker.once('error', reject);
    // After 'done' this settles nothing; before it, the worker ended without a result.
    worker.once('exit', (code) => reject(new Error(`the engine copy worker stopped (code ${code}) without a result`)));
  });
}

/**
 * Every promise's value, or the first error once all have settled: no worker is still
 * writing a part when the caller deletes the parts.
 */
async function allOrFirstError<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
