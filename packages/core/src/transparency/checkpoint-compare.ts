import { equalBytes } from './bytes.js';
import type { Checkpoint } from './checkpoint.js';
import type { LogHash } from './log-hash.js';
import { verifyConsistency } from './verify.js';

/**
 * How a later checkpoint of a log stands to an earlier one (the witness's and the verifier
 * page's question): it extends it ('consistent'), it is smaller ('rollback'), or it has a tree
 * that does not start with the earlier one ('fork': same size with another root, or a
 * consistency proof that does not check).
 */
export type CheckpointRelation = 'consistent' | 'rollback' | 'fork';

/** Which consistency proof the relation needs: none when the sizes are equal or shrink. */
export function needsConsistencyProof(earlier: Checkpoint, later: Checkpoint): boolean {
  return later.size > earlier.size && earlier.size > 0;
}

/**
 * Compares two checkpoints of one log; `proof` is the consistency proof from the earlier size
 * to the later one (ignored where none is needed). An empty earlier tree is a prefix of any.
 */
export function compareCheckpoints(
  hash: LogHash,
  earlier: Checkpoint,
  later: Checkpoint,
  proof: readonly Uint8Array[],
): CheckpointRelation {
  if (later.size < earlier.size) return 'rollback';
  if (later.size === earlier.size) return equalBytes(later.rootHash, earlier.rootHash) ? 'consistent' : 'fork';
  if (earlier.size === 0) return 'consistent';
  const isConsistent = verifyConsistency(hash, earlier.size, later.size, proof, earlier.rootHash, later.rootHash);
  return isConsistent ? 'consistent' : 'fork';
}
