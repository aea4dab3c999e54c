/**
 * Writes one department's file of one dataset the way departments really send them:
 * their own headers (the standard's label or one of its synonyms), their own date and
 * money habits, their encoding or an Excel workbook, and a few rows a clerk got wrong.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DatasetType, type FieldDef, foldForMatch, matchHeaders } from '@qingfeng/core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type FileStyle, formatCell, impossibleDate } from './formats.js';
import { breakIdCheck, breakUsccCheck } from './identifiers.js';
import type { Rng } from './prng.js';
import { fixZipTimestamps } from './zip-timestamps.js';
import type { Cell, Row } from './world.js';

export type DemoEncoding = 'utf-8' | 'utf-8-bom' | 'gbk';

/** A row written wrong on purpose, which the import must reject and report. */
export interface ExpectedRejection {
  /** 1-based data row (the header is row 0); in a CSV it is on line `row + 1`. */
  row: number;
  column: string;
  header: string;
  value: string;
  problem: 'bad_check_digit' | 'impossible_date' | 'empty_required';
}

/** What the manifest says about one written file. */
export interface DemoFile {
  path: string;
  dataset: string;
  departmentCode: string;
  departmentName: string;
  format: 'csv' | 'xlsx';
  encoding: DemoEncoding | null;
  /** Data rows in the file, good and bad. */
  rows: number;
  columns: Array<{ key: string; header: string }>;
  expectedRejected: ExpectedRejection[];
}

export interface FileRequest {
  dataset: DatasetType;
  fileName: string;
  department: { code: string; name: string };
  format: 'csv' | 'xlsx';
  encoding: DemoEncoding;
  style: FileStyle;
  rows: readonly Row[];
  protectedRows: ReadonlySet<Row>;
  badRows: number;
}

// Headers with a unit change how bare numbers are read; the demo writes yuan, so avoid them.
const UNIT_HEADER = /万|千元|亿/;

/** Picks one header per field, keeping only words that match that field and no other. */
function chooseHeaders(dataset: DatasetType, rng: Rng): string[] {
  const owners = new Map<string, Set<string>>();
  for (const f of dataset.fields) {
    for (const word of [f.key, f.label.zh, ...f.synonyms]) {
      const key = foldForMatch(word);
      owners.set(key, (owners.get(key) ?? new Set()).add(f.key));
    }
  }
  const headers = dataset.fields.map((f) => {
    const words = f.synonyms.filter(
      (s) => !UNIT_HEADER.test(s) && owners.get(foldForMatch(s))?.size === 1 && /[\u4e00-\u9fff]/.test(s),
    );
    return rng.chance(0.4) || words.length === 0 ? f.label.zh : rng.pick(words);
  });
  // The import decides, not this guess: any header it would tie elsewhere falls back to the label.
  const match = matchHeaders(dataset, headers);
  return headers.map((h, i) => {
    const field = dataset.fields[i] as FieldDef;
    return match.columns[i]?.field === field.key ? h : field.label.zh;
  });
}

/** Makes a bad copy of a row: wrong check digit, impossible date, or empty required field. */
function spoil(
  dataset: DatasetType,
  row: Row,
  rng: Rng,
  style: FileStyle,
): { row: Row; column: string; problem: ExpectedRejection['problem']; text: string } {
  const fields = dataset.fields;
  const ids = fields.filter((f) => (f.type === 'id' || f.type === 'uscc') && f.required && row[f.key]);
  const dates = fields.filter((f) => f.type === 'date' && f.required && row[f.key]);
  const required = fields.filter((f) => f.required);
  const kind = rng.int(0, 2);
  const copy = { ...row };
  if (kind === 0 && ids.length > 0) {
    const f = rng.pick(ids);
    const bad = f.type === 'id' ? breakIdCheck(String(row[f.key])) : breakUsccCheck(String(row[f.key]));
    copy[f.key] = bad;
    return { row: copy, column: f.key, problem: 'bad_check_digit', text: bad };
  }
  if (kind <= 1 && dates.length > 0) {
    const f = rng.pick(dates);
    const text = impossibleDate(String(row[f.key]), style.date);
    copy[f.key] = `!raw:${text}`;
    return { row: copy, column: f.key, problem: 'impossible_date', text };
  }
  const f = rng.pick(required);
  copy[f.key] = null;
  return { row: copy, column: f.key, problem: 'empty_required', text: '' };
}

