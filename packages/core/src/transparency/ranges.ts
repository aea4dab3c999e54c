/**
 * RFC 9162 §2.1 defines proofs recursively over sublists D[start:end] of the leaves. This file
 * follows those definitions literally but answers with the ranges, not their hashes: what a
 * proof is made of is pure arithmetic, and where the hashes come from (a database of stored
 * subtree hashes, or leaves in memory) is the caller's business.
 */

/** The leaves [start, end) of a tree; its hash is MTH(D[start:end]). */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** The largest power of two strictly smaller than n (n ≥ 2): the RFC's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Throws unless n is a whole number in 0 … 2^53 − 1 (sizes and indices are plain numbers). */
export function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}

/**
 * RFC 9162 §2.1.3.1: the audit path PATH(m, D[n]) of leaf m in a tree of n leaves, as the
 * ranges whose hashes form it, nearest the leaf first.
 */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  assertCount(index, 'leaf index');
  assertCount(size, 'tree size');
  if (index >= size) throw new RangeError(`leaf index ${index} is not below the tree size ${size}`);
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = size;
  let m = index;
  // Walk from the root down to the leaf; the RFC appends each sibling after the deeper path,
  // so the siblings are collected top-down and reversed at the end.
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
      m -= k;
    }
  }
  return ranges.reverse();
}

/**
 * RFC 9162 §2.1.4.1: the consistency proof PROOF(m, D[n]) = SUBPROOF(m, D[n], true) between
 * the first m and all n leaves, as ranges in proof order. Empty when m = n; defined for
 * 0 < m ≤ n (the proof from an empty tree proves nothing and is refused).
 */
export function consistencyRanges(first: number, second: number): LeafRange[] {
  assertCount(first, 'first tree size');
  assertCount(second, 'second tree size');
  if (first === 0 || first > second) throw new RangeError(`no consistency proof from size ${first} to ${second}`);
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = second;
  let m = first;
  let isWholeOldTree = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
      m -= k;
      isWholeOldTree = false;
    }
  }
  // SUBPROOF(m, D[m], b): nothing when the subtree is the whole old tree (the verifier has
  // its root already), else its hash.
  if (!isWholeOldTree) ranges.push({ start, end });
  return ranges.reverse();
}
