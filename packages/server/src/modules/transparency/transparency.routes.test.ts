import { createPublicKey, verify } from 'node:crypto';
import {
  checkpointSignedBytes,
  checkReceipt,
  decodeBase64,
  decodeEntry,
  hashLeaf,
  parseCheckpoint,
  parseReceipt,
  parseSignedNote,
  SM3_LOG_HASH,
  verifyConsistency,
  verifyInclusion,
} from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, systemActor } from '../audit/index.js';
import { buildActor, buildJurisdictions, type TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { verifySm2 } from './log-keys.js';

const b64 = (text: string) => decodeBase64(text) as Uint8Array;

describe.each(testEngines())('transparency API on %s', (engine) => {
  let platform: TestPlatform;
  let auditorA: TestActor;
  let auditorB: TestActor;
  let cityAuditor: TestActor;
  let handlerA: TestActor;
  let entryOfA: number;

  const get = (url: string, actor?: TestActor) =>
    platform.app.inject({ method: 'GET', url, ...(actor ? { headers: actor.session.headers } : {}) });

  beforeAll(async () => {
    // A GM deployment: SM3 leaves and nodes, Ed25519 and SM2 signatures.
    platform = await createTestPlatform(engine, { config: { gmAlgorithms: true, logOrigin: 'test.example/log' } });
    const services = platform.services;
    const j = await buildJurisdictions(services);
    auditorA = await buildActor(services, 'auditor', j.countyA);
    auditorB = await buildActor(services, 'auditor', j.countyB);
    cityAuditor = await buildActor(services, 'auditor', j.city);
    handlerA = await buildActor(services, 'supervision', j.countyA);
    await recordAudit(
      services.database.db,
      { ...systemActor('api-test'), orgId: j.countyA.id },
      { action: 'test.of_a' },
    );
    // Nothing sequenced yet: no tree head to give, which is a 404, not an error.
    expect((await get('/api/v1/transparency/checkpoint')).statusCode).toBe(404);
    expect((await get('/api/v1/transparency/consistency?first=1', cityAuditor)).statusCode).toBe(404);
    await services.transparency.signNow();
    const audit = await services.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'test.of_a')
      .executeTakeFirstOrThrow();
    const entry = await services.database.db
      .selectFrom('transparency_entries')
      .select('idx')
      .where('kind', '=', 'audit')
      .where('source_id', '=', String(audit.id))
      .executeTakeFirstOrThrow();
    entryOfA = Number(entry.idx);
  });
  afterAll(async () => platform?.close());

  it('publishes the latest checkpoint and the keys to anyone, signed by Ed25519 and SM2', async () => {
    const checkpoint = await get('/api/v1/transparency/checkpoint');
    expect(checkpoint.statusCode).toBe(200);
    const keys = await get('/api/v1/transparency/keys');
    expect(keys.statusCode).toBe(200);
    const { note, size, hash } = checkpoint.json<{ note: string; size: number; hash: string }>();
    expect(hash).toBe('sm3');
    const signed = parseSignedNote(note)!;
    const parsed = parseCheckpoint(signed.text)!;
    expect(parsed).toMatchObject({ origin: 'test.example/log', size });
    const message = checkpointSignedBytes(parsed);
    const published = keys.json<{ keys: { algorithm: string; keyId: string; publicKey: string }[] }>().keys;
    expect(published.map((k) => k.algorithm)).toEqual(['ed25519', 'sm2']);
    for (const key of published) {
      const signature = signed.signatures.find((s) => Buffer.from(s.keyId).toString('hex') === key.keyId)!;
      expect(signature).toBeDefined();
      const publicKey = b64(key.publicKey);
      const isValid =
        key.algorithm === 'ed25519'
          ? verify(
              null,
              message,
              createPublicKey({
                key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
                format: 'jwk',
              }),
              signature.signature,
            )
          : verifySm2(Buffer.from(publicKey).toString('hex'), message, signature.signature);
      expect(isValid).toBe(true);
    }
  });

  it('proves an entry of county A to its auditors and the city, and hides it from county B', async () => {
    const checkpoint = (await get('/api/v1/transparency/checkpoint')).json<{ size: number; rootHash: string }>();
    for (const actor of [auditorA, cityAuditor]) {
      const entry = await get(`/api/v1/transparency/entries/${entryOfA}`, actor);
      expect(entry.statusCode).toBe(200);
      const bytes = b64(entry.json<{ entry: string }>().entry);
      expect(decodeEntry(bytes)?.body).toMatchObject({ action: 'test.of_a' });
      const proof = await get(`/api/v1/transparency/entries/${entryOfA}/inclusion`, actor);
      expect(proof.statusCode).toBe(200);
      const body = proof.json<{ size: number; proof: string[] }>();
      expect(body.size).toBe(checkpoint.size);
      expect(
        verifyInclusion(
          SM3_LOG_HASH,
          entryOfA,
          body.size,
          hashLeaf(SM3_LOG_HASH, bytes),
          body.proof.map(b64),
          b64(checkpoint.rootHash),
        ),
      ).toBe(true);
    }
    expect((await get(`/api/v1/transparency/entries/${entryOfA}`, auditorB)).statusCode).toBe(404);
    expect((await get(`/api/v1/transparency/entries/${entryOfA}/inclusion`, auditorB)).statusCode).toBe(404);
    expect((await get(`/api/v1/transparency/entries/${entryOfA}`, handlerA)).statusCode).toBe(403);
    expect((await get(`/api/v1/transparency/entries/${entryOfA}`)).statusCode).toBe(401);
  });

  it('gives county A an audited receipt of its entry that the browser-side check accepts, and county B none', async () => {
    const keys = (await get('/api/v1/transparency/keys')).json<{
      origin: string;
      keys: { algorithm: 'ed25519' | 'sm2'; keyName: string; publicKey: string }[];
    }>();
    const published = keys.keys.map((k) => ({ ...k, publicKey: b64(k.publicKey) }));
    const response = await get(`/api/v1/transparency/entries/${entryOfA}/receipt`, auditorA);
    expect(response.statusCode).toBe(200);
    const parsed = parseReceipt(response.body);
    if (!('receipt' in parsed)) throw new Error(`bad receipt ${JSON.stringify(parsed.error)}`);
    const report = checkReceipt(parsed.receipt, { origin: keys.origin, keys: published });
    expect(report.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(report.signatures.map((s) => s.outcome)).toEqual(['valid', 'valid']);
    const audited = await platform.services.database.db
      .selectFrom('audit_log')
      .select(['object_id', 'user_id'])
      .where('action', '=', 'transparency.receipt')
      .execute();
    expect(audited).toContainEqual({ object_id: String(entryOfA), user_id: auditorA.user.id });

    expect((await get(`/api/v1/transparency/entries/${entryOfA}/receipt`, auditorB)).statusCode).toBe(404);
    expect((await get(`/api/v1/transparency/entries/${entryOfA}/receipt`, handlerA)).statusCode).toBe(403);
    expect((await get(`/api/v1/transparency/entries/${entryOfA}/receipt`)).statusCode).toBe(401);
  });

  it('gives a receipt for an audit row written a moment ago, sequencing and signing it first', async () => {
    await recordAudit(
      platform.services.database.db,
      { ...systemActor('api-test'), orgId: auditorA.user.org_id },
      {
        action: 'test.just_now',
      },
    );
    const row = await platform.services.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'test.just_now')
      .executeTakeFirstOrThrow();
    const before = (await get('/api/v1/transparency/checkpoint')).json<{ size: number }>();
    const response = await get(`/api/v1/transparency/receipts/audit/${row.id}`, auditorA);
    expect(response.statusCode).toBe(200);
    const receipt = response.json<{ treeSize: number; index: number }>();
    expect(receipt.treeSize).toBeGreaterThan(before.size);
    expect(receipt.index).toBeLessThan(receipt.treeSize);
    expect((await get(`/api/v1/transparency/receipts/audit/${row.id}`, auditorB)).statusCode).toBe(404);
    expect((await get('/api/v1/transparency/receipts/audit/99999999', auditorA)).statusCode).toBe(404);
    expect((await get(`/api/v1/transparency/receipts/nonsense/${row.id}`, auditorA)).statusCode).toBe(400);
  });

  it('proves that a later tree head extends an earlier one', async () => {
    const first = (await get('/api/v1/transparency/checkpoint')).json<{ size: number; rootHash: string }>();
    await recordAudit(platform.services.database.db, systemActor('api-test'), { action: 'test.later' });
    const signed = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/transparency/tree-heads',
      headers: cityAuditor.session.headers,
    });
    expect(signed.statusCode).toBe(200);
    const second = signed.json<{ size: number; rootHash: string }>();
    expect(second.size).toBeGreaterThan(first.size);
    // Public: no session at all.
    const proof = await get(`/api/v1/transparency/consistency?first=${first.size}&second=${second.size}`);
    expect(proof.statusCode).toBe(200);
    expect(
      verifyConsistency(
        SM3_LOG_HASH,
        first.size,
        second.size,
        proof.json<{ proof: string[] }>().proof.map(b64),
        b64(first.rootHash),
        b64(second.rootHash),
      ),
    ).toBe(true);
  });

  it('answers hostile sizes and indices with 400, never 500', async () => {
    const urls = [
      '/api/v1/transparency/entries/-1',
      '/api/v1/transparency/entries/1e3',
      '/api/v1/transparency/entries/abc',
      '/api/v1/transparency/entries/0x10',
      '/api/v1/transparency/entries/99999999999999999999',
      '/api/v1/transparency/entries/9007199254740993',
      `/api/v1/transparency/entries/${entryOfA}/inclusion?size=-5`,
      `/api/v1/transparency/entries/${entryOfA}/inclusion?size=1.5`,
      `/api/v1/transparency/entries/${entryOfA}/inclusion?size=999999999`,
      `/api/v1/transparency/entries/${entryOfA}/inclusion?size=${entryOfA}`,
      '/api/v1/transparency/consistency?first=0',
      '/api/v1/transparency/consistency?first=-1',
      '/api/v1/transparency/consistency?first=NaN',
      '/api/v1/transparency/consistency?first=5&second=2',
      '/api/v1/transparency/consistency?first=1&second=9007199254740991',
      '/api/v1/transparency/consistency',
    ];
    for (const url of urls) {
      const response = await get(url, cityAuditor);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
    }
    // Well formed, but no such entry.
    expect((await get('/api/v1/transparency/entries/9007199254740991', cityAuditor)).statusCode).toBe(404);
  });
});
