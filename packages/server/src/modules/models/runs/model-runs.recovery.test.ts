import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/database.js';
import type { ModelRunStatus } from '../../../db/schema.js';
import { findAuditEntries } from '../../../testing/auth-helpers.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { INTERRUPTED_ERROR, failInterruptedRuns } from './model-runs.recovery.js';
import { RunnerLock } from './model-runs.liveness.js';
import { ModelRunsRepository } from './model-runs.repository.js';

for (const engine of testEngines()) {
  describe(`runs left unfinished by a stopped process (${engine})`, () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await createTestPlatform(engine);
    });
    afterAll(async () => platform?.close());

    /** A run as a process that stopped (or still lives elsewhere) left it. */
    function insertRun(status: ModelRunStatus, runnerKey: number | null) {
      return new ModelRunsRepository(platform.services.database.db).insertRun({
        kind: 'full',
        status,
        models: [{ modelId: 'W01', version: 1, params: {}, mode: 'full' }],
        input_batch_ids: null,
        covered_batch_id: 0,
        models_total: 1,
        requested_by: null,
        requested_by_name: 'test',
        runner_key: runnerKey,
        ...(status === 'running' ? { started_at: new Date() } : {}),
      });
    }

    it('marks them failed at start-up with a clear error, audited, and leaves finished runs alone', async () => {
      const running = await insertRun('running', 12345);
      const queued = await insertRun('queued', null);
      const finished = await insertRun('succeeded', 12345);

      const failed = await failInterruptedRuns(platform.services);

      expect(failed.sort()).toEqual([running.id, queued.id].sort());
      const runs = new ModelRunsRepository(platform.services.database.db);
      for (const id of failed) {
        expect(await runs.findRun(id)).toMatchObject({ status: 'failed', error: INTERRUPTED_ERROR });
        expect((await runs.findRun(id))?.finished_at).toBeInstanceOf(Date);
      }
      expect(INTERRUPTED_ERROR).toMatch(/中断.*interrupted: the process stopped during the run/);
      expect(await runs.findRun(finished.id)).toMatchObject({ status: 'succeeded', error: null });
      expect(await findAuditEntries(platform, { action: 'model_run.interrupted' })).toHaveLength(2);
    });

    it.runIf(engine === 'postgres')('spares the runs of another process that is still alive', async () => {
      // Another server on the same store: its own connection holds its runner lock.
      const url = platform.services.config.databaseUrl as string;
      const other = await openDatabase({ url });
      const lock = await RunnerLock.acquire(other);
      try {
        const alive = await insertRun('running', lock.key);
        const dead = await insertRun('running', lock.key + 1);
        const failed = await failInterruptedRuns(platform.services);
        expect(failed).toEqual([dead.id]);
        const runs = new ModelRunsRepository(platform.services.database.db);
        expect(await runs.findRun(alive.id)).toMatchObject({ status: 'running' });
        // This process's own runs carry its key, now backed by its lock.
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'advisory'
          and classid = 7310002 and objid = ${platform.services.modelRuns.runnerKey}`.execute(
          platform.services.database.db,
        );
        expect(rows[0]?.n).toBe(1);
      } finally {
        await lock.release();
        await other.close();
      }
      // Once that process is gone, a later start-up fails its run.
      expect(await failInterruptedRuns(platform.services)).toHaveLength(1);
    });
  });
}
