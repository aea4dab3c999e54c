import {
  checkpointSignedBytes,
  decodeEntry,
  equalBytes,
  hashLeaf,
  logHashByName,
  MemoryLog,
  parseCheckpoint,
  parseSignedNote,
  treeRoot,
} from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { LogSigner } from './log-keys.js';
import { TransparencyRepository } from './transparency.repository.js';

/** Where the stored log first departs from what its entries say it must be. */
export interface Divergence {
  /** The entry index, when the divergence is an entry's (or the subtree over it). */
  readonly index?: number;
  /** The tree head's size, when the divergence is a tree head's. */
  readonly treeSize?: number;
  readonly what: string;
}

export interface VerifyReport {
  readonly entries: number;
  readonly treeHeads: number;
  /** null when everything agrees. */
  readonly divergence: Divergence | null;
}

const PAGE = 10_000;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * Recomputes the whole log from its stored entries: each leaf hash from the canonical bytes,
 * every perfect subtree from the leaves, the root at each stored tree head's size; checks each
 * tree head's checkpoint against that root and its signature by every key of `signers`.
 * Stops at the first divergence, so the report names the earliest place the store was changed.
 */
export async function verifyLog(db: Kysely<DB>, signers: readonly LogSigner[]): Promise<VerifyReport> {
  const repository = new TransparencyRepository(db);
  const state = await repository.findState();
  const heads = await repository.findTreeHeads();
  const report = (entries: number, divergence: Divergence | null): VerifyReport => ({
    entries,
    treeHeads: heads.length,
    divergence,
  });
  if (!state) {
    const first = await repository.findEntries(0, 1);
    if (first.length > 0 || heads.length > 0)
      return report(0, { what: 'entries or tree heads exist without the log record' });
    return report(0, null);
  }
  const hash = logHashByName(state.hash_name);
  const memory = new MemoryLog(hash);

  // 1. Entries: contiguous from 0, canonical, their leaf hashes those of their bytes.
  for (let from = 0; ;) {
    const page = await repository.findEntries(from, PAGE);
    for (const entry of page) {
      const index = memory.size;
      if (Number(entry.idx) !== index)
        return report(index, { index, what: `entry ${index} is missing (the next stored is ${Number(entry.idx)})` });
      const decoded = decodeEntry(entry.entry);
      if (!decoded) return report(index, { index, what: `entry ${index}: its bytes are not a canonical entry` });
      if (decoded.kind !== entry.kind)
        return report(index, { index, what: `entry ${index}: its bytes say ${decoded.kind}, its row ${entry.kind}` });
      const leaf = hashLeaf(hash, entry.entry);
      if (!equalBytes(leaf, entry.leaf_hash)) {
        return report(index, {
          index,
          what: `entry ${index}: stored leaf hash ${hex(entry.leaf_hash)}, its bytes hash to ${hex(leaf)}`,
        });
      }
      memory.appendLeafHash(leaf);
    }
    if (page.length < PAGE) break;
    from += PAGE;
  }
  const size = memory.size;
  if (size !== Number(state.size)) {
    return report(size, { index: size, what: `the log records ${Number(state.size)} entries, ${size} are stored` });
  }

  // 2. Stored perfect subtrees (what proofs are built from) equal those recomputed from the leaves.
  const subtreeDivergence = await checkSubtrees(db, memory);
  if (subtreeDivergence) return report(size, subtreeDivergence);

  // 3. Tree heads: well formed, the root of the log at their size, signed by every key.
  for (const head of heads) {
    const treeSize = Number(head.size);
    const signed = parseSignedNote(head.note);
    const checkpoint = signed && parseCheckpoint(signed.text, hash.size);
    if (!signed || !checkpoint)
      return report(size, { treeSize, what: `tree head ${treeSize}: its note is not a signed checkpoint` });
    if (
      checkpoint.size !== treeSize ||
      !equalBytes(checkpoint.rootHash, head.root_hash) ||
      checkpoint.origin !== state.origin
    ) {
      return report(size, { treeSize, what: `tree head ${treeSize}: its row and its signed checkpoint differ` });
    }
    if (treeSize > size)
      return report(size, { treeSize, what: `tree head ${treeSize}: the log holds only ${size} entries` });
    const root = await treeRoot(hash, memory, treeSize);
    if (!equalBytes(root, checkpoint.rootHash)) {
      return report(size, {
        treeSize,
        what: `tree head ${treeSize}: signed root ${hex(checkpoint.rootHash)}, the entries give ${hex(root)}`,
      });
    }
    const message = checkpointSignedBytes(checkpoint);
    for (const signer of signers) {
      const signature = signed.signatures.find(
        (s) => s.keyName === signer.keyName && equalBytes(s.keyId, signer.keyId),
      );
      if (!signature || !signer.verify(message, signature.signature)) {
        return report(size, {
          treeSize,
          what: `tree head ${treeSize}: no valid ${signer.algorithm} signature by key ${hex(signer.keyId)}`,
        });
      }
    }
  }
  return report(size, null);
}

/** Every stored subtree row equals the recomputed one, and none is missing. */
async function checkSubtrees(db: Kysely<DB>, memory: MemoryLog): Promise<Divergence | null> {
  let count = 0;
  for (let level = 0; 2 ** level <= memory.size; level++) {
    const expected = Math.floor(memory.size / 2 ** level);
    const rows = await db
      .selectFrom('transparency_subtrees')
      .select(['idx', 'hash'])
      .where('level', '=', level)
      .orderBy('idx')
      .execute();
    for (const [i, row] of rows.entries()) {
      const index = Number(row.idx);
      if (index !== i || index >= expected) {
        return { index: i * 2 ** level, what: `subtree at level ${level}, index ${i} is missing or out of place` };
      }
      const [recomputed] = await memory.readSubtrees([{ level, index }]);
      if (!equalBytes(new Uint8Array(row.hash), recomputed as Uint8Array)) {
        return { index: index * 2 ** level, what: `subtree at level ${level}, index ${index} differs from its leaves` };
      }
    }
    if (rows.length !== expected)
      return {
        index: rows.length * 2 ** level,
        what: `level ${level} holds ${rows.length} subtrees, ${expected} expected`,
      };
    count += rows.length;
  }
  return count === 0 && memory.size > 0 ? { index: 0, what: 'no subtrees stored' } : null;
}
