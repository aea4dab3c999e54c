import type { LocalisedText, RawValue } from '@qingfeng/core';
import type { ImportFormat } from '../../db/schema.js';

/** One record of a file, its cells aligned with the source's headers. */
export interface SourceRecord {
  readonly kind: 'record';
  /** Where a clerk finds it: the spreadsheet or file line (header = 1), or the JSON element number. */
  readonly rowNo: number;
  readonly values: readonly RawValue[];
  /** Non-empty cells beyond the header's width, which no column can take. */
  readonly extraCells: number;
}

/** A record the reader could not parse at all (a bad JSON line); it goes to the report. */
export interface SourceProblem {
  readonly kind: 'problem';
  readonly rowNo: number;
  readonly raw: string;
  readonly reason: LocalisedText;
}

export type SourceItem = SourceRecord | SourceProblem;

/** A file opened for import: its header row and a one-pass stream of its records. */
export interface RecordSource {
  readonly format: ImportFormat;
  /** The text encoding detected (CSV and JSON only). */
  readonly encoding: string | null;
  readonly headers: readonly string[];
  readonly items: AsyncIterable<SourceItem>;
  /** Stops reading and releases the file; safe to call twice. */
  close(): Promise<void>;
}

/** What a reader generator yields first, before its items. */
export interface SourceHead {
  readonly headers: readonly string[];
  readonly encoding: string | null;
}

/**
 * Turns a generator that yields the head first and then items into a RecordSource,
 * reading only as far as the head. The items stream is the rest of the same generator,
 * so the file is read once, front to back.
 */
export async function sourceFromGenerator(
  format: ImportFormat,
  generator: AsyncGenerator<SourceHead | SourceItem, void, undefined>,
): Promise<RecordSource> {
  const first = await generator.next();
  if (first.done === true || 'kind' in first.value) {
    await generator.return(undefined);
    return emptySource(format);
  }
  const head = first.value;
  let consumed = false;
  return {
    format,
    encoding: head.encoding,
    headers: head.headers,
    items: {
      [Symbol.asyncIterator]() {
        if (consumed) throw new Error('A record source can be read only once');
        consumed = true;
        return (async function* () {
          for (let next = await generator.next(); next.done !== true; next = await generator.next()) {
            const item = next.value;
            if ('kind' in item) yield item;
          }
        })();
      },
    },
    async close() {
      await generator.return(undefined);
    },
  };
}

function emptySource(format: ImportFormat): RecordSource {
  return {
    format,
    encoding: null,
    headers: [],
    items: (async function* () {})(),
    close: () => Promise.resolve(),
  };
}

/** Aligns a row of cells with the header: missing cells are blank, extra non-empty cells counted. */
export function alignCells(
  headerCount: number,
  cells: readonly RawValue[],
): { values: RawValue[]; extraCells: number } {
  const values = cells.length === headerCount ? [...cells] : cells.slice(0, headerCount);
  while (values.length < headerCount) values.push(null);
  let extraCells = 0;
  for (let i = headerCount; i < cells.length; i++) {
    const cell = cells[i];
    if (cell !== null && cell !== undefined && String(cell).trim() !== '') extraCells += 1;
  }
  return { values, extraCells };
}
