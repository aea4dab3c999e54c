import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { LocalisedText } from '@qingfeng/core';
import { excerpt } from '../../sources/index.js';

// A rejected value (and a reason, which may quote it) is kept up to this many characters: a
// cell may be up to a record's limit (1 MiB), and a report of such cells would be as large
// as the file it refuses.
const MAX_VALUE_CHARS = 500;

/**
 * The columns of every rejected-rows report, in both languages for the clerk. The last says
 * what became of the row: refused, or kept with this cell empty (an optional field's value
 * that could not be read).
 */
export const REPORT_HEADER = [
  '行号 row',
  '列 column',
  '字段 field',
  '原始值 value',
  '原因 reason',
  'reason (en)',
  '处理 outcome',
];

/** The outcome column's words, one per outcome; readers tell them apart by the English. */
export const OUTCOME_WORDS = {
  rejected: '整行拒收 row rejected',
  kept: '保留该行，此值置空 kept without value',
} as const;

/** Whether a report line's outcome column says the row was kept (older reports have none: rejected). */
export function isKeptOutcome(cell: string | undefined): boolean {
  return cell?.endsWith('kept without value') === true;
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of the report: a rejected row and what was wrong with one of its cells. */
export interface ReportLine {
  rowNo: number;
  column: string;
  field: string;
  raw: string;
  reason: LocalisedText;
  /** The row was loaded with this cell empty (an optional field), rather than refused. */
  kept?: boolean;
}

/** The report's file for a batch under the data folder. */
export function rejectedReportPath(dataDir: string, batchId: number): string {
  return path.join(dataDir, 'reports', `batch-${batchId}-rejected.csv`);
}

/**
 * Streams a batch's rejected-rows report (with the cells kept without a value) to disk as CSV (UTF-8 with BOM so Excel reads the
 * Chinese), each value quoted up to 500 characters. The file is created on the first line, so a clean batch leaves no file; each
 * write waits for the disk when its buffer is full, keeping memory flat.
 */
export class RejectedReportWriter {
  private stream: WriteStream | undefined;
  private lines = 0;

  constructor(readonly file: string) {}

  /** Number of report lines written so far. */
  get lineCount(): number {
    return this.lines;
  }

  async write(line: ReportLine): Promise<void> {
    const stream = this.stream ?? (await this.open());
    const cells = [line.column, line.field, line.raw, line.reason.zh, line.reason.en].map((text) =>
      csvCell(excerpt(text, MAX_VALUE_CHARS)),
    );
    cells.push(csvCell(line.kept === true ? OUTCOME_WORDS.kept : OUTCOME_WORDS.rejected));
    const text = `${[line.rowNo, ...cells].join(',')}\r\n`;
    this.lines += 1;
    if (!stream.write(text)) await once(stream, 'drain');
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    if (this.stream === undefined) return;
    const stream = this.stream;
    this.stream = undefined;
    stream.end();
    await once(stream, 'finish');
  }

  private async open(): Promise<WriteStream> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const stream = createWriteStream(this.file);
    stream.write(`\uFEFF${REPORT_HEADER.map(csvCell).join(',')}\r\n`);
    this.stream = stream;
    return stream;
  }
}
