import type { AppServices } from '../app/app-services.js';
import type { Lake, LakeTx } from '../lake/index.js';

/** A model query held at the lake's door until the test lets it through. */
export interface HeldModelQuery {
  /** Resolves when the held query has arrived (every model before it has finished). */
  readonly reached: Promise<void>;
  release(): void;
  /** Puts the real lake back. */
  restore(): void;
}

// A compiled model's SQL always names its output column hit_key; other lake reads do not.
const isModelQuery = (sql: string) => sql.includes('hit_key');

/**
 * Holds the `nth` model query the platform sends to its lake (models run through
 * `queryUntrusted`; `query` and transactions are gated as well) until `release()`, so a test can act between
 * two models of a run, which on small fixtures otherwise finish faster than a poll can see.
 * The queries themselves run on the real lake.
 */
export function holdModelQuery(services: AppServices, nth: number): HeldModelQuery {
  const lake = services.lake;
  let seen = 0;
  let arrive = () => {};
  let release = () => {};
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const gate = async (sql: string) => {
    if (!isModelQuery(sql) || ++seen !== nth) return;
    arrive();
    await released;
  };
  // The lake, and each of its transactions, with `query` gated and every other member as is.
  const withGatedQuery = <T extends Lake | LakeTx>(target: T, extra?: (prop: string | symbol) => unknown): T =>
    new Proxy(target, {
      get(object, prop) {
        if (prop === 'query' || prop === 'queryUntrusted') {
          return async (sql: string, ...rest: unknown[]) => {
            await gate(sql);
            const query = Reflect.get(object, prop, object) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
            return query.call(object, sql, ...rest);
          };
        }
        const replaced = extra?.(prop);
        if (replaced !== undefined) return replaced;
        const value: unknown = Reflect.get(object, prop, object);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(object) : value;
      },
    });
  const gated = withGatedQuery(lake, (prop) =>
    prop === 'transaction'
      ? <T>(work: (tx: LakeTx) => Promise<T>) => lake.transaction((tx) => work(withGatedQuery(tx)))
      : undefined,
  );
  const writable = services as { lake: Lake };
  writable.lake = gated;
  return { reached, release, restore: () => (writable.lake = lake) };
}
