import { LakeError } from './errors.js';
import type { LakeRows, LakeTx } from './lake.js';
import { Mutex } from './mutex.js';

/**
 * Runs fn with a guarded handle over `inner`, the statements of one transaction's
 * connection (see createTxScope), and settles only once the statement running now has
 * finished. Rejects with the first failed statement's error even when fn caught it, so
 * the caller rolls the transaction back instead of committing half the work.
 */
export async function runInTxScope<T>(inner: LakeTx, fn: (tx: LakeTx) => Promise<T>): Promise<T> {
  const scope = createTxScope(inner);
  let result: T;
  try {
    result = await fn(scope.tx);
  } finally {
    await scope.finish();
  }
  if (scope.spoilt) throw scope.spoiltBy;
  return result;
}

/** A transaction handle plus what the owner needs to finish it. */
interface TxScope {
  readonly tx: LakeTx;
  /** Whether a statement inside failed. */
  readonly spoilt: boolean;
  /** The first error a statement inside raised. */
  readonly spoiltBy: unknown;
  /**
   * Ends the handle and waits for the statement running now: statements queued but not
   * started (fn did not await them) reject rather than run after COMMIT or ROLLBACK.
   */
  finish(): Promise<void>;
}

/**
 * Wraps the statements of one transaction's connection. Statements run one at a time
 * (a connection runs one statement at once; `Promise.all` over `tx.query` must not
 * interleave with an append), and the first failure spoils the transaction, so that a
 * caught error cannot lead to committing half the work on either engine.
 */
function createTxScope(inner: LakeTx): TxScope {
  const mutex = new Mutex();
  let spoiltBy: unknown;
  let spoilt = false;
  let ended = false;

  const guarded = <T>(fn: () => Promise<T>): Promise<T> =>
    mutex.run(async () => {
      if (ended) throw new LakeError('LAKE_CLOSED', 'The transaction has already finished');
      if (spoilt) {
        throw new LakeError(
          'LAKE_TX_SPOILT',
          'An earlier statement in this transaction failed; it will be rolled back',
          {
            cause: spoiltBy,
          },
        );
      }
      try {
        return await fn();
      } catch (error) {
        spoilt = true;
        spoiltBy = error;
        throw error;
      }
    });

  // Each fetch is one guarded statement: a failed fetch spoils the transaction like any other.
  async function* guardedBatches(open: () => AsyncIterator<unknown[][]>): AsyncGenerator<unknown[][]> {
    const batches = await guarded(async () => open());
    try {
      for (;;) {
        const step = await guarded(() => batches.next());
        if (step.done === true) return;
        yield step.value;
      }
    } finally {
      await batches.return?.();
    }
  }

  const tx: LakeTx = {
    query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => guarded(() => inner.query<T>(sql, params)),
    execute: (sql: string, params?: unknown[]) => guarded(() => inner.execute(sql, params)),
    appendRows: (table: string, columns: string[], rows: LakeRows) =>
      guarded(() => inner.appendRows(table, columns, rows)),
    streamRows: (sql: string, params: unknown[], batchRows: number) =>
      guardedBatches(() => inner.streamRows(sql, params, batchRows)[Symbol.asyncIterator]()),
  };
  return {
    tx,
    get spoilt() {
      return spoilt;
    },
    get spoiltBy() {
      return spoiltBy;
    },
    async finish() {
      ended = true;
      await mutex.run(() => Promise.resolve());
    },
  };
}
