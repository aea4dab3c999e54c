import { DEFAULT_READ_LIMITS, type ReadLimits, ReadLimitError } from './read-limits.js';
import { XmlLimitCheck } from './xml-limits.js';

/** A worksheet as the workbook lists it (the shape exceljs's reader keeps in `model.sheets`). */
export interface WorkbookSheet {
  readonly id: number;
  readonly name: string;
  readonly state: string | undefined;
  readonly rId: string;
}

/** A workbook relationship (the shape exceljs's reader keeps in `workbookRels`). */
export interface WorkbookRel {
  readonly Id: string;
  readonly Type: string;
  readonly Target: string;
}

export interface WorkbookDirectory {
  readonly sheets: WorkbookSheet[];
  readonly rels: WorkbookRel[];
  /** The shared strings in order (rich text as its plain text); undefined when there are none or too many to hold. */
  readonly sharedStrings: string[] | undefined;
}

// Larger shared-string parts are left to exceljs's own streaming parse.
const MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024;
// The workbook's sheet list and relationships are read whole: a few kilobytes in any real file.
const MAX_DIRECTORY_PART_BYTES = 16 * 1024 * 1024;
// The parts a record can hide in: read through XmlLimitCheck before exceljs reads them.
const RECORD_PARTS = /^xl\/(sharedStrings\.xml|worksheets\/[^/]+\.xml)$/;

/** A zip entry as unzipper's directory gives it (the part of its type used here). */
interface ZipEntry {
  readonly path: string;
  stream(): NodeJS.ReadableStream;
}

/**
 * Inflates a part while XmlLimitCheck watches it, and returns its bytes when they fit in
 * `keepUpTo` (undefined past it). Sizes are counted, not taken from the zip's directory,
 * which can claim anything. Throws ReadLimitError at the first overrun, or when a part
 * that must be kept (`mustKeep`) is larger than `keepUpTo`.
 */
async function readCheckedPart(
  entry: ZipEntry,
  limits: ReadLimits,
  keepUpTo: number,
  mustKeep = false,
): Promise<Buffer | undefined> {
  const check = new XmlLimitCheck(limits);
  const stream = entry.stream();
  let kept: Buffer[] | undefined = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const overrun = check.push(chunk);
      size += chunk.length;
      if (overrun !== null) {
        throw new ReadLimitError('record', limits.maxRecordBytes, { sheetPart: entry.path }, null);
      }
      if (size > keepUpTo) {
        if (mustKeep) throw new ReadLimitError('header', keepUpTo, { sheetPart: entry.path }, null);
        kept = undefined;
      }
      kept?.push(chunk);
    }
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
  return kept === undefined ? undefined : Buffer.concat(kept);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlDecode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** The attributes of every element named `local` (any namespace prefix), as name → decoded value. */
function elements(xml: string, local: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const tag of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}\\s([^>]*?)/?>`, 'g'))) {
    const attributes: Record<string, string> = {};
    for (const [, name, value] of (tag[1] ?? '').matchAll(/([\w.:-]+)\s*=\s*"([^"]*)"/g)) {
      attributes[name as string] = xmlDecode(value as string);
    }
    out.push(attributes);
  }
  return out;
}

/**
 * The workbook's sheet list and relationships, read through the zip's central directory
 * (two small entries, whatever their place in the file). exceljs's streaming reader learns
 * them only when it meets those entries, and reads a worksheet met before `xl/workbook.xml`
 * straight away when the shared strings came first, failing on the sheet list it does not
 * have yet ("Cannot read properties of undefined (reading 'sheets')"); its own files put
 * the workbook last, and a stream that ends early loses it. The shared strings likewise:
 * under load the reader was seen to parse a worksheet without them (headers read as
 * `{"sharedString":0}`), so they are handed over too. Undefined when the file has no
 * workbook part (not an XLSX file: the reader then says so).
 */
export async function readWorkbookDirectory(
  file: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<WorkbookDirectory | undefined> {
  // Loaded on the first XLSX, like exceljs in xlsx-source.ts: unzipper brings ~40 modules.
  const { default: unzipper } = await import('unzipper');
  let directory;
  try {
    directory = await unzipper.Open.file(file);
  } catch (error) {
    throw new Error(`不是有效的 XLSX 文件 / not a valid XLSX (zip) file: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const part = (path: string) => directory.files.find((f) => f.path === path);
  const workbook = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  // Every part that can hold a record is checked before exceljs reads any: an endless cell
  // must be refused before it is gathered into one string.
  for (const entry of directory.files) {
    if (RECORD_PARTS.test(entry.path) && entry.path !== 'xl/sharedStrings.xml') await readCheckedPart(entry, limits, 0);
  }
  if (workbook === undefined || rels === undefined) return undefined;
  const workbookXml = await readCheckedPart(workbook, limits, MAX_DIRECTORY_PART_BYTES, true);
  const relsXml = await readCheckedPart(rels, limits, MAX_DIRECTORY_PART_BYTES, true);
  const sheets = elements(String(workbookXml), 'sheet').map((a) => {
    // The relationship id is the `id` attribute of the relationships namespace, whatever its prefix.
    const rId = Object.entries(a).find(([name]) => name.endsWith(':id'))?.[1] ?? '';
    return { id: parseInt(a.sheetId ?? '0', 10), name: a.name ?? '', state: a.state, rId };
  });
  const relations = elements(String(relsXml), 'Relationship').map((a) => ({
    Id: a.Id ?? '',
    Type: a.Type ?? '',
    Target: (a.Target ?? '').replace(/^\/?xl\//, ''),
  }));
  const strings = part('xl/sharedStrings.xml');
  const stringsXml = strings && (await readCheckedPart(strings, limits, MAX_SHARED_STRINGS_BYTES));
  const sharedStrings = stringsXml && parseSharedStrings(stringsXml.toString('utf8'));
  return { sheets, rels: relations, sharedStrings };
}

/** Each `<si>`'s text: its `<t>` runs joined, phonetic guides (`<rPh>`) left out, as Excel shows it. */
function parseSharedStrings(xml: string): string[] {
  const items: string[] = [];
  for (const [, body = ''] of xml.matchAll(/<(?:\w+:)?si(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g)) {
    const visible = body.replace(/<(?:\w+:)?rPh[\s>][\s\S]*?<\/(?:\w+:)?rPh>/g, '');
    const runs = [...visible.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)].map(([, t = '']) =>
      xmlDecode(t),
    );
    items.push(runs.join(''));
  }
  return items;
}
