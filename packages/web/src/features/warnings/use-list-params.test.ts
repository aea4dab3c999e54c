import { describe, expect, it } from 'vitest';
import { readListParams, writeListParams } from './use-list-params';

describe('the warning list in the URL', () => {
  it('reads every filter the overview links with, under the API names', () => {
    const list = readListParams(
      new URLSearchParams(
        'severity=red&status=open&modelId=W01&category=A&division=110101&from=2024-01-01&to=2024-03-31&retired=include&page=3&pageSize=50&sort=-firstSeenAt',
      ),
    );
    expect(list).toEqual({
      filter: {
        severity: 'red',
        status: 'open',
        modelId: 'W01',
        category: 'A',
        division: '110101',
        retired: 'include',
        from: '2024-01-01',
        to: '2024-03-31',
      },
      page: 3,
      pageSize: 50,
      sort: '-firstSeenAt',
    });
  });

  it('drops what is not a known value, so a doctored link shows the plain list', () => {
    const list = readListParams(
      new URLSearchParams('severity=purple&status=x&division=11%25&from=yesterday&page=-2&pageSize=7&sort=-password'),
    );
    expect(list).toEqual({ filter: {}, page: 1, pageSize: 20, sort: undefined });
  });

  it('writes what it reads, defaults left out', () => {
    const list = {
      filter: { severity: 'orange' as const, modelId: 'W02' },
      page: 2,
      pageSize: 20,
      sort: 'status' as const,
    };
    const params = writeListParams(list);
    expect(params.toString()).toBe('severity=orange&modelId=W02&sort=status&page=2');
    expect(readListParams(params)).toEqual(list);
    expect(writeListParams({ filter: {}, page: 1, pageSize: 20 }).toString()).toBe('');
  });

  it('keeps the position of a page reached by Next or Previous, never on page 1, and drops a doctored one', () => {
    const next = { filter: {}, page: 4, pageSize: 20, after: 'WyItaWQiLCIxMiIsMTJd' };
    expect(writeListParams(next).toString()).toBe('page=4&after=WyItaWQiLCIxMiIsMTJd');
    expect(readListParams(writeListParams(next))).toEqual(next);
    expect(readListParams(new URLSearchParams('page=3&before=abc_-1'))).toEqual({
      filter: {},
      page: 3,
      pageSize: 20,
      before: 'abc_-1',
    });
    expect(readListParams(new URLSearchParams('after=abc'))).toEqual({ filter: {}, page: 1, pageSize: 20 });
    expect(readListParams(new URLSearchParams('page=2&after=a%20b')).after).toBeUndefined();
    expect(writeListParams({ ...next, page: 1 }).toString()).toBe('');
  });
});
