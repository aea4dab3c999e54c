import { equalBytes } from './bytes.js';
import { hashChildren, type LogHash } from './log-hash.js';

/**
 * The checks of RFC 9162 §2.1.3.2 and §2.1.4.2, step by step, on plain numbers: sizes are
 * whole numbers below 2^53, so halving is division, not a 32-bit shift.
 */

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;
const half = (n: number) => Math.floor(n / 2);
const isOdd = (n: number) => n % 2 === 1;

function hasHashSize(hash: LogHash, values: readonly Uint8Array[]): boolean {
  return values.every((value) => value.length === hash.size);
}

/**
 * RFC 9162 §2.1.3.2: true when `proof` shows the leaf with hash `leafHash` at `index` in the
 * tree of `size` leaves whose root is `root`.
 */
export function verifyInclusion(
  hash: LogHash,
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isCount(index) || !isCount(size) || index >= size) return false;
  if (!hasHashSize(hash, [leafHash, root, ...proof])) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(hash, p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = hashChildren(hash, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(r, root);
}

/**
 * RFC 9162 §2.1.4.2: true when `proof` shows that the tree of `first` leaves with root
 * `firstRoot` is the start of the tree of `second` leaves with root `secondRoot`. Equal sizes
 * need an empty proof and equal roots; a proof from the empty tree is refused, as it proves
 * nothing.
 */
export function verifyConsistency(
  hash: LogHash,
  first: number,
  second: number,
  proof: readonly Uint8Array[],
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
): boolean {
  if (!isCount(first) || !isCount(second) || first === 0 || first > second) return false;
  if (first === second) return proof.length === 0 && equalBytes(firstRoot, secondRoot);
  if (proof.length === 0) return false;
  if (!hasHashSize(hash, [firstRoot, secondRoot, ...proof])) return false;
  // Step 2: when the old tree is a perfect subtree, its root is the proof's missing first node.
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(hash, c, fr);
      sr = hashChildren(hash, c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(hash, sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}
