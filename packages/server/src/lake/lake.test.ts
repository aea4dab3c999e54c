import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LakeError } from './errors.js';
import { LAKE_ENGINES, type Lake, type LakeColumn, type LakeTableDef } from './lake.js';
import { createTestLake, testDatabaseUrl } from '../testing/test-lake.js';

// Throws when QF_REQUIRE_POSTGRES=1 and no server is configured, so CI cannot skip silently.
const postgresUrl = testDatabaseUrl();

const PEOPLE: LakeTableDef = {
  name: 'people',
  columns: [
    { name: 'id', type: 'bigint', nullable: false },
    { name: 'name', type: 'text' },
    { name: 'amount', type: 'decimal', precision: 18, scale: 2 },
  ],
  primaryKey: ['id'],
};

/** Rows for PEOPLE, ids from `firstId`; throws instead of yielding row number `failAfter`. */
async function* generateRows(count: number, failAfter?: number, firstId = 0): AsyncGenerator<unknown[]> {
  for (let i = 0; i < count; i += 1) {
    if (i === failAfter) throw new Error(`source failed after ${failAfter} rows`);
    // Await now and then, as a file or network source would.
    if (i % 1_000 === 0) await Promise.resolve();
    const id = firstId + i;
    yield [id, `person ${id}`, `${id}.25`];
  }
}

