import { describe, expect, it } from 'vitest';
import { warningExportUrl } from './warnings';

describe('warningExportUrl', () => {
  it('exports what the list shows: every filter, the date range included', () => {
    const url = warningExportUrl(
      'csv',
      {
        modelId: 'W01',
        severity: 'red',
        status: 'new',
        category: 'A',
        division: '110101001',
        retired: 'include',
        from: '2024-01-01',
        to: '2024-03-31',
      },
      'en',
    );
    expect(Object.fromEntries(new URL(url, 'http://console').searchParams)).toEqual({
      format: 'csv',
      modelId: 'W01',
      severity: 'red',
      status: 'new',
      category: 'A',
      division: '110101001',
      retired: 'include',
      from: '2024-01-01',
      to: '2024-03-31',
      lang: 'en',
    });
  });
});
