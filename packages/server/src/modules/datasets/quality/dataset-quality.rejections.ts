import { createReadStream, existsSync } from 'node:fs';
import { parse } from 'csv-parse';
import { isKeptOutcome, rejectedReportPath } from '../import/rejected-report.js';

/**
 * Rows of a batch rejected because of each field, read from its rejected-rows report (the
 * only place rejections are recorded: row, column, field, raw value, reason). The report
 * has one line per bad cell, so a row counts once per field it failed; lines about the
 * whole row (too many cells, unreadable record) count under ''. Streams the file, keeping
 * only the counts, so a report of any size reads in flat memory.
 */
export async function countRejectionsByField(dataDir: string, batchId: number): Promise<Record<string, number>> {
  const file = rejectedReportPath(dataDir, batchId);
  const counts: Record<string, number> = {};
  if (!existsSync(file)) return counts;
  // Columns as REPORT_HEADER writes them: row, column, field, value, reason (zh), reason (en), outcome.
  const parser = createReadStream(file).pipe(parse({ bom: true, from_line: 2, relax_column_count: true }));
  for await (const record of parser as AsyncIterable<string[]>) {
    // A cell kept without a value refused no row (the batch counts those itself).
    if (isKeptOutcome(record[6])) continue;
    const field = record[2] ?? '';
    counts[field] = (counts[field] ?? 0) + 1;
  }
  return counts;
}
