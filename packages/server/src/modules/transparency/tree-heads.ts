import {
  checkpointSignedBytes,
  formatCheckpoint,
  formatSignedNote,
  logHashByName,
  timeExtension,
  treeRoot,
} from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { LogSigner } from './log-keys.js';
import { type StoredTreeHead, TransparencyRepository } from './transparency.repository.js';

/**
 * Signs a tree head of the log as sequenced now: a C2SP checkpoint (origin, size, root, time)
 * signed by every key (Ed25519, and SM2 with GM algorithms), stored whole. Unless `force`, a
 * log that has not grown since the last head gets no new one. Returns the latest head, or
 * undefined while the log has no entry.
 */
export async function signTreeHead(
  db: Kysely<DB>,
  signers: readonly LogSigner[],
  at: Date,
  force = false,
): Promise<StoredTreeHead | undefined> {
  const repository = new TransparencyRepository(db);
  const state = await repository.findState();
  if (!state) return undefined;
  const latest = await repository.findLatestTreeHead();
  const size = Number(state.size);
  if (latest && Number(latest.size) === size && !force) return latest;
  // Subtrees below the recorded size never change, so the root needs no lock against appends.
  const rootHash = await treeRoot(logHashByName(state.hash_name), repository, size);
  const checkpoint = { origin: state.origin, size, rootHash, extensions: [timeExtension(at)] };
  const message = checkpointSignedBytes(checkpoint);
  const note = formatSignedNote({
    text: formatCheckpoint(checkpoint),
    signatures: signers.map((signer) => ({
      keyName: signer.keyName,
      keyId: signer.keyId,
      signature: signer.sign(message),
    })),
  });
  // The checkpoint's time has whole seconds; the row keeps the same instant.
  const signedAt = new Date(Math.floor(at.getTime() / 1000) * 1000);
  await repository.insertTreeHead({ size, root_hash: rootHash, signed_at: signedAt, note });
  return await repository.findLatestTreeHead();
}
