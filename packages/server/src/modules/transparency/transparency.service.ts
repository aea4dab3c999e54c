import { consistencyProof, encodeBase64, inclusionProof, logHashByName, ED25519_SIGNATURE_TYPE } from '@qingfeng/core';
import { NotFoundError, ValidationError } from '../../http/errors.js';
import type { TransparencyServices } from './transparency-log.js';
import { type LogState, type StoredEntry, TransparencyRepository } from './transparency.repository.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The log's record; a log with no entry yet has no tree, entry or proof to give. */
async function requireState(repository: TransparencyRepository, what: string): Promise<LogState> {
  const state = await repository.findState();
  if (!state) throw new NotFoundError(what, 'log_empty');
  return state;
}

/** The latest signed tree head (a running server signs one as it starts). */
export async function findLatestCheckpoint(services: TransparencyServices) {
  const repository = new TransparencyRepository(services.database.db);
  const state = await requireState(repository, 'Signed tree head');
  const head = await repository.findLatestTreeHead();
  if (!head) throw new NotFoundError('Signed tree head', 'no_tree_head');
  return {
    note: head.note,
    size: Number(head.size),
    rootHash: encodeBase64(head.root_hash),
    signedAt: new Date(head.signed_at).toISOString(),
    hash: state.hash_name,
  };
}

/** The public keys that sign tree heads, with what a verifier needs to recognise them. */
export async function listLogKeys(services: TransparencyServices) {
  const state = await new TransparencyRepository(services.database.db).findState();
  const origin = state?.origin ?? services.config.logOrigin;
  return {
    origin,
    hash: state?.hash_name ?? services.transparency.configuredHash,
    keys: services.transparency.signers(origin).map((signer) => ({
      algorithm: signer.algorithm,
      keyName: signer.keyName,
      keyId: hex(signer.keyId),
      publicKey: encodeBase64(signer.publicKey),
      // golang.org/x/mod/sumdb/note's verifier key: name+hex(key ID)+base64(type || public key).
      verifierKey:
        signer.algorithm === 'ed25519'
          ? `${signer.keyName}+${hex(signer.keyId)}+${encodeBase64(Buffer.concat([ED25519_SIGNATURE_TYPE, signer.publicKey]))}`
          : null,
    })),
  };
}

/**
 * An entry the reader may see: internal entries belong to the jurisdiction of what they record
 * (an audit row's organisation, a batch's division); those of the whole country (null) only to
 * readers of the whole country. Anything else is answered as missing.
 */
async function findVisibleEntry(
  services: TransparencyServices,
  index: number,
  jurisdictionPrefix: string,
): Promise<StoredEntry> {
  const entry = await new TransparencyRepository(services.database.db).findEntry(index);
  const isVisible =
    entry !== undefined &&
    (jurisdictionPrefix === '' || (entry.division_code !== null && entry.division_code.startsWith(jurisdictionPrefix)));
  if (!isVisible) throw new NotFoundError('Transparency log entry');
  return entry;
}

export async function findLogEntry(services: TransparencyServices, index: number, jurisdictionPrefix: string) {
  const entry = await findVisibleEntry(services, index, jurisdictionPrefix);
  return {
    index: Number(entry.idx),
    kind: entry.kind,
    entry: encodeBase64(entry.entry),
    leafHash: encodeBase64(entry.leaf_hash),
    loggedAt: new Date(entry.logged_at).toISOString(),
  };
}

/** A size a proof may be asked for: within the log as sequenced. */
function checkSize(state: LogState, size: number, field: string): void {
  if (size > Number(state.size))
    throw new ValidationError(`The log holds ${Number(state.size)} entries; there is no tree of ${size}`, field);
}

export async function proveInclusion(
  services: TransparencyServices,
  index: number,
  requestedSize: number | undefined,
  jurisdictionPrefix: string,
) {
  const repository = new TransparencyRepository(services.database.db);
  const state = await requireState(repository, 'Transparency log entry');
  const entry = await findVisibleEntry(services, index, jurisdictionPrefix);
  const size = requestedSize ?? Number((await repository.findLatestTreeHead())?.size ?? state.size);
  checkSize(state, size, 'size');
  if (index >= size) throw new ValidationError(`Entry ${index} is not in the tree of ${size} entries`, 'size');
  const proof = await inclusionProof(logHashByName(state.hash_name), repository, index, size);
  return { index, size, leafHash: encodeBase64(entry.leaf_hash), proof: proof.map(encodeBase64) };
}

export async function proveConsistency(
  services: TransparencyServices,
  first: number,
  requestedSecond: number | undefined,
) {
  const repository = new TransparencyRepository(services.database.db);
  const state = await requireState(repository, 'Transparency log tree');
  const second = requestedSecond ?? Number((await repository.findLatestTreeHead())?.size ?? state.size);
  checkSize(state, second, 'second');
  if (first === 0 || first > second)
    throw new ValidationError(
      `No consistency proof from ${first} entries to ${second}: the first size is 1 to the second`,
      'first',
    );
  const proof = await consistencyProof(logHashByName(state.hash_name), repository, first, second);
  return { first, second, proof: proof.map(encodeBase64) };
}
