import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineNumberer } from './line-numbers.js';

/** The numbered text computed the plain way: every line that is not empty (or a lone CR) gets "<n>,". */
function expectedNumbering(text: string): string {
  return text
    .split('\n')
    .map((line, i) => (line === '' || line === '\r' ? line : `${i + 1},${line}`))
    .join('\n');
}

function numbered(chunks: Buffer[]): string {
  const numberer = new LineNumberer();
  return Buffer.concat(chunks.map((c) => numberer.push(c))).toString('utf8');
}

describe('LineNumberer', () => {
  it('numbers every non-empty line by its place in the file, wherever the chunks are cut', () => {
    const line = fc.stringMatching(/^[a-z0-9,张" ]{0,6}\r?$/);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 6 }), (lines, points) => {
        const bytes = Buffer.from(lines.join('\n'), 'utf8');
        const cuts = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [...cuts, bytes.length].map((end, i) => bytes.subarray(i === 0 ? 0 : cuts[i - 1], end));
        expect(numbered(chunks)).toBe(expectedNumbering(bytes.toString('utf8')));
      }),
    );
  });

  it('keeps blank lines, CRLF endings and a last line without a newline as they were', () => {
    const text = 'h1,h2\r\n\r\na,b\r\n\nc,d';
    expect(numbered([Buffer.from(text)])).toBe('1,h1,h2\r\n\r\n3,a,b\r\n\n5,c,d');
  });

  it('counts past the first chunks into many digits', () => {
    const numberer = new LineNumberer();
    let last = '';
    for (let i = 0; i < 12_345; i++) last = numberer.push(Buffer.from('x\n')).toString();
    expect(last).toBe('12345,x\n');
  });
});
