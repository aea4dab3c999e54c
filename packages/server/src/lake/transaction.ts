/**
 * Thrown when ROLLBACK fails: the session (a DuckDB connection, a pooled PostgreSQL
 * client) is left in an unknown state, so its owner must close it rather than hand it out
 * again, and rethrow `cause`, the failure that led to the rollback.
 */
export class BrokenConnectionError extends Error {
  constructor(override readonly cause: unknown) {
    super('Lake connection left in an unknown state', { cause });
  }
}

/**
 * Runs fn between BEGIN and COMMIT on one session, through `run`, which sends a statement
 * to that session. When BEGIN, fn or COMMIT fails, it rolls back and rejects with that
 * failure, wrapped in a BrokenConnectionError if ROLLBACK fails too (a failed COMMIT
 * may already have ended the transaction, or the session may be gone).
 */
export async function inTransaction<T>(run: (sql: string) => Promise<unknown>, fn: () => Promise<T>): Promise<T> {
  try {
    await run('BEGIN');
    const result = await fn();
    await run('COMMIT');
    return result;
  } catch (error) {
    try {
      await run('ROLLBACK');
    } catch {
      throw new BrokenConnectionError(error);
    }
    throw error;
  }
}
