import type pg from 'pg';

/**
 * Runs fn inside BEGIN … COMMIT on one client of the pool; ROLLBACK when fn or COMMIT
 * fails. A client whose ROLLBACK fails is destroyed, not handed out again: its session is
 * in an unknown state.
 */
export async function inPoolTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // Passing an error makes the pool destroy the client instead of reusing it.
    client.release(broken);
  }
}
