import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvShape } from './csv-shape.js';
import { numberChunk } from './engine-copy-part.js';
import { LineNumberer } from './line-numbers.js';

/**
 * What the shape of unquoted CSV text must be, computed the plain way. The most cells on a
 * line only matter for a regular file (an irregular one goes to the JavaScript reader), so
 * it is compared for regular files only.
 */
function expectedShape(text: string): { regular: boolean; maxCells: number | null } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let blankSeen = false;
  let regular = true;
  let maxCells = 0;
  for (const line of lines) {
    if (line === '') {
      blankSeen = true;
      continue;
    }
    if (blankSeen) regular = false;
    maxCells = Math.max(maxCells, line.split(',').length);
  }
  return { regular, maxCells: regular ? maxCells : null };
}

/** The shape of `chunks` as an import checks it, numbering them in the same pass (numberChunk). */
function shapeOf(chunks: Buffer[]): { regular: boolean; maxCells: number | null } {
  const shape = new CsvShape();
  const numberer = new LineNumberer();
  const alone = new LineNumberer();
  for (const chunk of chunks) {
    // Checking the shape changes nothing in the numbering.
    expect(numberChunk(chunk, shape, numberer).equals(alone.push(chunk))).toBe(true);
  }
  shape.end();
  return { regular: shape.regular, maxCells: shape.regular ? shape.maxCells : null };
}

/** Splits `bytes` at the given cut points. */
function cut(bytes: Buffer, points: number[]): Buffer[] {
  const sorted = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of sorted) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

const cell = fc.stringMatching(/^[a-z0-9 张]{0,4}$/);
const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));

describe('CsvShape', () => {
  it('reads unquoted text the same whatever the chunking (the fast path)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 6 }), (lines, points) => {
        const text = lines.map((l) => `${l}\n`).join('');
        expect(shapeOf(cut(Buffer.from(text), points))).toEqual(expectedShape(text));
      }),
    );
  });

  it('agrees between the fast path and the quote-aware path on the same lines', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (lines, points) => {
          const text = lines.map((l) => `${l}\n`).join('');
          // A quoted cell on the first line sends the first chunk down the quote-aware path.
          const quoted = `"q",${text}`;
          const expected = expectedShape(text.replace(/^/, 'q,'));
          expect(shapeOf(cut(Buffer.from(quoted), points))).toEqual(expected);
        },
      ),
    );
  });

  it('finds a line break inside quotes and a blank line before a record irregular', () => {
    expect(shapeOf([Buffer.from('a,b\n"x\ny",z\n')]).regular).toBe(false);
    expect(shapeOf([Buffer.from('a,b\n\nc,d\n')]).regular).toBe(false);
    // The record after the blank line begins in a quoted chunk and ends in a plain one.
    expect(shapeOf([Buffer.from('"q",a\n\n,'), Buffer.from('\n')]).regular).toBe(false);
    expect(shapeOf([Buffer.from('a,b\nc,d\n\n')])).toEqual({ regular: true, maxCells: 2 });
    expect(shapeOf([Buffer.from('a,b\r\nc,d,e\r\n')])).toEqual({ regular: true, maxCells: 3 });
  });
});
