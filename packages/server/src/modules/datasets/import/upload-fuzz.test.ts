import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedIn, buildSignedInUser } from '../../../testing/auth-helpers.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { type KeyWorld, buildKeyWorld, issueKey } from '../../../testing/api-key-fixtures.js';

/*
 * Hostile uploads, generated: whatever arrives, the import and push routes answer with a
 * 4xx or a batch and its report, never a 5xx, and the server goes on answering others.
 * The limits are set low so that "oversize" stays a few kilobytes in the suite.
 */

const LIMITS = { importMaxRecordBytes: 4096, importMaxHeaderBytes: 1024 };
const HEADER = 'payment_id,program,id,name,division,amount,paid_on,period';
const RUNS = 40;

const text = (maxLength: number) =>
  fc.string({
    unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r', '\u0000', '张', '\uFFFD', '{', '[', ':'),
    maxLength,
  });

/** Upload bodies that break what a reader might assume. */
const hostileFile: fc.Arbitrary<Buffer> = fc.oneof(
  // Random bytes: NUL bytes, lone CRs, bytes that are not UTF-8.
  fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)),
  // A valid header, then rows of hostile text.
  text(2000).map((t) => Buffer.from(`${HEADER}\n${t}`)),
  // No line feed at all, longer than a record or a header may be.
  fc.integer({ min: 1025, max: 20_000 }).map((n) => Buffer.from(`payment_id,${'x'.repeat(n)}`)),
  fc.integer({ min: 4097, max: 20_000 }).map((n) => Buffer.from(`${HEADER}\n1,${'y'.repeat(n)}`)),
  // UTF-8 that turns invalid, and GBK cut inside a character.
  fc
    .uint8Array({ minLength: 1, maxLength: 200 })
    .map((b) => Buffer.concat([Buffer.from(`${HEADER}\n1,张三,`), Buffer.from(b)])),
  fc.integer({ min: 1, max: 60 }).map((n) => {
    const gbk = iconv.encode(`${HEADER}\n${'1,低保,张三,330106,100,2024-03-05,2024-03\n'.repeat(n)}`, 'gb18030');
    return gbk.subarray(0, gbk.length - 1);
  }),
  // JSON: nested deep, never closed, endless values, not objects.
  fc.integer({ min: 1, max: 5000 }).map((d) => Buffer.from(`[{"a":${'['.repeat(d)}${']'.repeat(d)}}]`)),
  fc.integer({ min: 1, max: 20_000 }).map((d) => Buffer.from(`{"a":${'['.repeat(d)}`)),
  fc.integer({ min: 1, max: 10_000 }).map((n) => Buffer.from(`[{"payment_id":"${'z'.repeat(n)}`)),
  text(2000).map((t) => Buffer.from(`[${t}`)),
  text(2000).map((t) => Buffer.from(`{"payment_id":1}\n${t}`)),
  // A zip signature with nothing of a workbook behind it.
  fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)])),
);

/** Push bodies, as sent: JSON rows with hostile values (nested deep too), or JSON Lines text. */
const json = (payload: string) => ({ type: 'application/json', payload });
const lines = (payload: string) => ({ type: 'application/x-ndjson', payload });
const hostilePush: fc.Arbitrary<{ type: string; payload: string }> = fc.oneof(
  fc
    .array(fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }), {
      maxLength: 20,
    })
    .map((rows) => json(JSON.stringify({ rows }))),
  // Written as text: a value this deep is what JSON.stringify cannot take.
  fc.integer({ min: 1, max: 20_000 }).map((d) => json(`{"rows":[{"公民身份号码":${'['.repeat(d)}1${']'.repeat(d)}}]}`)),
  text(3000).map(lines),
  fc.integer({ min: 4097, max: 20_000 }).map((n) => lines(`{"姓名":"${'x'.repeat(n)}"}`)),
);

for (const engine of testEngines()) {
  describe(`hostile uploads (${engine})`, () => {
    let platform: TestPlatform;
    let importer: SignedIn;
    let bystander: SignedIn;
    let world: KeyWorld;
    let secret: string;

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { config: LIMITS });
      importer = (await buildSignedInUser(platform, { role: 'data_admin' })).session;
      bystander = (await buildSignedInUser(platform, { role: 'data_admin' })).session;
      world = await buildKeyWorld(platform);
      secret = (await issueKey(platform, world.adminA, { departmentId: world.unitA.id, datasetTypes: ['death'] }))
        .secret;
    });
    afterAll(async () => platform?.close());

    async function expectStillServing(): Promise<void> {
      const me = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bystander.headers });
      expect(me.statusCode).toBe(200);
    }

    it('answers every hostile file sent to the import route with a 4xx or a batch, never a 5xx', async () => {
      const boundary = '----qingfeng-fuzz';
      await fc.assert(
        fc.asyncProperty(hostileFile, async (file) => {
          const payload = Buffer.concat([
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="force"\r\n\r\ntrue\r\n`),
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f"\r\n\r\n`),
            file,
            Buffer.from(`\r\n--${boundary}--\r\n`),
          ]);
          const response = await platform.app.inject({
            method: 'POST',
            url: '/api/v1/datasets/benefit_payment/imports',
            headers: { ...importer.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
            payload,
          });
          expect(response.statusCode, response.body.slice(0, 500)).toBeLessThan(500);
          if (response.statusCode >= 400) expect(response.body.length).toBeLessThan(4000);
          await expectStillServing();
        }),
        // A lone NUL byte once failed the audit entry of the refusal (jsonb takes no U+0000).
        { numRuns: RUNS, examples: [[Buffer.from([0])]] },
      );
    });

    it('answers every hostile push with a 4xx or a batch, never a 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(hostilePush, async ({ type, payload }) => {
          const response = await platform.app.inject({
            method: 'POST',
            url: '/api/v1/push/death?force=true',
            headers: { 'x-api-key': secret, 'content-type': type },
            payload,
          });
          expect(response.statusCode, response.body.slice(0, 500)).toBeLessThan(500);
          await expectStillServing();
        }),
        { numRuns: RUNS },
      );
    });
  });
}
