import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, findAuditEntries } from '../../testing/auth-helpers.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { type KeyWorld, buildKeyWorld, issueKey } from '../../testing/api-key-fixtures.js';

/*
 * Finding 7 of issue 15: refused API keys were never slowed, each wrote an audit row (200
 * bad attempts in 3 s flooded the trail), keyless pushes were neither limited nor
 * audited, and a 429 was not audited.
 */

const LIMIT = 5;
const ROWS = { rows: [{ id: makeIdNumber('19300101', 61), name: '吴九', death_date: '2024-06-01' }] };

for (const engine of testEngines()) {
  describe(`refused API keys are limited per address and audited per window (${engine})`, () => {
    let platform: TestPlatform;
    let world: KeyWorld;
    const clock = new ManualClock();

    beforeAll(async () => {
      platform = await createTestPlatform(engine, {
        clock,
        config: { apiKeyFailureLimit: LIMIT, apiKeyFailureWindowMinutes: 15 },
      });
      world = await buildKeyWorld(platform);
    });
    afterAll(async () => platform?.close());

    const push = (headers: Record<string, string>, remoteAddress = '203.0.113.7', payload: object = ROWS) =>
      platform.app.inject({ method: 'POST', url: '/api/v1/push/death', headers, payload, remoteAddress });
    const refusalEntries = () => findAuditEntries(platform, { action: 'api_key.authenticate' });

    it('answers 429 with Retry-After once an address used up its failures, and audits the window once', async () => {
      const issued = await issueKey(platform, world.adminA, { departmentId: world.unitA.id, datasetTypes: ['death'] });
      const guesses = [
        {},
        { 'x-api-key': 'not-a-key' },
        { 'x-api-key': `qfk_${issued.key.id}_${'0'.repeat(43)}` },
        { 'x-api-key': `${issued.secret}x` },
      ];
      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 200; i++) {
        const response = await push(guesses[i % guesses.length] as Record<string, string>);
        statuses.push(response.statusCode);
        if (response.statusCode === 429) retryAfter = String(response.headers['retry-after']);
      }
      expect(statuses.slice(0, LIMIT)).toEqual(Array.from({ length: LIMIT }, () => 401));
      expect(statuses.slice(LIMIT).every((s) => s === 429)).toBe(true);
      expect(Number(retryAfter)).toBeGreaterThan(14 * 60);
      // The right key from the same address waits too: otherwise a guess could still be told apart.
      expect((await push({ 'x-api-key': issued.secret })).statusCode).toBe(429);
      // Another address is not held back.
      expect((await push({ 'x-api-key': 'not-a-key' }, '198.51.100.2')).statusCode).toBe(401);
      expect(await refusalEntries()).toEqual([]);

      clock.advance({ minutes: 16 });
      expect((await push({ 'x-api-key': issued.secret })).statusCode).toBe(201);
      expect((await push({}, '198.51.100.3')).statusCode).toBe(401);
      const entries = await refusalEntries();
      expect(entries.map((e) => e.detail)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            attempts: 201,
            missing: 1 + Math.floor(LIMIT / guesses.length),
            limited: 201 - LIMIT,
            keyIds: [issued.key.id],
          }),
          expect.objectContaining({ attempts: 1, invalid: 1 }),
        ]),
      );
      expect(entries).toHaveLength(2);
    });

    it("audits a valid key's pushes refused by its own rate limit (429) with its address's window", async () => {
      const issued = await issueKey(platform, world.adminB, {
        departmentId: world.unitB.id,
        datasetTypes: ['death'],
        rateLimitPerMinute: 1,
      });
      const address = '192.0.2.44';
      const rows = { rows: [{ id: makeIdNumber('19300202', 62), name: '郑十', death_date: '2024-06-02' }] };
      expect((await push({ 'x-api-key': issued.secret }, address, rows)).statusCode).toBe(201);
      expect((await push({ 'x-api-key': issued.secret }, address, rows)).statusCode).toBe(429);
      clock.advance({ minutes: 16 });
      await push({}, address);
      await platform.services.background.idle();
      const entries = await platform.services.database.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'api_key.authenticate')
        .where('ip', '=', address)
        .execute();
      expect(entries.map((e) => e.detail)).toEqual([
        expect.objectContaining({ attempts: 1, limited: 1, keyIds: [issued.key.id] }),
      ]);
    });
  });
}
