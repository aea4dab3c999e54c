import { describe, expect, it } from 'vitest';
import { keysetPagesDesc } from './keyset-pages.js';

/** A table of rows with these ids, paged as a repository's query would page it. */
function fakeTable(ids: number[]) {
  const calls: (number | undefined)[] = [];
  const fetchPage = (beforeId: number | undefined, limit: number) => {
    calls.push(beforeId);
    const rows = ids
      .filter((id) => beforeId === undefined || id < beforeId)
      .sort((a, b) => b - a)
      .slice(0, limit)
      .map((id) => ({ id }));
    return Promise.resolve(rows);
  };
  return { calls, fetchPage };
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('keysetPagesDesc', () => {
  it('yields every row once, highest id first, each page starting below the last id seen', async () => {
    const table = fakeTable([3, 9, 1, 7, 5]);
    const rows = await collect(keysetPagesDesc(2, table.fetchPage));
    expect(rows.map((r) => r.id)).toEqual([9, 7, 5, 3, 1]);
    expect(table.calls).toEqual([undefined, 7, 3]);
  });

  it('stops after an empty page when the rows fill the last page exactly', async () => {
    const table = fakeTable([4, 3, 2, 1]);
    const rows = await collect(keysetPagesDesc(2, table.fetchPage));
    expect(rows.map((r) => r.id)).toEqual([4, 3, 2, 1]);
    expect(table.calls).toEqual([undefined, 3, 1]);
  });

  it('asks once when nothing matches', async () => {
    const table = fakeTable([]);
    expect(await collect(keysetPagesDesc(2, table.fetchPage))).toEqual([]);
    expect(table.calls).toEqual([undefined]);
  });
});
