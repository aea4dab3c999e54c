import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportMode } from '../../db/schema.js';
import { findAuditEntries } from '../../testing/auth-helpers.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { systemActor } from '../audit/audit.service.js';
import { rollbackBatch } from '../datasets/batches/datasets.service.js';
import { importDatasetFile } from '../datasets/import/import.service.js';
import {
  CAROL,
  DAVE,
  DEATHS_CSV,
  MORE_DEATHS_CSV,
  PAYMENTS_CSV,
  buildCounties,
  runAndWait,
} from '../../testing/warnings-fixture.js';

const DEATH_HEADER = 'id,name,death_date,division';

for (const engine of testEngines()) {
  describe(`the warning lifecycle follows the data (${engine})`, () => {
    let platform: TestPlatform;
    let handler: TestActor;
    let files = 0;

    /** Imports as the console would, so the models run by themselves on the new batch. */
    async function importCsv(datasetType: string, content: string, mode: ImportMode = 'append') {
      files += 1;
      const file = path.join(platform.dataDir, `lifecycle-${files}.csv`);
      writeFileSync(file, `${content}\n`);
      const { batch } = await importDatasetFile(platform.services, systemActor('test'), {
        datasetType,
        file,
        fileName: path.basename(file),
        mode,
      });
      await platform.services.modelRuns.idle();
      return batch;
    }

    async function w01Warnings() {
      return platform.services.database.db
        .selectFrom('warnings')
        .select(['id', 'division_code', 'status', 'retired_at', 'retired_reason', 'last_run_id'])
        .where('model_id', '=', 'W01')
        .orderBy('id')
        .execute();
    }

    async function api<T>(url: string): Promise<T> {
      const response = await platform.app.inject({ method: 'GET', url, headers: handler.session.headers });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<T>();
    }

    const detail = (id: number) =>
      api<{ retiredReason: string | null; events: { kind: string; reason: string | null; batchId: number | null }[] }>(
        `/api/v1/warnings/${id}`,
      );

    let ids: { alice: number; dave: number; erin: number };

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { config: { autoRunModels: true } });
      const world = await buildCounties(platform);
      handler = await world.actor('supervision', world.city);
      await importCsv('benefit_payment', PAYMENTS_CSV);
      await importCsv('death', DEATHS_CSV);
      // Told apart by division: the order a run inserts its hits in is the engine's.
      const warnings = await w01Warnings();
      const idIn = (division: string) => warnings.find((w) => w.division_code === division)?.id as number;
      ids = { alice: idIn('330106001001'), dave: idIn('330108001001'), erin: 0 };
    });
    afterAll(async () => platform?.close());

    it('a rollback retires exactly the warnings citing the batch, traced and audited, and re-runs the readers in full', async () => {
      const more = await importCsv('death', MORE_DEATHS_CSV);
      const erin = (await w01Warnings()).find((w) => w.division_code === '330106002001');
      ids.erin = erin?.id as number;
      expect(Object.values(ids).every((id) => id > 0)).toBe(true);
      const lastRunBefore = await lastRunId();

      await rollbackBatch(platform.services, systemActor('test'), more.id, '误导入的死亡名单');
      await platform.services.modelRuns.idle();

      const byId = new Map((await w01Warnings()).map((w) => [w.id, w]));
      expect(byId.get(ids.erin)).toMatchObject({ retired_reason: 'evidence_rolled_back' });
      expect(byId.get(ids.alice)?.retired_at).toBeNull();
      expect(byId.get(ids.dave)?.retired_at).toBeNull();
      const [audit] = await findAuditEntries(platform, { action: 'warning.retire' });
      expect(audit?.detail).toMatchObject({ reason: 'evidence_rolled_back', warningIds: [ids.erin] });
      expect((await detail(ids.erin)).events).toEqual([
        expect.objectContaining({ kind: 'retired', reason: 'evidence_rolled_back', batchId: more.id }),
      ]);

      // The models reading deaths ran again, in full, on what remains.
      const rerun = await firstRunAfter(lastRunBefore);
      expect(rerun).toMatchObject({ kind: 'full', status: 'succeeded' });
      expect(JSON.stringify(rerun.models)).toContain('"W01"');
    });

    it('lists leave retired warnings out by default and show them on request; stats count them apart', async () => {
      const live = await api<{ items: { id: number }[] }>('/api/v1/warnings?model=W01');
      expect(live.items.map((w) => w.id).sort()).toEqual([ids.alice, ids.dave].sort());
      const retired = await api<{ items: { id: number; retiredReason: string }[] }>(
        '/api/v1/warnings?model=W01&retired=only',
      );
      expect(retired.items).toEqual([expect.objectContaining({ id: ids.erin, retiredReason: 'evidence_rolled_back' })]);
      const all = await api<{ total: number }>('/api/v1/warnings?model=W01&retired=include');
      expect(all.total).toBe(3);
      const stats = await api<{ items: { open: number; retired: number; hits: number }[] }>(
        '/api/v1/warnings/stats?model=W01',
      );
      expect(stats.items[0]).toMatchObject({ hits: 3, open: 2, retired: 1 });
    });

    it('a replace-all import re-runs the readers in full: unjudged warnings no longer found retire, judged ones stand', async () => {
      const confirm = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/warnings/${ids.alice}/status`,
        headers: handler.session.headers,
        payload: { status: 'confirmed' },
      });
      expect(confirm.statusCode, confirm.body).toBe(200);
      const lastRunBefore = await lastRunId();
      // The death register is replaced by one naming only Carol: Alice's and Dave's deaths are gone.
      const replacement = await importCsv(
        'death',
        [DEATH_HEADER, `${CAROL},王卡萝,2024-02-20,330106001002`].join('\n'),
        'replace',
      );
      expect(await firstRunAfter(lastRunBefore)).toMatchObject({ kind: 'full', status: 'succeeded' });
      const byId = new Map((await w01Warnings()).map((w) => [w.id, w]));
      expect(byId.get(ids.dave)).toMatchObject({ status: 'new', retired_reason: 'no_longer_found' });
      // A handler's judgement stands: Alice stays confirmed and live, traced as no longer found.
      expect(byId.get(ids.alice)).toMatchObject({ status: 'confirmed', retired_at: null });
      expect((await detail(ids.dave)).events.at(-1)).toMatchObject({ kind: 'retired', reason: 'no_longer_found' });

      // An incremental run sees only new rows, so it retires nothing; a second full run traces nothing twice.
      const incremental = await runAndWait(platform, {
        kind: 'incremental',
        modelIds: ['W01'],
        batchIds: [replacement.id],
      });
      expect(incremental.status).toBe('succeeded');
      await runAndWait(platform, { kind: 'full', modelIds: ['W01'] });
      const aliceEvents = (await detail(ids.alice)).events.map((e) => e.kind);
      expect(aliceEvents).toEqual(['status', 'not_found']);
      expect((await detail(ids.dave)).events.filter((e) => e.kind === 'retired')).toHaveLength(1);
      expect(
        (await w01Warnings())
          .filter((w) => w.retired_at !== null)
          .map((w) => w.id)
          .sort(),
      ).toEqual([ids.dave, ids.erin].sort());
    });

    it('a run that finds a retired warning again brings it back, with a trace entry', async () => {
      const before = (await w01Warnings()).find((w) => w.id === ids.dave);
      await importCsv('death', [DEATH_HEADER, `${DAVE},赵大卫,2023-12-01,330108001001`].join('\n'));
      const dave = (await w01Warnings()).find((w) => w.id === ids.dave);
      expect(dave).toMatchObject({ status: 'new', retired_at: null, retired_reason: null });
      expect(dave?.last_run_id).toBeGreaterThan(before?.last_run_id as number);
      expect((await detail(ids.dave)).events.at(-1)).toMatchObject({ kind: 'restored' });
      const live = await api<{ items: { id: number }[] }>('/api/v1/warnings?model=W01');
      expect(live.items.map((w) => w.id)).toContain(ids.dave);
    });

    /** The first model run queued after run `id` (the one an import or rollback queued). */
    function firstRunAfter(id: number) {
      return platform.services.database.db
        .selectFrom('model_runs')
        .selectAll()
        .where('id', '>', id)
        .orderBy('id')
        .executeTakeFirstOrThrow();
    }

    async function lastRunId(): Promise<number> {
      const row = await platform.services.database.db
        .selectFrom('model_runs')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    }
  });
}