async function countRows(lake: Lake, table: string): Promise<number> {
  const rows = await lake.query<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`);
  return rows[0]?.n ?? -1;
}

async function expectLakeError(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LakeError);
  expect((error as LakeError).code).toBe(code);
}

for (const engine of LAKE_ENGINES) {
  describe.skipIf(engine === 'postgres' && postgresUrl === undefined)(`lake on ${engine}`, () => {
    let lake: Lake;
    let cleanup: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ lake, cleanup } = await createTestLake(engine));
    });
    afterAll(async () => {
      await cleanup?.();
    });

    it('reports the engine it runs on', () => {
      expect(lake.engine).toBe(engine);
    });

    it('creates, finds and drops a table, each idempotently', async () => {
      const def = { ...PEOPLE, name: 'idempotent' };
      expect(await lake.hasTable('idempotent')).toBe(false);
      await lake.createTable(def);
      await lake.createTable(def);
      expect(await lake.hasTable('idempotent')).toBe(true);
      await lake.dropTable('idempotent');
      await lake.dropTable('idempotent');
      expect(await lake.hasTable('idempotent')).toBe(false);
    });

    it('binds values as parameters, so quotes and SQL in values stay data', async () => {
      await lake.createTable({ ...PEOPLE, name: 'binding' });
      const hostile = ['O\'Brien "the" \\ back\tslash\n', "'; drop table binding; --"];
      for (const [i, name] of hostile.entries()) {
        expect(await lake.execute('INSERT INTO binding (id, name) VALUES ($1, $2)', [i, name])).toBe(1);
      }
      await lake.appendRows(
        'binding',
        ['id', 'name'],
        [
          [10, hostile[0]],
          [11, hostile[1]],
        ],
      );
      expect(await lake.hasTable('binding')).toBe(true);
      const rows = await lake.query<{ id: number; name: string }>(
        'SELECT id, name FROM binding WHERE name = $1 ORDER BY id',
        [hostile[1]],
      );
      expect(rows).toEqual([
        { id: 1, name: hostile[1] },
        { id: 11, name: hostile[1] },
      ]);
      const copied = await lake.query<{ name: string }>('SELECT name FROM binding WHERE id = $1', [10]);
      expect(copied).toEqual([{ name: hostile[0] }]);
    });

    it('streams 100k rows from an async generator in one append', async () => {
      await lake.createTable({ ...PEOPLE, name: 'bulk' });
      const started = performance.now();
      const appended = await lake.appendRows('bulk', ['id', 'name', 'amount'], generateRows(100_000));
      const seconds = (performance.now() - started) / 1000;
      // eslint-disable-next-line no-console -- the throughput is worth seeing in every run
      console.log(
        `[lake ${engine}] appended 100000 rows in ${seconds.toFixed(2)} s = ${Math.round(100_000 / seconds)} rows/s`,
      );
      expect(appended).toBe(100_000);
      expect(await countRows(lake, 'bulk')).toBe(100_000);
      const sum = await lake.query<{ total: string }>('SELECT sum(amount) AS total FROM bulk');
      expect(sum).toEqual([{ total: '4999975000.00' }]);
    });

    it('appends nothing when the input fails part-way (after 5,000 rows)', async () => {
      await lake.createTable({ ...PEOPLE, name: 'atomic' });
      await lake.appendRows('atomic', ['id', 'name', 'amount'], generateRows(10));
      await expect(lake.appendRows('atomic', ['id', 'name', 'amount'], generateRows(20_000, 5_000))).rejects.toThrow(
        'source failed after 5000 rows',
      );
      expect(await countRows(lake, 'atomic')).toBe(10);
    });

    it('appends nothing when the engine rejects a row part-way', async () => {
      await lake.createTable({ ...PEOPLE, name: 'atomic_engine' });
      async function* badRowLate(): AsyncGenerator<unknown[]> {
        yield* generateRows(5_000);
        yield [5_000, 'bad amount', 'not a number'];
      }
      await expect(lake.appendRows('atomic_engine', ['id', 'name', 'amount'], badRowLate())).rejects.toThrow();
      expect(await countRows(lake, 'atomic_engine')).toBe(0);
      // The lake is still usable after the failure.
      expect(await lake.appendRows('atomic_engine', ['id', 'name'], [[1, 'ok']])).toBe(1);
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      await lake.createTable({ ...PEOPLE, name: 'tx' });
      const result = await lake.transaction(async (tx) => {
        await tx.execute('INSERT INTO tx (id, name) VALUES ($1, $2)', [1, 'kept']);
        await tx.appendRows('tx', ['id', 'name'], [[2, 'kept too']]);
        return (await tx.query<{ n: number }>('SELECT count(*) AS n FROM tx'))[0]?.n;
      });
      expect(result).toBe(2);
      await expect(
        lake.transaction(async (tx) => {
          await tx.execute('INSERT INTO tx (id, name) VALUES ($1, $2)', [3, 'discarded']);
          await tx.appendRows('tx', ['id', 'name', 'amount'], generateRows(1_000, undefined, 100));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await countRows(lake, 'tx')).toBe(2);
    });

    it('rolls back a transaction whose failed statement was caught', async () => {
      await lake.createTable({ ...PEOPLE, name: 'spoilt' });
      await expect(
        lake.transaction(async (tx) => {
          await tx.execute('INSERT INTO spoilt (id) VALUES ($1)', [1]);
          await tx.execute('INSERT INTO no_such_table (id) VALUES ($1)', [1]).catch(() => undefined);
          await expect(tx.query('SELECT 1 AS one')).rejects.toMatchObject({ code: 'LAKE_TX_SPOILT' });
          return 'done';
        }),
      ).rejects.toThrow();
      expect(await countRows(lake, 'spoilt')).toBe(0);
    });

    it('rejects writes through the lake from inside its own transaction', async () => {
      await expectLakeError(
        lake.transaction(async () => lake.execute('SELECT 1')),
        'LAKE_NESTED_WRITE',
      );
    });

    it('round-trips every column type, null included, to the same JS shapes', async () => {
      await lake.createTable({
        name: 'types',
        columns: [
          { name: 'k', type: 'integer' },
          { name: 't', type: 'text' },
          { name: 'big', type: 'bigint' },
          { name: 'dbl', type: 'double' },
          { name: 'dec', type: 'decimal', precision: 20, scale: 4 },
          { name: 'flag', type: 'boolean' },
          { name: 'day', type: 'date' },
          { name: 'happened_at', type: 'timestamp' },
        ],
      });
      const columns = ['k', 't', 'big', 'dbl', 'dec', 'flag', 'day', 'happened_at'];
      await lake.appendRows('types', columns, [
        [
          1,
          '清风',
          9_007_199_254_740_993n,
          0.1,
          '12345678.9012',
          true,
          '2024-02-29',
          new Date('2024-03-01T02:03:04.567Z'),
        ],
        [2, '', 42, -1.5, 0.5, false, new Date('2023-12-31T00:00:00Z'), '2024-03-01 10:03:04.567+08:00'],
        [3, null, null, null, null, null, null, null],
      ]);
      await lake.execute('INSERT INTO types (k, big, dec, flag, day, happened_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        4,
        -9_007_199_254_740_993n,
        '-0.0001',
        true,
        '1969-07-20',
        new Date('1969-07-20T20:17:40Z'),
      ]);
      const rows = await lake.query(`SELECT ${columns.join(', ')} FROM types ORDER BY k`);
      const empty = { k: 3, t: null, big: null, dbl: null, dec: null, flag: null, day: null, happened_at: null };
      expect(rows).toEqual([
        {
          k: 1,
          t: '清风',
          big: '9007199254740993',
          dbl: 0.1,
          dec: '12345678.9012',
          flag: true,
          day: '2024-02-29',
          happened_at: '2024-03-01T02:03:04.567Z',
        },
        {
          k: 2,
          t: '',
          big: 42,
          dbl: -1.5,
          dec: '0.5000',
          flag: false,
          day: '2023-12-31',
          happened_at: '2024-03-01T02:03:04.567Z',
        },
        empty,
        {
          ...empty,
          k: 4,
          big: '-9007199254740993',
          dec: '-0.0001',
          flag: true,
          day: '1969-07-20',
          happened_at: '1969-07-20T20:17:40.000Z',
        },
      ]);
      const filtered = await lake.query('SELECT k FROM types WHERE happened_at = $1 AND day = $2', [
        new Date('2024-03-01T02:03:04.567Z'),
        '2023-12-31',
      ]);
      expect(filtered).toEqual([{ k: 2 }]);
      expect(await lake.query('SELECT count(*) AS n, sum(k) AS s FROM types')).toEqual([{ n: 4, s: 10 }]);
    });

    it('fills columns left out of an append with null', async () => {
      await lake.createTable({ ...PEOPLE, name: 'partial' });
      await lake.appendRows('partial', ['name', 'id'], [['only a name', 7]]);
      expect(await lake.query('SELECT id, name, amount FROM partial')).toEqual([
        { id: 7, name: 'only a name', amount: null },
      ]);
    });

    it('serves reads during an append, without showing its rows before commit', async () => {
      await lake.createTable({ ...PEOPLE, name: 'isolated' });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let reachedGate!: () => void;
      const halfway = new Promise<void>((resolve) => (reachedGate = resolve));
      async function* pausedSource(): AsyncGenerator<unknown[]> {
        yield* generateRows(5_000);
        reachedGate();
        await gate;
        yield* generateRows(5_000, undefined, 5_000);
      }
      const appending = lake.appendRows('isolated', ['id', 'name', 'amount'], pausedSource());
      await halfway;
      expect(await countRows(lake, 'isolated')).toBe(0);
      release();
      expect(await appending).toBe(10_000);
      expect(await countRows(lake, 'isolated')).toBe(10_000);
      expect(await lake.appendRows('isolated', ['id'], [])).toBe(0);
    });

    it('serialises concurrent appends without losing rows', async () => {
      await lake.createTable({ ...PEOPLE, name: 'concurrent' });
      const counts = await Promise.all(
        [0, 1, 2].map((i) =>
          lake.appendRows('concurrent', ['id', 'name', 'amount'], generateRows(3_000, undefined, i * 3_000)),
        ),
      );
      expect(counts).toEqual([3_000, 3_000, 3_000]);
      expect(await countRows(lake, 'concurrent')).toBe(9_000);
    });

    it('rejects invalid identifiers before asking the engine', async () => {
      const column = { name: 'a', type: 'text' as const };
      await expectLakeError(lake.createTable({ name: 'People', columns: [column] }), 'LAKE_INVALID_IDENTIFIER');
      await expectLakeError(
        lake.createTable({ name: 'x; drop table people', columns: [column] }),
        'LAKE_INVALID_IDENTIFIER',
      );
      await expectLakeError(
        lake.createTable({ name: 'ok', columns: [{ name: 'a b', type: 'text' }] }),
        'LAKE_INVALID_IDENTIFIER',
      );
      await expectLakeError(lake.createTable({ name: 'x'.repeat(64), columns: [column] }), 'LAKE_INVALID_IDENTIFIER');
      await expectLakeError(lake.hasTable('1abc'), 'LAKE_INVALID_IDENTIFIER');
      await expectLakeError(lake.dropTable('"quoted"'), 'LAKE_INVALID_IDENTIFIER');
      await expectLakeError(lake.appendRows('people"--', ['a'], []), 'LAKE_INVALID_IDENTIFIER');
      await expectLakeError(lake.appendRows('ok', ['A'], []), 'LAKE_INVALID_IDENTIFIER');
      expect(await lake.hasTable('ok')).toBe(false);
    });

    it('rejects an append naming a column the table lacks', async () => {
      await lake.createTable({ ...PEOPLE, name: 'unknown_column' });
      await expectLakeError(lake.appendRows('unknown_column', ['id', 'nickname'], [[1, 'x']]), 'LAKE_UNKNOWN_COLUMN');
    });

    it('rejects a row whose length differs from the column list, appending nothing', async () => {
      await lake.createTable({ ...PEOPLE, name: 'ragged' });
      await expectLakeError(
        lake.appendRows(
          'ragged',
          ['id', 'name'],
          [
            [1, 'a'],
            [2, 'b', 'extra'],
          ],
        ),
        'LAKE_INVALID_VALUE',
      );
      expect(await countRows(lake, 'ragged')).toBe(0);
    });

    it('keeps a text column with a closed set of values (DuckDB: to those values), read back as text', async () => {
      const id: LakeColumn = { name: 'id', type: 'integer' };
      const sex: LakeColumn = { name: 'sex', type: 'text', values: ['male', 'female'] };
      const def = { name: 'closed', columns: [id, sex] };
      await lake.createTable(def);
      expect(
        await lake.appendRows(
          'closed',
          ['id', 'sex'],
          [
            [1, 'male'],
            [2, null],
            [3, 'female'],
          ],
        ),
      ).toBe(3);
      await lake.execute(`INSERT INTO closed (id, sex) SELECT 4, $1`, ['male']);
      const rows = await lake.query<{ sex: unknown }>(`SELECT sex FROM closed ORDER BY sex, id`);
      // Sorted as text would be, NULL last on both engines.
      expect(rows.map((r) => r.sex)).toEqual(['female', 'male', 'male', null]);
      expect(await lake.query(`SELECT id FROM closed WHERE sex = $1 ORDER BY id`, ['male'])).toEqual([
        { id: 1 },
        { id: 4 },
      ]);
      if (engine === 'duckdb') {
        await expect(lake.appendRows('closed', ['id', 'sex'], [[5, 'other']])).rejects.toThrow();
        await expect(lake.execute(`INSERT INTO closed (id, sex) VALUES (6, 'Male')`)).rejects.toThrow();
        expect(await countRows(lake, 'closed')).toBe(4);
      }
      // A later definition with another set: the table takes it and keeps its rows.
      await lake.createTable({ ...def, columns: [id, { ...sex, values: ['female', 'male', 'x'] }] });
      await lake.execute(`INSERT INTO closed (id, sex) VALUES (7, 'x')`);
      const after = await lake.query<{ sex: unknown }>(`SELECT sex FROM closed ORDER BY id`);
      expect(after.map((r) => r.sex)).toEqual(['male', null, 'female', 'male', 'x']);
      for (const values of [[], ['a', 'a'], ['女'], ['']]) {
        await expectLakeError(
          lake.createTable({ name: 'closed_bad', columns: [{ name: 'x', type: 'text', values }] }),
          'LAKE_INVALID_DEFINITION',
        );
      }
      await expectLakeError(
        lake.createTable({ name: 'closed_bad', columns: [{ name: 'x', type: 'integer', values: ['1'] }] }),
        'LAKE_INVALID_DEFINITION',
      );
    });

    it('rejects a value of the wrong kind, appending nothing', async () => {
      await lake.createTable({ ...PEOPLE, name: 'wrong_kind' });
      await expectLakeError(
        lake.appendRows(
          'wrong_kind',
          ['id', 'name'],
          [
            [1, 'a'],
            [2, { not: 'text' }],
          ],
        ),
        'LAKE_INVALID_VALUE',
      );
      expect(await countRows(lake, 'wrong_kind')).toBe(0);
    });
  });
}
