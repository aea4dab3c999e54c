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
export async function readWorkbookDirectory(file: string): Promise<WorkbookDirectory | undefined> {
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
  if (workbook === undefined || rels === undefined) return undefined;
  const sheets = elements((await workbook.buffer()).toString('utf8'), 'sheet').map((a) => {
    // The relationship id is the `id` attribute of the relationships namespace, whatever its prefix.
    const rId = Object.entries(a).find(([name]) => name.endsWith(':id'))?.[1] ?? '';
    return { id: parseInt(a.sheetId ?? '0', 10), name: a.name ?? '', state: a.state, rId };
  });
  const relations = elements((await rels.buffer()).toString('utf8'), 'Relationship').map((a) => ({
    Id: a.Id ?? '',
    Type: a.Type ?? '',
    Target: (a.Target ?? '').replace(/^\/?xl\//, ''),
  }));
  const strings = part('xl/sharedStrings.xml');
  const sharedStrings =
    strings !== undefined && strings.uncompressedSize <= MAX_SHARED_STRINGS_BYTES
      ? parseSharedStrings((await strings.buffer()).toString('utf8'))
      : undefined;
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
