import type pg from 'pg';
import { BrokenConnectionError, inTransaction } from './transaction.js';

/**
 * Runs fn inside BEGIN … COMMIT on one client of the pool; ROLLBACK when fn or COMMIT
 * fails. A client whose ROLLBACK fails is destroyed, not handed out again: its session is
 * in an unknown state.
 */
export async function inPoolTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: BrokenConnectionError | undefined;
  try {
    return await inTransaction(
      (sql) => client.query(sql),
      () => fn(client),
    );
  } catch (error) {
    if (!(error instanceof BrokenConnectionError)) throw error;
    broken = error;
    throw error.cause;
  } finally {
    // Passing an error makes the pool destroy the client instead of reusing it.
    client.release(broken);
  }
}
