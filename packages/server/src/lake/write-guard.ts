import { AsyncLocalStorage } from 'node:async_hooks';
import { LakeError } from './errors.js';

/**
 * Remembers, per async call chain, which lake is inside a transaction or an append.
 * A write through the lake itself from there would, on DuckDB, wait forever for the
 * writer lock its own caller holds; on PostgreSQL it would escape the transaction. Both
 * are bugs, so both engines reject it with a clear error instead.
 */
export class WriteGuard {
  private readonly storage = new AsyncLocalStorage<boolean>();

  /** Throws if the current call chain is already inside this lake's write scope. */
  assertOutside(operation: string): void {
    if (this.storage.getStore() === true) {
      throw new LakeError(
        'LAKE_NESTED_WRITE',
        `lake.${operation}() was called inside lake.transaction() or an appendRows input; use the transaction's tx instead`,
      );
    }
  }

  /** Runs fn inside this lake's write scope. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.storage.run(true, fn);
  }
}
