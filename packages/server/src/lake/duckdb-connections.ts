import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { BrokenConnectionError } from './transaction.js';

/**
 * Hands out DuckDB connections one operation at a time and keeps idle ones for reuse
 * (a connection is cheap, but not free: it carries its own client context).
 *
 * Why a connection per operation rather than one shared connection behind a mutex:
 * a DuckDB connection is one session — its transaction state, its appender and its
 * running statement are all shared — so two operations must never use one at the same
 * time. A single connection would therefore make every dashboard read wait behind a
 * 10-minute import. Separate connections to the same instance are isolated by DuckDB's
 * MVCC: reads see a consistent snapshot while an import appends. Writes are still
 * serialised, by the lake's writer lock (see duckdb-lake.ts), not by sharing a connection.
 */
export class DuckDbConnections {
  private readonly idle: DuckDBConnection[] = [];

  constructor(private readonly instance: DuckDBInstance) {}

  /** Runs fn with a connection nobody else is using; a connection fn reports broken is discarded. */
  async use<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = this.idle.pop() ?? (await this.instance.connect());
    let reusable = true;
    try {
      return await fn(connection);
    } catch (error) {
      // A failed ROLLBACK leaves the session in an unknown state: do not hand it out again.
      if (error instanceof BrokenConnectionError) reusable = false;
      throw error instanceof BrokenConnectionError ? error.cause : error;
    } finally {
      if (reusable) this.idle.push(connection);
      else connection.closeSync();
    }
  }

  /** Closes idle connections; call once nothing is running. */
  closeAll(): void {
    for (const connection of this.idle.splice(0)) connection.closeSync();
  }
}
