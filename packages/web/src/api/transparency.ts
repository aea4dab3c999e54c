import { decodeBase64, type LogHashName, type LogPublicKey } from '@qingfeng/core';
import { api } from './client';

interface PublishedKeys {
  origin: string;
  hash: LogHashName;
  keys: { algorithm: 'ed25519' | 'sm2'; keyName: string; keyId: string; publicKey: string }[];
}

/** The log's origin, hash and public keys, from its public keys API (no sign-in). */
export async function fetchLogKeys(): Promise<{ origin: string; hash: LogHashName; keys: LogPublicKey[] }> {
  const published = await api.get<PublishedKeys>('/api/v1/transparency/keys');
  const keys = published.keys.flatMap((key) => {
    const publicKey = decodeBase64(key.publicKey);
    return publicKey ? [{ algorithm: key.algorithm, keyName: key.keyName, publicKey }] : [];
  });
  return { origin: published.origin, hash: published.hash, keys };
}

/** The latest signed tree head's note (public). */
export async function fetchLatestCheckpointNote(): Promise<string> {
  return (await api.get<{ note: string }>('/api/v1/transparency/checkpoint')).note;
}

/** The consistency proof between two tree sizes (public: it holds interior hashes, no entry). */
export async function fetchConsistencyProof(first: number, second: number): Promise<Uint8Array[]> {
  const body = await api.get<{ proof: string[] }>('/api/v1/transparency/consistency', { first, second });
  return body.proof.map((hash) => decodeBase64(hash) ?? new Uint8Array(0));
}

/** The receipt of the log entry that recorded an audit entry (audit.read, within jurisdiction; audited). */
export function fetchAuditReceipt(auditId: number): Promise<unknown> {
  return api.get<unknown>(`/api/v1/transparency/receipts/audit/${auditId}`);
}
