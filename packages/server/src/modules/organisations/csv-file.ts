import { isUtf8 } from 'node:buffer';
import { finished } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../http/errors.js';
import iconv from 'iconv-lite';
import {
  LineLengthCheck,
  longLineError,
  DEFAULT_READ_LIMITS,
  type ReadLimits,
  type ReadLimitError,
  excerpt,
} from '../sources/index.js';
import type { TImportProblem } from './organisations.schemas.js';

export type CsvEncoding = 'utf-8' | 'gb18030';

/** A CSV file refused as a whole, with every problem found (values quoted up to 200 characters). Nothing was written. */
export class ImportRejectedError extends AppError {
  readonly problems: TImportProblem[];

  constructor(found: TImportProblem[]) {
    // A value is a cell of the file, up to a record's limit: the answer quotes its start.
    const problems = found.map((p) => ({ ...p, value: excerpt(p.value) }));
    const shown = problems
      .slice(0, 20)
      .map((p) => `  row ${p.row}${p.column ? `, ${p.column}` : ''}${p.value ? ` "${p.value}"` : ''}: ${p.reason}`);
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    super(
      422,
      'import_rejected',
      [`Nothing was imported: ${problems.length} problem(s) in the file`, ...shown, ...more].join('\n'),
    );
    this.problems = problems;
  }
}

export interface CsvRecord {
  /** The file line where the record ends; the header is line 1. */
  row: number;
  cells: Record<string, string>;
}

type ParsedRecord = { record: string[]; info: { lines: number } };

// Bytes parsed per turn of the event loop: other requests are served between two slices.
const SLICE_BYTES = 256 * 1024;

/** A decoder of the file's bytes, slice by slice (a character may be cut between slices). */
function sliceDecoder(encoding: CsvEncoding): { write(bytes: Buffer): string } {
  if (encoding === 'gb18030') return iconv.getDecoder('gb18030');
  // Already checked valid as a whole; the parser drops the BOM.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return { write: (bytes) => decoder.decode(bytes, { stream: true }) };
}

function rejectedLine(error: ReadLimitError): ImportRejectedError {
  const row = 'line' in error.place ? error.place.line : 0;
  return new ImportRejectedError([{ row, column: '', value: '', reason: error.message }]);
}

/**
 * Parses the CSV bytes a slice at a time, yielding to other requests between slices (a
 * 200 MB file parsed at once held every other request for seconds), with each line held
 * to the limits before it is decoded. Throws ImportRejectedError for malformed CSV or an
 * overlong line.
 */
async function parseCsvBytes(bytes: Uint8Array, encoding: CsvEncoding, limits: ReadLimits): Promise<ParsedRecord[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parser = parse({
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    bom: true,
    max_record_size: limits.maxRecordBytes,
  });
  const parsed: ParsedRecord[] = [];
  let failure: Error | undefined;
  parser.on('data', (record: ParsedRecord) => parsed.push(record));
  parser.on('error', (error: Error) => (failure ??= error));
  const lines = new LineLengthCheck(limits);
  const decoder = sliceDecoder(encoding);
  for (let at = 0; at < buffer.length && failure === undefined; at += SLICE_BYTES) {
    const slice = buffer.subarray(at, at + SLICE_BYTES);
    const long = lines.push(slice);
    if (long !== null) throw rejectedLine(longLineError(long, limits, encoding));
    parser.write(decoder.write(slice));
    await nextTurn();
  }
  if (failure === undefined) {
    parser.end();
    await nextTurn();
    await finished(parser).catch((error: Error) => (failure ??= error));
  }
  if (failure instanceof CsvError) {
    const line = (failure as CsvError & { lines?: number }).lines ?? 0;
    throw new ImportRejectedError([{ row: line, column: '', value: '', reason: `not valid CSV: ${failure.message}` }]);
  }
  if (failure !== undefined) throw failure;
  return parsed;
}

/**
 * Reads a CSV file whose header names columns in English or Chinese. Returns its records
 * keyed by the canonical column names, or throws ImportRejectedError listing unknown,
 * repeated and missing columns, or where the CSV itself is malformed or has a line longer
 * than `limits` allow.
 */
export async function readCsvFile(
  bytes: Uint8Array,
  columns: { aliases: Readonly<Record<string, string>>; required: readonly string[] },
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<{ encoding: CsvEncoding; records: CsvRecord[] }> {
  // GBK text is almost never valid UTF-8, so the strict test is a reliable one.
  const encoding: CsvEncoding = isUtf8(bytes) ? 'utf-8' : 'gb18030';
  const parsed = await parseCsvBytes(bytes, encoding, limits);
  const [header, ...body] = parsed;
  if (!header) throw new ImportRejectedError([{ row: 1, column: '', value: '', reason: 'the file is empty' }]);

  const problems: TImportProblem[] = [];
  const names = header.record.map((raw) => {
    const name = columns.aliases[raw.trim().toLowerCase()];
    if (!name) problems.push({ row: 1, column: raw, value: raw, reason: 'unknown column' });
    return name;
  });
  for (const required of columns.required) {
    if (!names.includes(required)) problems.push({ row: 1, column: required, value: '', reason: 'missing column' });
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (name && seen.has(name)) problems.push({ row: 1, column: name, value: '', reason: 'column appears twice' });
    if (name) seen.add(name);
  }
  if (problems.length > 0) throw new ImportRejectedError(problems);

  const records = body.map(({ record, info }) => {
    const cells: Record<string, string> = {};
    names.forEach((name, i) => {
      if (name) cells[name] = record[i] ?? '';
    });
    return { row: info.lines, cells };
  });
  return { encoding, records };
}
