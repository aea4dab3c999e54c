import { emptyRoot, hashChildren, type LogHash } from './log-hash.js';
import { assertCount, consistencyRanges, inclusionRanges, type LeafRange } from './ranges.js';

/**
 * A perfect subtree: the 2^level leaves from index·2^level on. Its hash never changes once its
 * last leaf is in the log, which is why a log stores these and nothing else: level 0 are the
 * leaf hashes, and any range a proof needs is at most ⌈log2 n⌉ of them.
 */
export interface SubtreeId {
  readonly level: number;
  readonly index: number;
}

/**
 * Where stored subtree hashes come from. Asked once per proof with every id it needs, so a
 * database answers with one query; the answer is in the order asked.
 */
export interface SubtreeReader {
  readSubtrees(ids: readonly SubtreeId[]): Promise<readonly Uint8Array[]>;
}

/**
 * The perfect subtrees that make up a range, left to right. Every range of RFC 9162's
 * recursion starts at a multiple of a power of two at least its length, so its pieces are the
 * binary digits of its length, largest first.
 */
export function perfectSubtrees(range: LeafRange): SubtreeId[] {
  const ids: SubtreeId[] = [];
  let start = range.start;
  let remaining = range.end - range.start;
  let width = 1;
  let level = 0;
  while (width * 2 <= remaining) {
    width *= 2;
    level++;
  }
  for (; remaining > 0; width /= 2, level--) {
    if (remaining < width) continue;
    if (start % width !== 0) throw new RangeError(`range ${range.start}…${range.end} is not one of the tree's`);
    ids.push({ level, index: start / width });
    start += width;
    remaining -= width;
  }
  return ids;
}

/**
 * MTH of a range from its perfect pieces: RFC 9162 splits a range at its largest power of two,
 * so the hash folds from the right, HASH(0x01 || piece || hash of the rest).
 */
export function foldSubtrees(hash: LogHash, pieces: readonly Uint8Array[]): Uint8Array {
  let acc = pieces[pieces.length - 1];
  if (acc === undefined) return emptyRoot(hash);
  for (let i = pieces.length - 2; i >= 0; i--) acc = hashChildren(hash, pieces[i] as Uint8Array, acc);
  return acc;
}

/** The hashes of the ranges, each folded from stored subtrees fetched in one read. */
export async function hashRanges(
  hash: LogHash,
  reader: SubtreeReader,
  ranges: readonly LeafRange[],
): Promise<Uint8Array[]> {
  const pieces = ranges.map(perfectSubtrees);
  const ids = pieces.flat();
  const hashes = await reader.readSubtrees(ids);
  if (hashes.length !== ids.length) throw new Error(`asked for ${ids.length} subtree hashes, got ${hashes.length}`);
  let next = 0;
  return pieces.map((group) =>
    foldSubtrees(
      hash,
      group.map(() => hashes[next++] as Uint8Array),
    ),
  );
}

/** The tree hash MTH(D[size]) of the first `size` leaves (the empty tree's for 0). */
export async function treeRoot(hash: LogHash, reader: SubtreeReader, size: number): Promise<Uint8Array> {
  assertCount(size, 'tree size');
  const [root] = await hashRanges(hash, reader, [{ start: 0, end: size }]);
  return root as Uint8Array;
}

/** RFC 9162 §2.1.3.1: the inclusion proof of leaf `index` in the tree of `size` leaves. */
export async function inclusionProof(
  hash: LogHash,
  reader: SubtreeReader,
  index: number,
  size: number,
): Promise<Uint8Array[]> {
  return hashRanges(hash, reader, inclusionRanges(index, size));
}

/** RFC 9162 §2.1.4.1: the consistency proof from the tree of `first` leaves to that of `second`. */
export async function consistencyProof(
  hash: LogHash,
  reader: SubtreeReader,
  first: number,
  second: number,
): Promise<Uint8Array[]> {
  return hashRanges(hash, reader, consistencyRanges(first, second));
}
