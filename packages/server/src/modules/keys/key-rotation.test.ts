import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeyRing, singleKeyRing } from '../../security/key-ring.js';
import type { KeyRingSource } from '../../security/master-key.js';
import { buildOrganisation, buildUser } from '../../testing/factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { makeIdNumber } from '../../testing/test-data.js';
import { systemActor } from '../audit/audit.service.js';
import { importDatasetFile } from '../datasets/import/import.service.js';
import { findSubjectKeyByHash } from '../warnings/people/people.lake.js';
import { addCurrentKey, countKeyUse, KeyInUseError, reencryptAll, retireKey } from './index.js';

const PEOPLE = Array.from({ length: 6 }, (_v, i) => makeIdNumber(`1980010${i + 1}`, 11 + i));
const NEWCOMER = makeIdNumber('19900909', 99);

/** The ring as a `keys.json` would hold it, kept in memory so the test sees each save. */
class MemoryRing implements KeyRingSource {
  readonly writable = true;
  constructor(private current: KeyRing) {}
  ring(): KeyRing {
    return this.current;
  }
  save(ring: KeyRing): void {
    this.current = ring;
  }
}

for (const engine of testEngines()) {
  describe(`key rotation (${engine})`, () => {
    const source = new MemoryRing(singleKeyRing(randomBytes(32)));
    let platform: TestPlatform;
    let n = 0;

    const deps = () => ({
      db: platform.services.database.db,
      lake: platform.services.lake,
      fieldCrypto: platform.services.fieldCrypto,
    });
    const lookUp = (id: string) =>
      findSubjectKeyByHash(platform.services.lake, platform.services.fieldCrypto.blindIndexes(id));
    const subjects = () =>
      platform.services.lake.query<{ subject_key: unknown; identifier_enc: string; identifier_hash: string }>(
        'SELECT subject_key, identifier_enc, identifier_hash FROM subject_index ORDER BY subject_key',
      );

    async function importPeople(ids: string[]): Promise<void> {
      n += 1;
      const file = path.join(platform.dataDir, `${n}-people.csv`);
      const lines = ids.map((id, i) => `${i + 1},dibao,${id},张三,330106,100,2024-03-05,2024-03`);
      writeFileSync(file, ['payment_id,program,id,name,division,amount,paid_on,period', ...lines].join('\n') + '\n');
      const { batch } = await importDatasetFile(platform.services, systemActor(), {
        datasetType: 'benefit_payment',
        file,
        fileName: 'people.csv',
      });
      expect(batch.rows_loaded).toBe(ids.length);
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { keys: source, config: { fieldCipher: 'sm4-ctr-hmac-sm3' } });
      const crypto = platform.services.fieldCrypto;
      const org = await buildOrganisation(platform.services.database.db);
      for (const phone of ['13800138000', '13900139000']) {
        const user = await buildUser(platform.services.database.db, { role: 'supervision', orgId: org.id });
        await platform.services.database.db
          .updateTable('users')
          .set({
            phone_enc: crypto.encrypt(phone),
            phone_hash: crypto.blindIndex(phone),
            totp_secret_enc: crypto.encrypt(`totp-${phone}`),
          })
          .where('id', '=', user.id)
          .execute();
      }
      await importPeople(PEOPLE);
    });
    afterAll(async () => platform?.close());

    it('re-seals every ciphertext of both stores, and lookups find everyone before, during and after', async () => {
      const before = new Map<string, number | undefined>();
      for (const id of PEOPLE) before.set(id, await lookUp(id));
      expect(new Set(before.values()).size).toBe(PEOPLE.length);
      expect(await countKeyUse(deps().db, deps().lake, 1)).toEqual({ store: 4, lake: PEOPLE.length });

      // Interrupted: the two users and two of the six subjects are re-sealed, the rest are not.
      expect(addCurrentKey(source, new Date())).toBe(2);
      expect(await reencryptAll(deps(), { batchSize: 2, maxBatches: 2 })).toEqual({
        users: 2,
        subjects: 2,
        accounts: 0,
      });
      const mixed = await subjects();
      expect(mixed.filter((s) => s.identifier_enc.startsWith('k2.sm4.')).length).toBe(2);
      expect(mixed.filter((s) => s.identifier_enc.startsWith('k1.sm4.')).length).toBe(4);
      for (const id of PEOPLE) expect(await lookUp(id)).toBe(before.get(id));
      await expect(retireKey(source, deps(), 1)).rejects.toThrow(KeyInUseError);

      // An import mid-rotation recognises people whichever key their row still carries.
      await importPeople([...PEOPLE, NEWCOMER]);
      expect((await subjects()).length).toBe(PEOPLE.length + 1);
      expect(await lookUp(NEWCOMER)).toBe(PEOPLE.length + 1);

      expect(await reencryptAll(deps(), { batchSize: 2 })).toEqual({ users: 0, subjects: 4, accounts: 0 });
      expect(await countKeyUse(deps().db, deps().lake, 1)).toEqual({ store: 0, lake: 0 });
      await retireKey(source, deps(), 1);
      expect(source.ring().keys.map((k) => k.version)).toEqual([2]);

      const crypto = platform.services.fieldCrypto;
      for (const id of PEOPLE) expect(await lookUp(id)).toBe(before.get(id));
      const after = await subjects();
      expect(after.map((s) => crypto.decrypt(s.identifier_enc)).sort()).toEqual([...PEOPLE, NEWCOMER].sort());
      for (const s of after) {
        expect(s.identifier_enc.startsWith('k2.sm4.')).toBe(true);
        expect(s.identifier_hash).toBe(crypto.blindIndex(crypto.decrypt(s.identifier_enc)));
      }
      const users = await platform.services.database.db
        .selectFrom('users')
        .select(['phone_enc', 'phone_hash', 'totp_secret_enc'])
        .where('phone_enc', 'is not', null)
        .orderBy('id')
        .execute();
      expect(users.map((u) => crypto.decrypt(u.phone_enc as string))).toEqual(['13800138000', '13900139000']);
      expect(users.map((u) => u.phone_hash)).toEqual(['13800138000', '13900139000'].map((p) => crypto.blindIndex(p)));
      expect(users.map((u) => crypto.decrypt(u.totp_secret_enc as string))).toEqual([
        'totp-13800138000',
        'totp-13900139000',
      ]);
    });
  });
}
