import type { Config } from '../../config/config.js';
import { AppError } from '../../http/errors.js';

/** How long a record and a header may be when a file is read for import. */
export interface ReadLimits {
  /** Longest line (CSV, JSON Lines), record (CSV with quoted line breaks), JSON element or XLSX cell, in bytes. */
  readonly maxRecordBytes: number;
  /** Longest header line (CSV), or all header names together (JSON, XLSX), in bytes. */
  readonly maxHeaderBytes: number;
}

/** The defaults of QF_IMPORT_MAX_RECORD_BYTES and QF_IMPORT_MAX_HEADER_BYTES (config.ts says why). */
export const DEFAULT_READ_LIMITS: ReadLimits = { maxRecordBytes: 1 << 20, maxHeaderBytes: 64 << 10 };

/** The limits the configuration sets (QF_IMPORT_MAX_RECORD_BYTES, QF_IMPORT_MAX_HEADER_BYTES). */
export function readLimitsOf(config: Pick<Config, 'importMaxRecordBytes' | 'importMaxHeaderBytes'>): ReadLimits {
  return { maxRecordBytes: config.importMaxRecordBytes, maxHeaderBytes: config.importMaxHeaderBytes };
}

// What a refusal or a report quotes of the file: enough to find the line, never the line.
const EXCERPT_CHARS = 200;

/**
 * The start of `text` as a refusal or report may quote it: at most 200 characters (or
 * `maxChars`), then an ellipsis, so an answer never echoes a file back.
 */
export function excerpt(text: string, maxChars = EXCERPT_CHARS): string {
  if (text.length <= maxChars) return text;
  // Not cut inside a surrogate pair: half a character would make the quote invalid text.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
  return `${text.slice(0, end)}…`;
}

/** Where a limit was broken, for the message: a file line, or a JSON array element. */
export type LimitPlace = { readonly line: number } | { readonly element: number } | { readonly sheetPart: string };

function placeText(place: LimitPlace): { zh: string; en: string } {
  if ('line' in place) return { zh: `第 ${place.line} 行`, en: `line ${place.line}` };
  if ('element' in place) return { zh: `第 ${place.element} 条记录`, en: `record ${place.element}` };
  return { zh: `工作簿部件 ${place.sheetPart}`, en: `workbook part ${place.sheetPart}` };
}

function sizeText(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

/**
 * A file refused because a record or its header is longer than the configured limit: a
 * 400 on the upload's `file` field, quoting at most the start of the offending text. The
 * file is refused as a whole (nothing of it is imported).
 */
export class ReadLimitError extends AppError {
  constructor(
    kind: 'record' | 'header',
    limit: number,
    readonly place: LimitPlace,
    start: string | null,
  ) {
    const where = placeText(place);
    const quoteZh = start === null ? '' : `，开头是「${excerpt(start)}」`;
    const quoteEn = start === null ? '' : `; it starts "${excerpt(start)}"`;
    const zh =
      kind === 'header'
        ? `表头（${where.zh}）超过 ${sizeText(limit)} 的长度上限${quoteZh}`
        : `${where.zh}超过单条记录 ${sizeText(limit)} 的长度上限（是否缺少换行或引号未闭合？）${quoteZh}`;
    const en =
      kind === 'header'
        ? `the header (${where.en}) is longer than the ${sizeText(limit)} limit${quoteEn}`
        : `${where.en} is longer than the ${sizeText(limit)} limit for one record (a missing line feed or closing quote?)${quoteEn}`;
    super(400, kind === 'header' ? 'header_too_long' : 'record_too_long', `${zh} / ${en}`, 'file');
  }
}
