import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { ByteCounter } from './byte-counter.js';
import { alignCells, type SourceHead, type SourceItem } from './record-source.js';
import { decoderFor, detectEncoding } from './text-decoding.js';

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Reads a CSV file as a stream: detects its encoding, decodes, parses, and yields the head
 * then one item per record. Row numbers are file lines (the header is line 1), which is
 * what a clerk sees when opening the file in Excel.
 */
export async function* readCsv(
  file: string,
  onBytes?: (total: number) => void,
): AsyncGenerator<SourceHead | SourceItem, void, undefined> {
  const encoding = await detectEncoding(file);
  const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true, bom: true });
  // pipeline destroys every stage on an error, so the parser's iteration throws it.
  const stream = pipeline(createReadStream(file), new ByteCounter(onBytes), decoderFor(encoding), parser, () => {});
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
  } finally {
    stream.destroy();
  }
}
