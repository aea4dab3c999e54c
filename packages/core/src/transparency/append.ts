import { hashChildren, type LogHash } from './log-hash.js';
import { assertCount } from './ranges.js';
import type { SubtreeId, SubtreeReader } from './subtrees.js';

/** A perfect subtree and its hash, as a log stores it. */
export interface StoredSubtree extends SubtreeId {
  readonly hash: Uint8Array;
}

/**
 * The left neighbours that appending leaf `index` pairs with: one per perfect subtree the new
 * leaf completes, lowest first (none for an even index).
 */
export function appendNeighbours(index: number): SubtreeId[] {
  assertCount(index, 'leaf index');
  const ids: SubtreeId[] = [];
  for (let level = 0, i = index; i % 2 === 1; level++, i = (i - 1) / 2) ids.push({ level, index: i - 1 });
  return ids;
}

/**
 * Every perfect subtree that exists once leaf `index` (hash `leafHash`) is appended and did not
 * before: the leaf itself, then each subtree it completes. `neighbours` are the hashes of
 * `appendNeighbours(index)`, in that order. A log stores these rows and never rewrites them.
 */
export function appendedSubtrees(
  hash: LogHash,
  index: number,
  leafHash: Uint8Array,
  neighbours: readonly Uint8Array[],
): StoredSubtree[] {
  if (leafHash.length !== hash.size) throw new TypeError(`a ${hash.name} leaf hash has ${hash.size} bytes`);
  const ids = appendNeighbours(index);
  if (neighbours.length !== ids.length)
    throw new Error(`leaf ${index} needs ${ids.length} neighbours, got ${neighbours.length}`);
  const out: StoredSubtree[] = [{ level: 0, index, hash: leafHash }];
  let acc = leafHash;
  ids.forEach((id, i) => {
    acc = hashChildren(hash, neighbours[i] as Uint8Array, acc);
    out.push({ level: id.level + 1, index: id.index / 2, hash: acc });
  });
  return out;
}

/**
 * A whole log in memory, for tests and tools. The server keeps the same rows (appendedSubtrees)
 * in its database and reads them through its own SubtreeReader.
 */
export class MemoryLog implements SubtreeReader {
  private readonly levels: Uint8Array[][] = [];

  constructor(private readonly hash: LogHash) {}

  get size(): number {
    return this.levels[0]?.length ?? 0;
  }

  /** Appends a leaf by its hash (hashLeaf of the entry's bytes) and returns its index. */
  appendLeafHash(leafHash: Uint8Array): number {
    const index = this.size;
    const neighbours = appendNeighbours(index).map((id) => this.subtree(id));
    for (const subtree of appendedSubtrees(this.hash, index, leafHash, neighbours)) {
      (this.levels[subtree.level] ??= []).push(subtree.hash);
    }
    return index;
  }

  readSubtrees(ids: readonly SubtreeId[]): Promise<readonly Uint8Array[]> {
    return Promise.resolve(ids.map((id) => this.subtree(id)));
  }

  private subtree(id: SubtreeId): Uint8Array {
    const found = this.levels[id.level]?.[id.index];
    if (!found) throw new RangeError(`no subtree at level ${id.level}, index ${id.index}`);
    return found;
  }
}
