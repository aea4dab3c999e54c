import { describe, expect, it } from 'vitest';
import { appendNeighbours, MemoryLog } from './append.js';
import { SHA256_LOG_HASH } from './log-hash.js';
import { consistencyRanges, inclusionRanges } from './ranges.js';
import { inclusionProof, perfectSubtrees, treeRoot } from './subtrees.js';

describe('proof ranges and stored subtrees', () => {
  it('split a range into perfect subtrees, largest first', () => {
    expect(perfectSubtrees({ start: 0, end: 7 })).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    expect(perfectSubtrees({ start: 8, end: 16 })).toEqual([{ level: 3, index: 1 }]);
    expect(perfectSubtrees({ start: 3, end: 3 })).toEqual([]);
    expect(() => perfectSubtrees({ start: 1, end: 3 })).toThrow(/not one of the tree/);
  });

  it('follow the RFC’s PATH and PROOF in its example tree of 7 leaves', () => {
    // RFC 6962 §2.1.3 (RFC 9162 §2.1.5): leaves a…f and j, g = [0,2), h = [2,4), i = [4,6),
    // k = [0,4), l = [4,7). The paths of d0, d3, d4, d6 are [b,h,l], [c,g,l], [f,j,k], [i,k].
    const r = (start: number, end: number) => ({ start, end });
    expect(inclusionRanges(0, 7)).toEqual([r(1, 2), r(2, 4), r(4, 7)]);
    expect(inclusionRanges(3, 7)).toEqual([r(2, 3), r(0, 2), r(4, 7)]);
    expect(inclusionRanges(4, 7)).toEqual([r(5, 6), r(6, 7), r(0, 4)]);
    expect(inclusionRanges(6, 7)).toEqual([r(4, 6), r(0, 4)]);
    // Consistency from 3 to 7 is [c, d, g, l]; from 4 to 7 is [l]; from 6 to 7 is [i, j, k].
    expect(consistencyRanges(3, 7)).toEqual([
      { start: 2, end: 3 },
      { start: 3, end: 4 },
      { start: 0, end: 2 },
      { start: 4, end: 7 },
    ]);
    expect(consistencyRanges(4, 7)).toEqual([{ start: 4, end: 7 }]);
    expect(consistencyRanges(6, 7)).toEqual([
      { start: 4, end: 6 },
      { start: 6, end: 7 },
      { start: 0, end: 4 },
    ]);
    expect(consistencyRanges(7, 7)).toEqual([]);
  });

  it('refuse what has no proof', () => {
    expect(() => inclusionRanges(3, 3)).toThrow(/below the tree size/);
    expect(() => inclusionRanges(-1, 3)).toThrow(/whole number/);
    expect(() => inclusionRanges(0.5, 3)).toThrow(/whole number/);
    expect(() => consistencyRanges(0, 3)).toThrow(/no consistency proof/);
    expect(() => consistencyRanges(4, 3)).toThrow(/no consistency proof/);
  });

  it('pair an appended leaf with the left neighbours it completes', () => {
    expect(appendNeighbours(0)).toEqual([]);
    expect(appendNeighbours(6)).toEqual([]);
    expect(appendNeighbours(7)).toEqual([
      { level: 0, index: 6 },
      { level: 1, index: 2 },
      { level: 2, index: 0 },
    ]);
  });

  it('do not answer for leaves the log does not hold yet', async () => {
    const log = new MemoryLog(SHA256_LOG_HASH);
    log.appendLeafHash(new Uint8Array(32));
    await expect(treeRoot(SHA256_LOG_HASH, log, 2)).rejects.toThrow(/no subtree/);
    await expect(inclusionProof(SHA256_LOG_HASH, log, 0, 2)).rejects.toThrow(/no subtree/);
    expect(() => log.appendLeafHash(new Uint8Array(31))).toThrow(/32 bytes/);
  });
});
