import type { Database } from '../../../db/database.js';
import { RunnerLock, newRunnerKey } from './model-runs.liveness.js';

/** The work of one run, given the signal that cancels it. It must not throw. */
export type RunWork = (signal: AbortSignal) => Promise<void>;

/**
 * The process's model-run queue: runs execute in the background, one at a time, because
 * each one already keeps the lake's engine busy and DuckDB has a single writer. A run can
 * be cancelled while it waits or while it runs (its AbortSignal fires). Also carries the
 * runner key its runs are stamped with.
 */
export class ModelRunQueue {
  /** Stamped on the runs this process queues; backed by a held lock once `holdRunnerLock` ran. */
  runnerKey = newRunnerKey();
  private runnerLock?: RunnerLock;
  private tail: Promise<void> = Promise.resolve();
  private readonly controllers = new Map<number, AbortController>();
  private readonly done = new Map<number, Promise<void>>();
  private closed = false;
  private readonly listeners = new Set<(runId: number) => void>();

  /**
   * Calls `listener` with the id of every run queued from now on, until the returned
   * function is called: how the command line learns which runs its import started.
   */
  onQueued(listener: (runId: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues a run; the promise settles when it has finished (however it ended). */
  enqueue(runId: number, work: RunWork): Promise<void> {
    if (this.closed) return Promise.resolve();
    const controller = new AbortController();
    this.controllers.set(runId, controller);
    const finished = this.tail.then(async () => {
      try {
        await work(controller.signal);
      } catch {
        // The work records its own failure; nothing may escape into an unhandled rejection.
      } finally {
        this.controllers.delete(runId);
        this.done.delete(runId);
      }
    });
    this.tail = finished;
    this.done.set(runId, finished);
    for (const listener of this.listeners) listener(runId);
    return finished;
  }

  /** Whether this process has the run waiting or running. */
  isActive(runId: number): boolean {
    return this.controllers.has(runId);
  }

  /** Fires the run's cancel signal; false when this process does not hold it. */
  cancel(runId: number): boolean {
    const controller = this.controllers.get(runId);
    if (!controller) return false;
    controller.abort(new Error('cancelled'));
    return true;
  }

  /** Resolves when the run has finished (at once when it is not queued here). */
  async whenFinished(runId: number): Promise<void> {
    await this.done.get(runId);
  }

  /** Resolves when every queued run has finished. */
  async idle(): Promise<void> {
    let tail;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }

  /**
   * On PostgreSQL, takes this process's runner lock (see RunnerLock) and stamps later runs
   * with its key, so a process starting elsewhere leaves them alone while this one lives.
   */
  async holdRunnerLock(database: Database): Promise<void> {
    if (database.engine !== 'postgres' || this.runnerLock) return;
    this.runnerLock = await RunnerLock.acquire(database);
    this.runnerKey = this.runnerLock.key;
  }

  /** Cancels everything and waits for the running run to stop; later enqueues are ignored. */
  async close(): Promise<void> {
    this.closed = true;
    for (const controller of this.controllers.values()) controller.abort(new Error('shutting down'));
    await this.idle();
    await this.runnerLock?.release();
    this.runnerLock = undefined;
  }
}
