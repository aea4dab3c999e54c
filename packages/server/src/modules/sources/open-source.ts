import { open } from 'node:fs/promises';
import type { ImportFormat } from '../../db/schema.js';
import { readCsv } from './csv-source.js';
import { readJson } from './json-source.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.js';
import { sourceFromGenerator, type RecordSource } from './record-source.js';
import { readXlsx } from './xlsx-source.js';

/** How to read a file; everything is optional. */
export interface OpenSourceOptions {
  /** Overrides the format sniffed from the file's first bytes. */
  format?: ImportFormat;
  /** XLSX: the worksheet to read (default: the first). */
  sheet?: string;
  /** Called with the number of file bytes read so far. */
  onBytes?: (total: number) => void;
  /** How long a record and the header may be (default: DEFAULT_READ_LIMITS). */
  limits?: ReadLimits;
}

/**
 * Tells the format from the first bytes rather than the name, since uploads arrive with
 * any name: a zip signature is XLSX, `[` a JSON array, `{` JSON Lines, anything else CSV.
 */
export async function sniffFormat(file: string): Promise<ImportFormat> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
    const text = head
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (text.startsWith('[')) return 'json';
    if (text.startsWith('{')) return 'jsonl';
    return 'csv';
  } finally {
    await handle.close();
  }
}

/** Opens a file for import: reads its header and leaves its records to be streamed. */
export async function openRecordSource(file: string, options: OpenSourceOptions = {}): Promise<RecordSource> {
  const format = options.format ?? (await sniffFormat(file));
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  switch (format) {
    case 'csv':
      return sourceFromGenerator(format, readCsv(file, options.onBytes, limits));
    case 'xlsx':
      return sourceFromGenerator(format, readXlsx(file, options.sheet, options.onBytes, limits));
    case 'json':
    case 'jsonl':
      return sourceFromGenerator(format, readJson(file, format, options.onBytes, limits));
    default: {
      const unreachable: never = format;
      throw new Error(`Unknown format ${String(unreachable)}`);
    }
  }
}
