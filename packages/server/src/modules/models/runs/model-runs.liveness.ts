import { randomInt } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';

// Namespace of the PostgreSQL advisory locks a live process holds while it may run models
// (beside the import's 7_310_001 in datasets.lake.ts).
const RUNNER_LOCK_NAMESPACE = 7_310_002;

/** A fresh runner key: positive int4, as model_runs.runner_key and the lock's second key take. */
export function newRunnerKey(): number {
  return randomInt(1, 2 ** 31 - 1);
}

async function tryLock(db: Kysely<DB>, key: number): Promise<boolean> {
  const { rows } = await sql<{
    got: boolean;
  }>`select pg_try_advisory_lock(${RUNNER_LOCK_NAMESPACE}, ${key}) as got`.execute(db);
  return rows[0]?.got === true;
}

/**
 * This process's runner lock on PostgreSQL: a session advisory lock on one connection kept
 * out of the pool until `release`. Its key is stamped on every run the process queues, so
 * another process can tell a live owner (lock held) from a dead one (lock free: PostgreSQL
 * drops a session's locks when its connection ends, crash or not).
 */
export class RunnerLock {
  private constructor(
    readonly key: number,
    private readonly stop: () => Promise<void>,
  ) {}

  /** Takes the lock under a key no other live process holds. */
  static acquire(database: Database): Promise<RunnerLock> {
    return new Promise((resolve, reject) => {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const held: Promise<void> = database.db.connection().execute(async (connection) => {
        let key = newRunnerKey();
        while (!(await tryLock(connection, key))) key = newRunnerKey();
        resolve(new RunnerLock(key, () => (release(), held.catch(() => undefined))));
        await released;
        // Unlocked before the connection goes back to the pool, where the lock would outlive us.
        await sql`select pg_advisory_unlock(${RUNNER_LOCK_NAMESPACE}, ${key})`.execute(connection);
      });
      // Before the lock is taken this fails the start-up; afterwards a lost connection only
      // frees the lock (its runs may then be failed by a process starting meanwhile).
      held.catch(reject);
    });
  }

  async release(): Promise<void> {
    await this.stop();
  }
}

/**
 * Whether the process that queued a run with this key still lives. On PGlite the store
 * belongs to one process, so any other runner is gone; a run without a key predates keys.
 */
export async function isRunnerAlive(database: Database, key: number | null): Promise<boolean> {
  if (database.engine !== 'postgres' || key === null) return false;
  const { rows } = await database.db
    .transaction()
    .execute((trx) =>
      sql<{ got: boolean }>`select pg_try_advisory_xact_lock(${RUNNER_LOCK_NAMESPACE}, ${key}) as got`.execute(trx),
    );
  return rows[0]?.got === false;
}
