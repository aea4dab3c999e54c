import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { sm3 } from './sm3.js';

/** The hash functions a deployment may choose for its log; both give 32 bytes. */
export const LOG_HASH_NAMES = ['sha256', 'sm3'] as const;
export type LogHashName = (typeof LOG_HASH_NAMES)[number];

/**
 * One hash function of the log. Everything the log hashes (leaves, nodes, the empty tree)
 * goes through `digest`, so a deployment's choice changes every hash and nothing else.
 */
export interface LogHash {
  readonly name: LogHashName;
  /** Bytes of every digest: 32 for both SHA-256 and SM3. */
  readonly size: number;
  digest(data: Uint8Array): Uint8Array;
}

/** SHA-256 (FIPS 180-4) from @noble/hashes: the hash of RFC 6962, byte for byte. */
export const SHA256_LOG_HASH: LogHash = {
  name: 'sha256',
  size: 32,
  digest: (data) => sha256(data),
};

/** SM3 (GB/T 32905-2016) from ./sm3.ts, which runs in the browser as well as in Node. */
export const SM3_LOG_HASH: LogHash = {
  name: 'sm3',
  size: 32,
  digest: (data) => sm3(data),
};

/** The hash function a deployment names in its configuration. */
export function logHashByName(name: LogHashName): LogHash {
  switch (name) {
    case 'sha256':
      return SHA256_LOG_HASH;
    case 'sm3':
      return SM3_LOG_HASH;
  }
}

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** RFC 9162 §2.1.1: a leaf's hash is HASH(0x00 || data), so no leaf can pass for a node. */
export function hashLeaf(hash: LogHash, data: Uint8Array): Uint8Array {
  return hash.digest(concatBytes(LEAF_PREFIX, data));
}

/** RFC 9162 §2.1.1: an interior node's hash is HASH(0x01 || left || right). */
export function hashChildren(hash: LogHash, left: Uint8Array, right: Uint8Array): Uint8Array {
  return hash.digest(concatBytes(NODE_PREFIX, left, right));
}

/** RFC 9162 §2.1.1: the root of the empty tree is the hash of the empty string. */
export function emptyRoot(hash: LogHash): Uint8Array {
  return hash.digest(new Uint8Array(0));
}
