import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { AppError } from '../../http/errors.js';
import type { TImportProblem } from './organisations.schemas.js';

export type CsvEncoding = 'utf-8' | 'gb18030';

/** A CSV file refused as a whole, with every problem found. Nothing was written. */
export class ImportRejectedError extends AppError {
  constructor(readonly problems: TImportProblem[]) {
    const shown = problems
      .slice(0, 20)
      .map((p) => `  row ${p.row}${p.column ? `, ${p.column}` : ''}${p.value ? ` "${p.value}"` : ''}: ${p.reason}`);
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    super(
      422,
      'import_rejected',
      [`Nothing was imported: ${problems.length} problem(s) in the file`, ...shown, ...more].join('\n'),
    );
  }
}

/**
 * Decodes a CSV file: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise
 * GB18030, the superset of GBK that Excel on a Chinese Windows writes. GBK text is almost
 * never valid UTF-8, so the strict decode is a reliable test.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

export interface CsvRecord {
  /** The file line where the record ends; the header is line 1. */
  row: number;
  cells: Record<string, string>;
}

/**
 * Reads a CSV file whose header names columns in English or Chinese. Returns its records
 * keyed by the canonical column names, or throws ImportRejectedError listing unknown,
 * repeated and missing columns, or where the CSV itself is malformed.
 */
export function readCsvFile(
  bytes: Uint8Array,
  columns: { aliases: Readonly<Record<string, string>>; required: readonly string[] },
): { encoding: CsvEncoding; records: CsvRecord[] } {
  const { text, encoding } = decodeCsvBytes(bytes);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 0;
    throw new ImportRejectedError([{ row: line, column: '', value: '', reason: `not valid CSV: ${error.message}` }]);
  }
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
