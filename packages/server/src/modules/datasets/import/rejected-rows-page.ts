import { createReadStream, existsSync } from 'node:fs';
import { parse } from 'csv-parse';
import { isKeptOutcome, rejectedReportPath } from './rejected-report.js';
import type { RejectedRow } from './records-import.js';

/**
 * One page of a batch's rejected-rows report (the CSV the import wrote, read from line
 * `offset`, at most `limit` lines), and whether lines follow it. Streams the file and stops
 * at the page's end, so a report of any size is read in flat memory; a batch without a
 * report (nothing refused) has no lines.
 */
export async function readRejectedPage(
  dataDir: string,
  batchId: number,
  offset: number,
  limit: number,
): Promise<{ lines: RejectedRow[]; hasMore: boolean }> {
  const file = rejectedReportPath(dataDir, batchId);
  if (!existsSync(file)) return { lines: [], hasMore: false };
  const lines: RejectedRow[] = [];
  // Columns as REPORT_HEADER writes them: row, column, field, value, reason (zh), reason (en), outcome.
  const parser = createReadStream(file).pipe(parse({ bom: true, from_line: 2, relax_column_count: true }));
  let skipped = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      // Records, not file lines, are skipped: a quoted value may hold a line break.
      if (skipped < offset) {
        skipped += 1;
        continue;
      }
      if (lines.length === limit) return { lines, hasMore: true };
      const [rowNo = '0', column = '', field = '', value = '', zh = '', en = '', outcome] = record;
      lines.push({ row: Number(rowNo), column, field, value, reason: { zh, en }, kept: isKeptOutcome(outcome) });
    }
  } finally {
    parser.destroy();
  }
  return { lines, hasMore: false };
}
