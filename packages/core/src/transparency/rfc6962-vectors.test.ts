import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { MemoryLog } from './append.js';
import { decodeBase64 } from './bytes.js';
import { hashLeaf, SHA256_LOG_HASH } from './log-hash.js';
import { consistencyProof, inclusionProof, treeRoot } from './subtrees.js';
import { readRfc6962Probes } from './testing/probes.js';
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAF_INPUTS, NODE_HASHES, ROOTS } from './testing/rfc6962-vectors.js';
import { verifyConsistency, verifyInclusion } from './verify.js';

const H = SHA256_LOG_HASH;
const hexes = (values: readonly Uint8Array[]) => values.map((value) => bytesToHex(value));
const b64 = (text: string) => {
  const bytes = decodeBase64(text);
  if (!bytes) throw new Error(`fixture holds bad base64: ${text}`);
  return bytes;
};

function logOf(count: number): MemoryLog {
  const log = new MemoryLog(H);
  for (const input of LEAF_INPUTS.slice(0, count)) log.appendLeafHash(hashLeaf(H, hexToBytes(input)));
  return log;
}

describe('RFC 6962 vectors of transparency-dev/merkle', () => {
  it('gives the published root for every size from 0 to 8', async () => {
    const log = logOf(8);
    for (let size = 0; size <= 8; size++) expect(bytesToHex(await treeRoot(H, log, size))).toBe(ROOTS[size]);
  });

  it('stores exactly the published perfect-subtree hashes', async () => {
    const log = logOf(8);
    for (const [level, hashes] of NODE_HASHES.entries()) {
      const ids = hashes.map((_, index) => ({ level, index }));
      expect(hexes(await log.readSubtrees(ids))).toEqual(hashes);
    }
  });

  it('builds the published inclusion proofs, and they verify', async () => {
    const log = logOf(8);
    for (const vector of INCLUSION_PROOFS) {
      expect(hexes(await inclusionProof(H, log, vector.index, vector.size))).toEqual(vector.proof);
      const leaf = hashLeaf(H, hexToBytes(LEAF_INPUTS[vector.index] as string));
      const root = hexToBytes(ROOTS[vector.size] as string);
      expect(verifyInclusion(H, vector.index, vector.size, leaf, vector.proof.map(hexToBytes), root)).toBe(true);
    }
  });

  it('builds the published consistency proofs, and they verify', async () => {
    const log = logOf(8);
    for (const vector of CONSISTENCY_PROOFS) {
      expect(hexes(await consistencyProof(H, log, vector.first, vector.second))).toEqual(vector.proof);
      const [firstRoot, secondRoot] = [ROOTS[vector.first], ROOTS[vector.second]].map((r) => hexToBytes(r as string));
      const proof = vector.proof.map(hexToBytes);
      expect(verifyConsistency(H, vector.first, vector.second, proof, firstRoot!, secondRoot!)).toBe(true);
    }
  });

  const probes = readRfc6962Probes();

  it.each(probes.inclusion.map((p) => [p.file, p] as const))('inclusion probe %s', (_, probe) => {
    const proof = (probe.proof ?? []).map(b64);
    const ok = verifyInclusion(H, probe.leafIdx, probe.treeSize, b64(probe.leafHash), proof, b64(probe.root));
    expect(ok).toBe(!probe.wantErr);
  });

  it.each(probes.consistency.map((p) => [p.file, p] as const))('consistency probe %s', (_, probe) => {
    const proof = (probe.proof ?? []).map(b64);
    const ok = verifyConsistency(H, probe.size1, probe.size2, proof, b64(probe.root1), b64(probe.root2));
    expect(ok).toBe(!probe.wantErr);
  });
});
