import { randomBytes } from 'node:crypto';
import { maskAccountNumber } from '@qingfeng/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeyRing, singleKeyRing } from '../../../security/key-ring.js';
import type { KeyRingSource } from '../../../security/master-key.js';
import { findAuditEntries } from '../../../testing/auth-helpers.js';
import type { TestActor } from '../../../testing/org-factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { makeIdNumber } from '../../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { buildCounties, importCsv, runAndWait } from '../../../testing/warnings-fixture.js';
import { addCurrentKey, countKeyUse, reencryptAll } from '../../keys/index.js';
import { describeLakeTables } from '../../../lake/describe-tables.js';
import type { TRowPage } from '../rows/dataset-rows.schemas.js';

// Three recipients paid into one account (a W09 hit), one into their own.
const SHARED = '6222021234567890123';
const OWN = '6217009988776655443';
const LEGACY = '6228480000111122223';
const PEOPLE = [1, 2, 3, 4].map((n) => makeIdNumber(`1950010${n}`, 70 + n));
const PAYMENTS = [
  'payment_id,program,id,name,division,amount,paid_on,period,account_no,account_name',
  `A1,dibao,${PEOPLE[0]},张一,330106001001,500.00,2024-03-15,2024-03,${SHARED},张一`,
  `A2,dibao,${PEOPLE[1]},张二,330106001001,500.00,2024-03-15,2024-03,6222 0212 3456 7890 123,张二`,
  `A3,dibao,${PEOPLE[2]},张三,330106001002,500.00,2024-03-15,2024-03,${SHARED},张三`,
  `A4,dibao,${PEOPLE[3]},张四,330106001002,500.00,2024-03-15,2024-03,${OWN},张四`,
].join('\n');
// What no stored text may hold: each whole number, and the digits the mask hides.
const FORBIDDEN = [SHARED, OWN, LEGACY, SHARED.slice(0, -4), OWN.slice(0, -4), LEGACY.slice(0, -4)];

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
  describe(`bank accounts sealed at rest (${engine})`, () => {
    const source = new MemoryRing(singleKeyRing(randomBytes(32)));
    let platform: TestPlatform;
    let leader: TestActor;
    let leaderB: TestActor;

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { keys: source });
      const { city, countyB, actor } = await buildCounties(platform);
      leader = await actor('leader', city);
      leaderB = await actor('leader', countyB);

      await importCsv(platform, 'benefit_payment', PAYMENTS);
      const run = await runAndWait(platform, { modelIds: ['W09'], kind: 'full' });
      expect(run.status).toBe('succeeded');
    });
    afterAll(async () => platform?.close());

    const get = (who: TestActor, url: string) =>
      platform.app.inject({ method: 'GET', url, headers: who.session.headers });
    const rows = (who: TestActor, query = '') => get(who, `/api/v1/datasets/benefit_payment/rows?${query}`);
    const w09 = () =>
      platform.services.database.db
        .selectFrom('warnings')
        .select(['id', 'hit_key', 'facts', 'explanation_zh'])
        .where('model_id', '=', 'W09')
        .execute();

    /** Every text-like column of every table of both stores holding one of the numbers or their hidden digits. */
    async function plainTextFound(): Promise<string[]> {
      const found: string[] = [];
      const lake = platform.services.lake;
      for (const table of await describeLakeTables(lake)) {
        for (const column of table.columns.filter((c) => c.type === 'text')) {
          for (const needle of FORBIDDEN) {
            const [row] = await lake.query<{ n: unknown }>(
              `SELECT count(*) AS n FROM "${table.name}" WHERE CAST("${column.name}" AS TEXT) LIKE $1`,
              [`%${needle}%`],
            );
            if (Number(row?.n) > 0) found.push(`lake ${table.name}.${column.name}`);
          }
        }
      }
      const db = platform.services.database.db;
      const columns = await sql<{ table_name: string; column_name: string }>`
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`.execute(
        db,
      );
      for (const { table_name, column_name } of columns.rows) {
        for (const needle of FORBIDDEN) {
          const hit = await sql<{ n: unknown }>`SELECT count(*) AS n FROM ${sql.table(table_name)}
            WHERE CAST(${sql.ref(column_name)} AS TEXT) LIKE ${`%${needle}%`}`.execute(db);
          if (Number(hit.rows[0]?.n) > 0) found.push(`store ${table_name}.${column_name}`);
        }
      }
      return found;
    }

    it('keeps no account number in plain text anywhere in the lake or the store', async () => {
      const tables = (await describeLakeTables(platform.services.lake)).map((t) => t.name);
      expect(tables).toContain('account_index');
      const stored = await platform.services.lake.query<{ account_no: string }>(
        'SELECT account_no FROM ds_benefit_payment ORDER BY _row_no',
      );
      // The same account (however it was written) gets the same key.
      const [shared, , , own] = stored.map((r) => r.account_no);
      expect(stored.map((r) => r.account_no)).toEqual([shared, shared, shared, own]);
      expect(shared).toMatch(/^#\d+$/);
      expect(own).toMatch(/^#\d+$/);
      expect(own).not.toBe(shared);
      expect(await plainTextFound()).toEqual([]);
      // Model SQL reads dataset tables only: the register of accounts is out of its reach.
      await expect(
        platform.services.lake.queryUntrusted('SELECT account_enc FROM account_index', [], { timeoutMs: 30_000 }),
      ).rejects.toThrow();
      expect(
        await platform.services.lake.queryUntrusted('SELECT count(*) AS n FROM ds_benefit_payment', [], {
          timeoutMs: 30_000,
        }),
      ).toEqual([{ n: expect.anything() }]);
    });

    it('finds the shared account as before, its facts masked', async () => {
      const warnings = await w09();
      expect(warnings).toHaveLength(1);
      const facts = warnings[0]?.facts as Record<string, unknown>;
      expect(facts).toMatchObject({ account_no: maskAccountNumber(SHARED), recipients: 3 });
      expect(warnings[0]?.explanation_zh).toContain(maskAccountNumber(SHARED));
      // A preview shows the same, masked.
      const preview = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/models/W09/preview',
        headers: leader.session.headers,
        payload: { limit: 50 },
      });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.body).toContain(maskAccountNumber(SHARED));
      expect(preview.body).not.toContain(SHARED.slice(0, -4));
    });

    it('shows accounts masked, whole only with person.read and a reason, audited', async () => {
      const masked = await rows(leader);
      expect(masked.statusCode, masked.body).toBe(200);
      expect(masked.json<TRowPage>().items.map((r) => r.values.account_no)).toEqual([
        ...Array(3).fill(maskAccountNumber(SHARED)),
        maskAccountNumber(OWN),
      ]);
      expect(masked.body).not.toContain(SHARED.slice(0, -4));
      expect((await rows(leader, 'reveal=true')).statusCode).toBe(400);
      const reason = encodeURIComponent('核查共用账户');
      const revealed = await rows(leader, `reveal=true&reason=${reason}`);
      expect(revealed.json<TRowPage>().items.map((r) => r.values.account_no)).toEqual([SHARED, SHARED, SHARED, OWN]);
      const audited = await findAuditEntries(platform, { action: 'person.read', userId: leader.user.id });
      expect(audited.at(-1)).toMatchObject({ outcome: 'allowed' });
      // A filter by account goes through the blind index, in any written form.
      const byAccount = await rows(leader, `filter[account_no]=${encodeURIComponent('6222-0212-3456-7890-123')}`);
      expect(byAccount.json<TRowPage>().total).toBe(3);
      expect((await rows(leader, 'filter[account_no]=6222029999999999')).json<TRowPage>().total).toBe(0);
      // Another county sees none of it.
      expect((await rows(leaderB)).json<TRowPage>().total).toBe(0);

      const [warning] = await w09();
      const detail = await get(leader, `/api/v1/warnings/${warning?.id}`);
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.body).toContain(maskAccountNumber(SHARED));
      expect(detail.body).not.toContain(SHARED.slice(0, -4));
      const whole = await get(leader, `/api/v1/warnings/${warning?.id}?reason=${reason}`);
      expect(whole.statusCode, whole.body).toBe(200);
      expect(whole.body).toContain(SHARED);
      expect((await get(leaderB, `/api/v1/warnings/${warning?.id}?reason=${reason}`)).statusCode).toBe(404);
    });

    it('re-keys accounts on rotation: lookups, reveal and the model hit unchanged', async () => {
      const [before] = await w09();
      const ownToken = (
        await platform.services.lake.query<{ account_no: string }>(
          'SELECT account_no FROM ds_benefit_payment ORDER BY _row_no DESC LIMIT 1',
        )
      )[0]?.account_no;
      expect(addCurrentKey(source, new Date())).toBe(2);
      const deps = {
        db: platform.services.database.db,
        lake: platform.services.lake,
        fieldCrypto: platform.services.fieldCrypto,
      };
      expect(await countKeyUse(deps.db, deps.lake, 1)).toMatchObject({ lake: PEOPLE.length + 2 });
      // A row as a lake written before accounts were sealed keeps it: the rotation seals it too.
      await deps.lake.execute(
        'INSERT INTO ds_benefit_payment (_batch_id, _row_no, account_no) VALUES (999999, 2, $1)',
        [LEGACY],
      );
      const counts = await reencryptAll(deps);
      expect(counts.accounts).toBe(1 + 2); // one sealed, two re-sealed
      const legacy = await deps.lake.query<{ account_no: string }>(
        'SELECT account_no FROM ds_benefit_payment WHERE _batch_id = 999999',
      );
      expect(legacy[0]?.account_no).toMatch(/^#\d+$/);
      await deps.lake.execute('DELETE FROM ds_benefit_payment WHERE _batch_id = 999999');
      expect(await countKeyUse(deps.db, deps.lake, 1)).toMatchObject({ lake: 0 });
      const crypto = platform.services.fieldCrypto;
      const sealed = await deps.lake.query<{ account_hash: string; account_enc: string }>(
        'SELECT account_hash, account_enc FROM account_index ORDER BY account_key',
      );
      expect(sealed.map((s) => crypto.decrypt(s.account_enc)).sort()).toEqual([OWN, SHARED, LEGACY].sort());
      for (const s of sealed) expect(s.account_hash).toBe(crypto.blindIndex(crypto.decrypt(s.account_enc)));
      expect((await rows(leader, `filter[account_no]=${SHARED}`)).json<TRowPage>().total).toBe(3);
      const revealed = await rows(leader, `reveal=true&reason=${encodeURIComponent('复核')}&filter[account_no]=${OWN}`);
      expect(revealed.json<TRowPage>().items.map((r) => r.values.account_no)).toEqual([OWN]);
      // A new file after the rotation joins the same account.
      await importCsv(
        platform,
        'benefit_payment',
        [
          PAYMENTS.split('\n')[0],
          `A5,dibao,${makeIdNumber('19500105', 75)},张五,330106001002,500.00,2024-04-15,2024-04,${OWN},张五`,
        ].join('\n'),
      );
      const last = await deps.lake.query<{ account_no: string }>(
        'SELECT account_no FROM ds_benefit_payment ORDER BY _batch_id DESC, _row_no LIMIT 1',
      );
      expect(last[0]?.account_no).toBe(ownToken);
      await runAndWait(platform, { modelIds: ['W09'], kind: 'full' });
      const after = await w09();
      expect(after.map((w) => w.hit_key)).toEqual([before?.hit_key]);
      expect(await plainTextFound()).toEqual([]);
    });
  });
}
