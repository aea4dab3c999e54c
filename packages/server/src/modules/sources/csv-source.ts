import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ByteCounter } from './byte-counter.js';
import { LineGuard } from './line-guard.js';
import { DEFAULT_READ_LIMITS, type ReadLimits, ReadLimitError } from './read-limits.js';
import { alignCells, type SourceHead, type SourceItem } from './record-source.js';
import { decoderFor, detectEncoding } from './text-decoding.js';

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Reads a CSV file as a stream: detects its encoding, decodes, parses, and yields the head
 * then one item per record. Row numbers are file lines (the header is line 1), which is
 * what a clerk sees when opening the file in Excel. A line or a record (quoted line breaks
 * included) longer than the limits stops the read with a ReadLimitError, in bounded memory.
 */
export async function* readCsv(
  file: string,
  onBytes?: (total: number) => void,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<SourceHead | SourceItem, void, undefined> {
  const encoding = await detectEncoding(file);
  const parser = parse({
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
    // In characters, which a record has no more of than bytes (UTF-8, GB18030); the line
    // guard already bounds each line, this bounds a quoted field running over many lines.
    max_record_size: limits.maxRecordBytes,
  });
  // pipeline destroys every stage on an error, so the parser's iteration throws it.
  const stream = pipeline(
    createReadStream(file),
    new ByteCounter(onBytes),
    new LineGuard(limits, encoding),
    decoderFor(encoding),
    parser,
    () => {},
  );
  let headers: string[] | undefined;
  try {
    for await (const parsed of stream as AsyncIterable<ParsedRecord>) {
      if (headers === undefined) {
        headers = parsed.record.map((h) => h.trim());
        yield { headers, encoding };
        continue;
      }
      const { values, extraCells } = alignCells(headers.length, parsed.record);
      yield { kind: 'record', rowNo: parsed.info.lines, values, extraCells };
    }
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      // The parser may fail before the header it read is taken: the line guard holds the header itself.
      throw new ReadLimitError('record', limits.maxRecordBytes, { line }, null);
    }
    throw error;
  } finally {
    stream.destroy();
  }
}
