import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryLog } from './append.js';
import { emptyRoot, hashChildren, hashLeaf, SHA256_LOG_HASH, SM3_LOG_HASH, type LogHash } from './log-hash.js';
import { splitPoint } from './ranges.js';
import { consistencyProof, inclusionProof, treeRoot } from './subtrees.js';
import { verifyConsistency, verifyInclusion } from './verify.js';

/** MTH straight from RFC 9162 §2.1.1, recursing over every leaf: slow, and a second opinion. */
function referenceRoot(hash: LogHash, leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return emptyRoot(hash);
  if (leaves.length === 1) return hashLeaf(hash, leaves[0] as Uint8Array);
  const k = splitPoint(leaves.length);
  return hashChildren(hash, referenceRoot(hash, leaves.slice(0, k)), referenceRoot(hash, leaves.slice(k)));
}

function logOf(hash: LogHash, leaves: readonly Uint8Array[]): MemoryLog {
  const log = new MemoryLog(hash);
  for (const leaf of leaves) log.appendLeafHash(hashLeaf(hash, leaf));
  return log;
}

/** A copy of `bytes` with one bit of one byte flipped. */
function flip(bytes: Uint8Array, at: number, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[at % copy.length] = (copy[at % copy.length] as number) ^ (1 << bit);
  return copy;
}

const leavesArb = fc.array(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength: 300 });
const tamper = fc.record({ which: fc.nat(), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) });

describe.each([SHA256_LOG_HASH, SM3_LOG_HASH])('proofs over $name', (H) => {
  it('stored subtrees give the same root as the RFC’s recursion, for every size', async () => {
    await fc.assert(
      fc.asyncProperty(leavesArb, async (leaves) => {
        const log = logOf(H, leaves);
        for (const size of [0, 1, Math.ceil(leaves.length / 3), leaves.length]) {
          expect(await treeRoot(H, log, size)).toEqual(referenceRoot(H, leaves.slice(0, size)));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('every inclusion proof verifies, and any flipped bit in it, the leaf or the root fails', async () => {
    await fc.assert(
      fc.asyncProperty(leavesArb, fc.nat(), fc.nat(), tamper, async (leaves, a, b, t) => {
        const log = logOf(H, leaves);
        const size = 1 + (a % leaves.length);
        const index = b % size;
        const proof = await inclusionProof(H, log, index, size);
        const root = await treeRoot(H, log, size);
        const leaf = hashLeaf(H, leaves[index] as Uint8Array);
        expect(verifyInclusion(H, index, size, leaf, proof, root)).toBe(true);

        const parts = [leaf, root, ...proof];
        const target = t.which % parts.length;
        const bent = parts.map((part, i) => (i === target ? flip(part, t.at, t.bit) : part));
        const [bentLeaf, bentRoot, ...bentProof] = bent as [Uint8Array, Uint8Array, ...Uint8Array[]];
        expect(verifyInclusion(H, index, size, bentLeaf, bentProof, bentRoot)).toBe(false);
        if (proof.length > 0) expect(verifyInclusion(H, index, size, leaf, proof.slice(1), root)).toBe(false);
        expect(verifyInclusion(H, index, size, leaf, [...proof, root], root)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('every consistency proof between m ≤ n verifies, and any flipped bit fails', async () => {
    await fc.assert(
      fc.asyncProperty(leavesArb, fc.nat(), fc.nat(), tamper, async (leaves, a, b, t) => {
        const log = logOf(H, leaves);
        const second = 1 + (a % leaves.length);
        const first = 1 + (b % second);
        const proof = await consistencyProof(H, log, first, second);
        const [firstRoot, secondRoot] = [await treeRoot(H, log, first), await treeRoot(H, log, second)];
        expect(verifyConsistency(H, first, second, proof, firstRoot, secondRoot)).toBe(true);

        if (first === second) {
          // Equal sizes: the proof is empty and both roots are one value; bending either fails.
          expect(verifyConsistency(H, first, second, proof, flip(firstRoot, t.at, t.bit), secondRoot)).toBe(false);
          return;
        }
        const parts = [firstRoot, secondRoot, ...proof];
        const target = t.which % parts.length;
        const bent = parts.map((part, i) => (i === target ? flip(part, t.at, t.bit) : part));
        const [bentFirst, bentSecond, ...bentProof] = bent as [Uint8Array, Uint8Array, ...Uint8Array[]];
        expect(verifyConsistency(H, first, second, bentProof, bentFirst, bentSecond)).toBe(false);
        expect(verifyConsistency(H, first, second, proof.slice(1), firstRoot, secondRoot)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
