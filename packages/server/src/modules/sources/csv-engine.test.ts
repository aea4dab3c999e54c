import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineCsv, prepareEngineCsv } from './csv-engine.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qf-engine-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
async function prepare(bytes: Buffer, parts: number, encoding = 'utf-8'): Promise<EngineCsv | null> {
  files += 1;
  const file = path.join(dir, `in-${files}.csv`);
  await writeFile(file, bytes);
  return prepareEngineCsv(file, encoding, 1, path.join(dir, `copy-${files}.numbered.csv.tmp`), { parts });
}

/** The copy read back as the engine sees it: each numbered line with its part's offset added. */
async function readBack(copy: EngineCsv): Promise<string[]> {
  const lines: string[] = [];
  for (const part of copy.parts) {
    const text = await readFile(part.file, 'utf8');
    for (const line of text.split('\n')) {
      const comma = line.indexOf(',');
      if (comma === -1) continue; // a blank line, or the end of the text
      lines.push(`${Number(line.slice(0, comma)) + part.lineOffset}:${line.slice(comma + 1)}`);
    }
  }
  return lines;
}

/** What the copy must hold, computed the plain way: every non-blank line with its number in the file. */
function expectedLines(text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line !== '' && line !== '\r')
    .map(({ line, n }) => `${n}:${line}`);
}

const cell = fc
  .stringMatching(/^[a-z0-9 张"]{0,5}$/)
  .map((c) => (c.includes('"') ? `"${c.replaceAll('"', '""')}"` : c));
const record = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));

describe('prepareEngineCsv in parts', () => {
  it('numbers every line by its place in the whole file, whatever the number of parts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 2, max: 4 }),
        async (records, parts) => {
          const text = `${records.join('\n')}\n`;
          const whole = await prepare(Buffer.from(text), 1);
          const cut = await prepare(Buffer.from(text), parts);
          try {
            // Empty records are blank lines: before a record they make the file irregular, in parts or not.
            if (whole === null) {
              expect(cut).toBeNull();
            } else {
              expect(cut?.columnCount).toBe(whole.columnCount);
              expect(await readBack(cut as EngineCsv)).toEqual(expectedLines(text));
            }
          } finally {
            await whole?.cleanup();
            await cut?.cleanup();
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('finds a file irregular when a part ends in a blank line and a later part has a record', async () => {
    const head = 'a,b\n'.repeat(50);
    const text = `${head}\n\n${'c,d\n'.repeat(50)}`;
    expect(await prepare(Buffer.from(text), 1)).toBeNull();
    expect(await prepare(Buffer.from(text), 2)).toBeNull();
    const trailing = await prepare(Buffer.from(`${head}${'c,d\n'.repeat(50)}\n\n`), 3);
    expect(trailing?.columnCount).toBe(2);
    await trailing?.cleanup();
  });

  it('finds a line break inside quotes irregular wherever the parts are cut', async () => {
    const text = `${'a,b\n'.repeat(40)}"x\ny",z\n${'a,b\n'.repeat(40)}`;
    for (const parts of [1, 2, 3]) expect(await prepare(Buffer.from(text), parts)).toBeNull();
  });

  it('decodes GBK part by part as the whole file decodes', async () => {
    const text = Array.from({ length: 200 }, (_v, i) => `张${i},特困人员供养,${i}\n`).join('');
    const copy = await prepare(iconv.encode(text, 'gbk'), 3, 'gb18030');
    expect(copy?.parts.length).toBe(3);
    expect(await readBack(copy as EngineCsv)).toEqual(expectedLines(text));
    await copy?.cleanup();
    expect(await readdir(dir)).not.toContain(path.basename(copy?.parts[1]?.file ?? ''));
  });

  it('deletes every part when the file is refused', async () => {
    const before = await readdir(dir);
    const bad = Buffer.concat([
      Buffer.from('a,b\n'.repeat(100)),
      Buffer.from([0xff, 0x0a]),
      Buffer.from('a,b\n'.repeat(100)),
    ]);
    expect(await prepare(bad, 3)).toBeNull();
    const after = (await readdir(dir)).filter((n) => !before.includes(n) && n.includes('copy-'));
    expect(after).toEqual([]);
  });
});
