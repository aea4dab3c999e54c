import { generateKeyPairSync, sign } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { MemoryLog } from './append.js';
import { decodeBase64, encodeBase64 } from './bytes.js';
import { checkpointSignedBytes, formatCheckpoint } from './checkpoint.js';
import { compareCheckpoints } from './checkpoint-compare.js';
import { encodeEntry } from './entry.js';
import { hashLeaf, logHashByName, type LogHashName } from './log-hash.js';
import { logKeyFingerprint, logKeyId, type LogPublicKey } from './note-verify.js';
import { checkReceipt } from './receipt-check.js';
import { formatReceipt, parseReceipt, type Receipt } from './receipt.js';
import { formatSignedNote } from './signed-note.js';
import { consistencyProof, inclusionProof, treeRoot } from './subtrees.js';

const ORIGIN = 'qingfeng.test/log';

// Keys made and used the way the server makes and uses them: Node's crypto for Ed25519,
// sm-crypto-v2 for SM2; the receipt check must accept what they sign.
function makeSigners() {
  const ed = generateKeyPairSync('ed25519');
  const edPublic = new Uint8Array(ed.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
  const smKeys = sm2.generateKeyPairHex();
  const keys: LogPublicKey[] = [
    { algorithm: 'ed25519', keyName: ORIGIN, publicKey: edPublic },
    { algorithm: 'sm2', keyName: ORIGIN, publicKey: hexToBytes(smKeys.publicKey) },
  ];
  const signWith = [
    (m: Uint8Array) => new Uint8Array(sign(null, m, ed.privateKey)),
    (m: Uint8Array) =>
      hexToBytes(
        sm2.doSignature(m, smKeys.privateKey, { hash: true, publicKey: smKeys.publicKey, userId: '1234567812345678' }),
      ),
  ];
  return { keys, signWith };
}

async function buildLog(hashName: LogHashName, count: number) {
  const hash = logHashByName(hashName);
  const log = new MemoryLog(hash);
  const entries = Array.from({ length: count }, (_, i) =>
    encodeEntry({ kind: 'audit', body: { id: i, action: 'user.sign_in', note: `entry ${i}` } }),
  );
  for (const entry of entries) log.appendLeafHash(hashLeaf(hash, entry));
  return { hash, log, entries };
}

async function makeReceipt(hashName: LogHashName, index: number, size: number, signers = makeSigners()) {
  const { hash, log, entries } = await buildLog(hashName, size);
  const checkpoint = { origin: ORIGIN, size, rootHash: await treeRoot(hash, log, size), extensions: [] };
  const message = checkpointSignedBytes(checkpoint);
  const note = formatSignedNote({
    text: formatCheckpoint(checkpoint),
    signatures: signers.keys.map((key, i) => ({
      keyName: key.keyName,
      keyId: logKeyId(key),
      signature: signers.signWith[i]!(message),
    })),
  });
  const receipt: Receipt = {
    origin: ORIGIN,
    hash: hashName,
    index,
    treeSize: size,
    entry: entries[index]!,
    inclusionPath: await inclusionProof(hash, log, index, size),
    checkpoint: note,
  };
  return { receipt, keys: signers.keys, log, hash, checkpoint };
}

const failedStep = (report: ReturnType<typeof checkReceipt>) => report.steps.find((s) => s.status === 'failed');

describe('receipts', () => {
  it.each(['sha256', 'sm3'] as const)(
    'pass every step for an entry of a %s log signed by Ed25519 and SM2',
    async (h) => {
      const { receipt, keys } = await makeReceipt(h, 5, 11);
      const parsed = parseReceipt(formatReceipt(receipt));
      expect('receipt' in parsed).toBe(true);
      const report = checkReceipt((parsed as { receipt: Receipt }).receipt, { origin: ORIGIN, keys });
      expect(report.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
      expect(report.isValid).toBe(true);
      expect(report.signatures.map((s) => s.outcome)).toEqual(['valid', 'valid']);
      expect(report.entry?.body).toMatchObject({ id: 5 });
    },
  );

  it('fail at inclusion when any one byte of the entry is changed', async () => {
    const { receipt, keys } = await makeReceipt('sha256', 2, 7);
    for (let i = 0; i < receipt.entry.length; i++) {
      const entry = receipt.entry.slice();
      entry[i] = (entry[i] ?? 0) ^ 0x01;
      const report = checkReceipt({ ...receipt, entry }, { origin: ORIGIN, keys });
      expect(failedStep(report)).toEqual({ step: 'inclusion', status: 'failed', failure: 'root-mismatch' });
    }
  });

  it('fail at inclusion for a changed path, index or a path of the wrong length', async () => {
    const { receipt, keys } = await makeReceipt('sm3', 3, 9);
    const path = receipt.inclusionPath.map((p) => p.slice());
    path[1]![0] = (path[1]![0] ?? 0) ^ 0x80;
    const log = { origin: ORIGIN, keys };
    expect(failedStep(checkReceipt({ ...receipt, inclusionPath: path }, log))?.failure).toBe('root-mismatch');
    expect(failedStep(checkReceipt({ ...receipt, index: 4 }, log))?.failure).toBe('root-mismatch');
    expect(failedStep(checkReceipt({ ...receipt, inclusionPath: receipt.inclusionPath.slice(1) }, log))?.failure).toBe(
      'root-mismatch',
    );
    expect(failedStep(checkReceipt({ ...receipt, index: 9 }, log))?.failure).toBe('index-outside-tree');
  });

  it('fail at the signatures with another key, a changed signature or a key that did not sign', async () => {
    const { receipt, keys } = await makeReceipt('sha256', 0, 3);
    const strangers = makeSigners().keys;
    expect(failedStep(checkReceipt(receipt, { origin: ORIGIN, keys: strangers }))?.failure).toBe('signature-missing');
    const blob = receipt.checkpoint.split('\n').at(-2)!.split(' ').at(-1)!;
    const bytes = decodeBase64(blob)!;
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    const forged = receipt.checkpoint.replace(blob, encodeBase64(bytes));
    expect(failedStep(checkReceipt({ ...receipt, checkpoint: forged }, { origin: ORIGIN, keys }))?.failure).toBe(
      'signature-invalid',
    );
    expect(failedStep(checkReceipt(receipt, { origin: ORIGIN, keys: [] }))?.failure).toBe('no-keys');
  });

  it('fail at the checkpoint for another log, another size or a broken note, and skip what follows', async () => {
    const { receipt, keys } = await makeReceipt('sha256', 1, 4);
    const report = checkReceipt(receipt, { origin: 'other.test/log', keys });
    expect(report.steps).toEqual([
      { step: 'checkpoint', status: 'failed', failure: 'origin-mismatch' },
      { step: 'signatures', status: 'skipped' },
      { step: 'inclusion', status: 'skipped' },
    ]);
    expect(failedStep(checkReceipt({ ...receipt, treeSize: 5 }, { origin: ORIGIN, keys }))?.failure).toBe(
      'size-mismatch',
    );
    expect(failedStep(checkReceipt({ ...receipt, checkpoint: 'nonsense' }, { origin: ORIGIN, keys }))?.failure).toBe(
      'note-malformed',
    );
  });

  it('refuse malformed receipt text, naming the field', () => {
    expect(parseReceipt('{')).toEqual({ error: { field: '', problem: 'not-json' } });
    expect(parseReceipt('[]')).toEqual({ error: { field: '', problem: 'wrong-type' } });
    const good = {
      format: 'qingfeng-log-receipt/v1',
      origin: ORIGIN,
      hash: 'sha256',
      index: 0,
      treeSize: 1,
      entry: 'AQ==',
      inclusionPath: [],
      checkpoint: '',
    };
    const bad = (patch: object) => parseReceipt(JSON.stringify({ ...good, ...patch }));
    expect(bad({ format: 'v2' })).toMatchObject({ error: { field: 'format' } });
    expect(bad({ hash: 'md5' })).toMatchObject({ error: { field: 'hash', problem: 'unknown-hash' } });
    expect(bad({ index: -1 })).toMatchObject({ error: { field: 'index' } });
    expect(bad({ treeSize: 1.5 })).toMatchObject({ error: { field: 'treeSize' } });
    expect(bad({ entry: 'A' })).toMatchObject({ error: { field: 'entry', problem: 'not-base64' } });
    expect(bad({ inclusionPath: [1] })).toMatchObject({ error: { field: 'inclusionPath' } });
    expect(bad({ inclusionPath: Array(65).fill('AA==') })).toMatchObject({ error: { field: 'inclusionPath' } });
    expect(parseReceipt(JSON.stringify({ ...good, checkpoint: undefined }))).toMatchObject({
      error: { field: 'checkpoint', problem: 'missing' },
    });
    expect('receipt' in bad({})).toBe(true);
  });

  it('give each key a fingerprint of its type and bytes', () => {
    const [ed] = makeSigners().keys;
    expect(logKeyFingerprint(ed!)).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(logKeyFingerprint({ ...ed!, algorithm: 'sm2' })).not.toBe(logKeyFingerprint(ed!));
  });
});

describe('comparing checkpoints', () => {
  it('find a grown log consistent, a smaller one rolled back and a different tree forked', async () => {
    const { hash, log } = await buildLog('sha256', 10);
    const head = async (size: number) => ({
      origin: ORIGIN,
      size,
      rootHash: await treeRoot(hash, log, size),
      extensions: [],
    });
    const [at6, at10] = [await head(6), await head(10)];
    expect(compareCheckpoints(hash, at6, at10, await consistencyProof(hash, log, 6, 10))).toBe('consistent');
    expect(compareCheckpoints(hash, at10, at6, [])).toBe('rollback');
    expect(compareCheckpoints(hash, at6, at6, [])).toBe('consistent');
    const other = (await buildLog('sha256', 10)).log;
    other.appendLeafHash(new Uint8Array(32));
    const forked = { ...at6, rootHash: await treeRoot(hash, other, 11), size: 11 };
    expect(compareCheckpoints(hash, at6, { ...at6, rootHash: forked.rootHash }, [])).toBe('fork');
    expect(compareCheckpoints(hash, at6, forked, await consistencyProof(hash, log, 6, 10))).toBe('fork');
  });
});
