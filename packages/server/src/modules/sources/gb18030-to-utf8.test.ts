import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Gb18030ToUtf8 } from './gb18030-to-utf8.js';

/** What iconv-lite's decoder (as the JavaScript reader uses it) makes of the whole file, as UTF-8. */
function reference(bytes: Buffer): Buffer {
  const decoder = iconv.getDecoder('gb18030', { stripBOM: true });
  return Buffer.from(decoder.write(bytes) + (decoder.end() ?? ''), 'utf8');
}

function transcoded(chunks: Buffer[]): Buffer {
  const transcoder = new Gb18030ToUtf8();
  return Buffer.concat([...chunks.map((c) => transcoder.push(c)), transcoder.end()]);
}

function cut(bytes: Buffer, points: number[]): Buffer[] {
  const cuts = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...cuts, bytes.length].map((end, i) => bytes.subarray(i === 0 ? 0 : cuts[i - 1], end));
}

const byte = (min: number, max: number) => fc.integer({ min, max });
const ascii = fc.tuple(byte(0x20, 0x7e));
const twoBytes = fc.tuple(byte(0x81, 0xfe), byte(0x40, 0xfe)).filter(([, t]) => t !== 0x7f);
// Four-byte sequences of the BMP range (and the BOM among them).
const fourBytes = fc.tuple(byte(0x81, 0x84), byte(0x30, 0x39), byte(0x81, 0xfe), byte(0x30, 0x39));
const valid = fc.oneof(
  { weight: 6, arbitrary: ascii },
  { weight: 6, arbitrary: twoBytes },
  { weight: 1, arbitrary: fourBytes },
  { weight: 1, arbitrary: fc.constant([0x84, 0x31, 0x95, 0x33]) },
);
const anyByte = fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: fc.tuple(byte(0, 0xff)) });

describe('Gb18030ToUtf8', () => {
  it('gives exactly what iconv-lite gives for GB18030 text, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(fc.array(valid, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 5 }), (tokens, points) => {
        const bytes = Buffer.from(tokens.flat());
        expect(transcoded(cut(bytes, points)).toString('hex')).toBe(reference(bytes).toString('hex'));
      }),
      { numRuns: 2000 },
    );
  });

  // iconv-lite's own streaming output for malformed sequences depends on where its chunks
  // end (it can drop a character after a bad four-byte run), so malformed input is compared
  // whole: from the first byte it cannot map, the transcoder hands the rest to iconv-lite.
  it('gives exactly what iconv-lite gives for any bytes in one chunk', () => {
    fc.assert(
      fc.property(fc.array(anyByte, { maxLength: 40 }), (tokens) => {
        const bytes = Buffer.from(tokens.flat());
        expect(transcoded([bytes]).toString('hex')).toBe(reference(bytes).toString('hex'));
      }),
      { numRuns: 2000 },
    );
  });

  it('maps Chinese text byte to byte', () => {
    const text = '姓名,金额\n张三,100\n';
    expect(transcoded([iconv.encode(text, 'gb18030')]).toString('utf8')).toBe(text);
  });
});
