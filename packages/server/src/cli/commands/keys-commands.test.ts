import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeyRing, singleKeyRing } from '../../security/key-ring.js';
import type { KeyRingSource } from '../../security/master-key.js';
import { buildOrganisation, buildUser } from '../../testing/factories.js';
import { runCommand } from '../../testing/cli-runner.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { registerKeyCommands } from './keys-commands.js';

for (const engine of testEngines()) {
  describe(`qingfeng keys (${engine})`, () => {
    let ring: KeyRing = singleKeyRing(randomBytes(32));
    const source: KeyRingSource = { writable: true, ring: () => ring, save: (r) => (ring = r) };
    const keys = (args: string[]) =>
      runCommand(platform, (p, w, o) => registerKeyCommands(p, w, () => source, o), ['keys', ...args]);
    let platform: TestPlatform;

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { keys: source });
      const { db } = platform.services.database;
      const org = await buildOrganisation(db);
      const user = await buildUser(db, { role: 'supervision', orgId: org.id });
      const crypto = platform.services.fieldCrypto;
      await db
        .updateTable('users')
        .set({ phone_enc: crypto.encrypt('13800138000') })
        .where('id', '=', user.id)
        .execute();
    });
    afterAll(async () => platform?.close());

    it('rotates, reports counts, and retires the old key only when it is unused', async () => {
      await expect(keys(['retire', '1'])).rejects.toThrow(/current key/);
      const { out } = await keys(['rotate', '--batch', '1']);
      expect(out).toMatch(/Key version 2 is current\. Re-encrypted 1 users .* 0 lake subjects and 0 bank accounts/);
      expect(ring.keys.map((k) => k.version)).toEqual([1, 2]);
      const { out: resumed } = await keys(['rotate', '--resume']);
      expect(resumed).toMatch(/Re-encrypted 0 users/);
      expect(await keys(['retire', '1'])).toMatchObject({ out: 'Key version 1 retired.\n' });
      expect(ring.keys.map((k) => k.version)).toEqual([2]);
      await expect(keys(['retire', '7'])).rejects.toThrow(/not in the ring/);
    });
  });
}
