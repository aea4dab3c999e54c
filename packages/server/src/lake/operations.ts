import { LakeError } from './errors.js';

/**
 * A lake's operations in flight. Closing waits for them, because closing a DuckDB
 * instance or ending a pool under a running statement would fail it midway; from then on
 * new operations are refused.
 */
export class LakeOperations {
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  /** Runs fn as one operation; rejects with LAKE_CLOSED once the lake is closing. */
  track<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new LakeError('LAKE_CLOSED', 'The lake is closed'));
    const promise = fn();
    this.running.add(promise);
    const forget = () => this.running.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** Refuses new operations, waits for the running ones to settle, then releases the engine; a second call does nothing. */
  async close(release: () => void | Promise<void>): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.running]);
    await release();
  }
}