function csvQuote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes the file and returns its manifest entry (path relative to `outDir`). */
export async function writeDepartmentFile(outDir: string, request: FileRequest, rng: Rng): Promise<DemoFile> {
  const { dataset, style } = request;
  const headers = chooseHeaders(dataset, rng);
  const rows: Row[] = [...request.rows];
  const candidates = request.rows.filter((r) => !request.protectedRows.has(r));
  const rejected: Array<Omit<ExpectedRejection, 'row'> & { source: Row }> = [];
  for (let b = 0; b < request.badRows && candidates.length > 0; b++) {
    const bad = spoil(dataset, rng.pick(candidates), rng, style);
    const at = rng.int(0, rows.length);
    rows.splice(at, 0, bad.row);
    const index = dataset.fields.findIndex((f) => f.key === bad.column);
    rejected.push({
      column: bad.column,
      header: headers[index] ?? bad.column,
      value: bad.text,
      problem: bad.problem,
      source: bad.row,
    });
  }
  const expectedRejected = rejected
    .map(({ source, ...r }) => ({ ...r, row: rows.indexOf(source) + 1 }))
    .sort((a, b) => a.row - b.row);
  const cellText = (f: FieldDef, cell: Cell): string =>
    typeof cell === 'string' && cell.startsWith('!raw:') ? cell.slice(5) : formatCell(f, cell, style, rng);

  const path = request.fileName;
  if (request.format === 'xlsx') {
    await writeFile(join(outDir, path), await xlsxBytes(dataset, headers, rows, cellText));
  } else {
    const lines = [headers.map(csvQuote).join(',')];
    for (const row of rows) lines.push(dataset.fields.map((f) => csvQuote(cellText(f, row[f.key] ?? null))).join(','));
    const text = `${lines.join('\r\n')}\r\n`;
    const bytes =
      request.encoding === 'gbk'
        ? iconv.encode(text, 'gbk')
        : Buffer.concat([
            request.encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
            Buffer.from(text, 'utf8'),
          ]);
    await writeFile(join(outDir, path), bytes);
  }
  return {
    path,
    dataset: dataset.key,
    departmentCode: request.department.code,
    departmentName: request.department.name,
    format: request.format,
    encoding: request.format === 'xlsx' ? null : request.encoding,
    rows: rows.length,
    columns: dataset.fields.map((f, i) => ({ key: f.key, header: headers[i] ?? f.key })),
    expectedRejected,
  };
}

/**
 * An Excel workbook as departments' exports look: text identity numbers (so Excel keeps
 * all 18 digits), real date cells and numeric amounts where the value allows it.
 */
async function xlsxBytes(
  dataset: DatasetType,
  headers: string[],
  rows: Row[],
  cellText: (f: FieldDef, c: Cell) => string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Fixed metadata: the workbook must be byte-identical for a seed.
  workbook.creator = 'qingfeng-demo';
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  workbook.modified = new Date(Date.UTC(2025, 0, 1));
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(headers);
  for (const row of rows) {
    sheet.addRow(
      dataset.fields.map((f) => {
        const cell = row[f.key] ?? null;
        const raw = typeof cell === 'string' && cell.startsWith('!raw:');
        if (!raw && f.type === 'date' && cell !== null) return new Date(`${String(cell)}T00:00:00Z`);
        if (!raw && f.type === 'money' && typeof cell === 'number') return cell;
        return cellText(f, cell);
      }),
    );
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return fixZipTimestamps(buffer);
}
