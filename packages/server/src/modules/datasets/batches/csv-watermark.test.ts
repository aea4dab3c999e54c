import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { watermarkCsv } from './csv-watermark.js';

async function collect(chunks: string[], watermark: string): Promise<string> {
  let out = '';
  for await (const part of watermarkCsv(chunks, watermark)) out += part;
  return out;
}

describe('a watermark column on every record of a CSV', () => {
  it('leads the header and every record, records with quoted line breaks and quotes included', async () => {
    const file = '\uFEFFrow,value\r\n3,"a ""b""\r\nc"\r\n4,plain\r\n';
    // Cut at every place, so a chunk boundary inside a quote or a line break changes nothing.
    for (let cut = 0; cut <= file.length; cut++) {
      const out = await collect([file.slice(0, cut), file.slice(cut)], '内部资料 · zhang "z" · 2026');
      expect(out.startsWith('\uFEFF水印 watermark,row,value\r\n')).toBe(true);
      expect(parse(out, { bom: true, columns: true })).toEqual([
        { '水印 watermark': '内部资料 · zhang "z" · 2026', row: '3', value: 'a "b"\r\nc' },
        { '水印 watermark': '内部资料 · zhang "z" · 2026', row: '4', value: 'plain' },
      ]);
    }
  });
});
