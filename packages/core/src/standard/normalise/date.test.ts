import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDate } from './date.js';
import { normaliseDateTime } from './datetime.js';
import { excelSerialToParts } from './excel-serial.js';
import { normaliseMonth } from './month.js';

const value = (r: { ok: boolean; value?: unknown }): unknown => (r.ok ? r.value : undefined);

/** Days since 1899-12-30, as Excel counts them past its phantom 1900-02-29. */
function excelSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

describe('normaliseDate', () => {
  it.each([
    '2024-03-05',
    '2024/3/5',
    '20240305',
    '2024年3月5日',
    '2024.3.5',
    '2024-3-5',
    '２０２４－０３－０５',
    '45356',
    ' 2024 年 3 月 5 日 ',
  ])('reads %s as 2024-03-05', (raw) => {
    expect(normaliseDate(raw)).toEqual({ ok: true, value: '2024-03-05' });
  });

  it('keeps the Shanghai calendar day of a value that carries a time', () => {
    expect(value(normaliseDate('2024-03-05 23:30:00'))).toBe('2024-03-05');
    expect(value(normaliseDate('2024-03-05T16:30:00Z'))).toBe('2024-03-06');
  });

  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '20230229'])('refuses the impossible date %s', (raw) => {
    const r = normaliseDate(raw);
    expect(!r.ok && r.reason.zh).toContain('不存在');
  });

  it('refuses a bare year instead of reading it as an Excel serial', () => {
    expect(normaliseDate('2024').ok).toBe(false);
  });

  it('treats 29 February 2024 as real and lists accepted forms for nonsense', () => {
    expect(value(normaliseDate('2024-02-29'))).toBe('2024-02-29');
    const r = normaliseDate('next Tuesday');
    expect(!r.ok && r.reason.zh).toContain('2024年3月5日');
  });

  it('reads every accepted form of the same day as the same ISO date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1928-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true }),
        (when) => {
          const iso = when.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
          const forms = [
            iso,
            `${y}/${m}/${d}`,
            iso.replace(/-/g, ''),
            `${y}年${m}月${d}日`,
            `${y}.${m}.${d}`,
            String(excelSerial(y, m, d)),
            `${iso} 12:00`,
          ];
          for (const form of forms) expect(normaliseDate(form), form).toEqual({ ok: true, value: iso });
        },
      ),
    );
  });
});

describe('excelSerialToParts', () => {
  it('follows Excel: serial 1 is 1900-01-01, 61 is 1900-03-01 and 60 (1900-02-29) does not exist', () => {
    expect(excelSerialToParts(1)).toMatchObject({ year: 1900, month: 1, day: 1 });
    expect(excelSerialToParts(61)).toMatchObject({ year: 1900, month: 3, day: 1 });
    expect(excelSerialToParts(60)).toBeNull();
    expect(excelSerialToParts(45356.75)).toEqual({ year: 2024, month: 3, day: 5, hour: 18, minute: 0, second: 0 });
  });
});

describe('normaliseDateTime', () => {
  it.each([
    ['2024-03-05 14:30', '2024-03-05T14:30:00+08:00'],
    ['2024/3/5 9:05:07', '2024-03-05T09:05:07+08:00'],
    ['2024年3月5日 14:30:00', '2024-03-05T14:30:00+08:00'],
    ['2024-03-05T06:30:00Z', '2024-03-05T14:30:00+08:00'],
    ['2024-03-05T14:30:00+08:00', '2024-03-05T14:30:00+08:00'],
    ['45356.75', '2024-03-05T18:00:00+08:00'],
    ['2024-03-05', '2024-03-05T00:00:00+08:00'],
  ])('reads %s as %s', (raw, iso) => {
    expect(normaliseDateTime(raw)).toEqual({ ok: true, value: iso });
  });

  it('knows China kept summer time in 1986–1991', () => {
    expect(value(normaliseDateTime('1990-07-01 12:00'))).toBe('1990-07-01T12:00:00+09:00');
  });

  it.each(['2024-03-05 24:00', '2024-03-05 12:60', '2023-02-29 10:00'])('refuses %s', (raw) => {
    expect(normaliseDateTime(raw).ok).toBe(false);
  });
});

describe('normaliseMonth', () => {
  it.each(['2024-03', '202403', '2024年3月', '2024/3', '2024.03', '2024年03月份', '2024-03-01'])(
    'reads %s as 2024-03',
    (raw) => {
      expect(normaliseMonth(raw)).toEqual({ ok: true, value: '2024-03' });
    },
  );

  it('refuses month 13', () => {
    expect(normaliseMonth('202413').ok).toBe(false);
  });
});
