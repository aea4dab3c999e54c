import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../db/schema.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { DEATHS_CSV, PAYMENTS_CSV, buildCounties, importCsv, runAndWait } from '../../testing/warnings-fixture.js';
import { systemActor } from '../audit/audit.service.js';
import { rollbackBatch } from '../datasets/batches/datasets.service.js';
import { foldWarningCounts } from './warning-counts.js';

type Counts = Record<string, number>;

for (const engine of testEngines()) {
  describe(`the warning counts kept as warnings change (${engine})`, () => {
    let platform: TestPlatform;
    let handler: TestActor;
    let deaths: ImportBatch;

    const rows = async (query: string): Promise<Counts> => {
      const result = await sql<{ cell: string; n: string | number }>`${sql.raw(query)}`.execute(
        platform.services.database.db,
      );
      return Object.fromEntries(result.rows.map((r) => [r.cell, Number(r.n)]));
    };
    const COUNT_CELL = `concat_ws('/', division_code, model_id, severity, status, retired)`;
    const MONTH_CELL = `concat_ws('/', division_code, status, month)`;

    /** The kept counts and a fresh aggregate of the warnings, each by its cells, to compare. */
    async function keptAndFresh() {
      return {
        kept: await rows(`SELECT ${COUNT_CELL} AS cell, sum(n) AS n FROM warning_count_changes
          GROUP BY 1 HAVING sum(n) <> 0`),
        fresh: await rows(`SELECT ${COUNT_CELL} AS cell, count(*) AS n FROM
          (SELECT *, retired_at IS NOT NULL AS retired FROM warnings) w GROUP BY 1`),
        keptMonths: await rows(`SELECT ${MONTH_CELL} AS cell, sum(n) AS n FROM warning_month_changes
          GROUP BY 1 HAVING sum(n) <> 0`),
        freshMonths: await rows(`SELECT ${MONTH_CELL} AS cell, count(*) AS n FROM
          (SELECT *, to_char(first_seen_at, 'YYYY-MM') AS month FROM warnings WHERE retired_at IS NULL) w GROUP BY 1`),
      };
    }
    async function expectCountsRight() {
      const { kept, fresh, keptMonths, freshMonths } = await keptAndFresh();
      expect(kept).toEqual(fresh);
      expect(keptMonths).toEqual(freshMonths);
    }
    async function listTotal(query: string): Promise<number> {
      const response = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/warnings?${query}`,
        headers: handler.session.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ total: number }>().total;
    }
    /** The handler's county's warnings. */
    const warningIds = async () =>
      (
        await platform.services.database.db
          .selectFrom('warnings')
          .select('id')
          .where('division_code', 'like', '330106%')
          .orderBy('id')
          .execute()
      ).map((w) => w.id);

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildCounties(platform);
      handler = await world.actor('supervision', world.countyA);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
      deaths = await importCsv(platform, 'death', DEATHS_CSV);
      await runAndWait(platform, { kind: 'full', modelIds: ['W01'] });
      await platform.services.modelRuns.idle();
    });
    afterAll(async () => platform?.close());

    it("equal a fresh count after a run's inserts", async () => {
      const { kept } = await keptAndFresh();
      expect(Object.keys(kept).length).toBeGreaterThan(0);
      await expectCountsRight();
    });

    it('follow status changes, and the list counts what they say', async () => {
      const [first] = await warningIds();
      for (const [id, status] of [
        [first, 'confirmed'],
        [first, 'false_positive'],
      ] as const) {
        const response = await platform.app.inject({
          method: 'POST',
          url: `/api/v1/warnings/${id}/status`,
          headers: handler.session.headers,
          payload: { status, reason: '核实 / checked' },
        });
        expect(response.statusCode, response.body).toBe(200);
      }
      await expectCountsRight();
      expect(await listTotal('status=false_positive')).toBe(1);
      expect(await listTotal('status=confirmed')).toBe(0);
    });

    it('lose nothing and gain nothing from a transaction rolled back', async () => {
      const before = await keptAndFresh();
      const open = await listTotal('status=open');
      await expect(
        platform.services.database.db.transaction().execute(async (trx) => {
          await trx.updateTable('warnings').set({ status: 'confirmed' }).execute();
          await trx
            .updateTable('warnings')
            .set({ retired_at: new Date(), retired_reason: 'no_longer_found' })
            .execute();
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await keptAndFresh()).toEqual(before);
      expect(await listTotal('status=open')).toBe(open);
    });

    it('follow retirement when a batch is rolled back, and a fold keeps them', async () => {
      const live = await listTotal('');
      await rollbackBatch(platform.services, systemActor('test'), deaths.id, '误导入 / loaded by mistake');
      await platform.services.modelRuns.idle();
      const retired = await listTotal('retired=only');
      expect(retired).toBeGreaterThan(0);
      expect(await listTotal('')).toBe(live - retired);
      await expectCountsRight();
      const changes = async () =>
        Number((await rows(`SELECT 'all' AS cell, count(*) AS n FROM warning_count_changes`)).all);
      const unfolded = await changes();
      await foldWarningCounts(platform.services.database.db);
      expect(await changes()).toBeLessThan(unfolded);
      expect(await changes()).toBe(Object.keys((await keptAndFresh()).fresh).length);
      await expectCountsRight();
    });

    it('follow a deletion and a truncation', async () => {
      const [first] = await warningIds();
      const db = platform.services.database.db;
      await db
        .deleteFrom('warning_evidence')
        .where('warning_id', '=', first as number)
        .execute();
      await db
        .deleteFrom('warning_events')
        .where('warning_id', '=', first as number)
        .execute();
      await db
        .deleteFrom('warnings')
        .where('id', '=', first as number)
        .execute();
      await expectCountsRight();
      await sql`TRUNCATE warnings CASCADE`.execute(db);
      const { kept, keptMonths } = await keptAndFresh();
      expect([kept, keptMonths]).toEqual([{}, {}]);
    });
  });
}
