/**
 * A CSV file's records with a first column holding `watermark` (its header `水印 watermark`, bilingual as the report's own),
 * read a chunk at a time. Records may hold line breaks inside quotes, so a record starts
 * after a line feed outside quotes; a doubled quote inside quotes flips the state twice and
 * so leaves it as it was. A leading byte-order mark stays first.
 */
export async function* watermarkCsv(
  chunks: AsyncIterable<string> | Iterable<string>,
  watermark: string,
): AsyncGenerator<string> {
  const cell = `"${watermark.replaceAll('"', '""')}",`;
  let inQuotes = false;
  let atRecordStart = true;
  let first = true;
  for await (const chunk of chunks) {
    let out = '';
    for (const char of chunk) {
      if (first && char === '\uFEFF') {
        out += char;
        continue;
      }
      if (atRecordStart) {
        out += first ? '水印 watermark,' : cell;
        atRecordStart = false;
        first = false;
      }
      out += char;
      if (char === '"') inQuotes = !inQuotes;
      else if (char === '\n' && !inQuotes) atRecordStart = true;
    }
    yield out;
  }
}
