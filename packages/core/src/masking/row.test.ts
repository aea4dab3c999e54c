import { describe, expect, it } from 'vitest';
import { maskBirthDatesInRecord, maskRowValue } from './row.js';

describe('masking a row for a masked view', () => {
  const hidden = ['1943-10-25'];

  it('keeps the last four of phones and accounts and the year of a birth date', () => {
    expect(maskRowValue('phone', 'phone', '13812345678', hidden)).toBe('138****5678');
    expect(maskRowValue('account_no', 'account', '6222021234567890123', hidden)).toBe('***************0123');
    expect(maskRowValue('birth_date', 'date', '1950-01-02', hidden)).toBe('1950-**-**');
    expect(maskRowValue('id_birth_date', undefined, '1943-10-25', hidden)).toBe('1943-**-**');
  });

  it('hides a masked number’s birth date in any field, as text or as a number, and nothing else', () => {
    expect(maskRowValue('remark', 'text', '生于1943年10月25日', hidden)).toBe('生于1943-**-**');
    expect(maskRowValue('start_date', 'date', '1943-10-25', hidden)).toBe('1943-**-**');
    expect(maskRowValue('code', 'int', 19431025, hidden)).toBe('1943-**-**');
    expect(maskRowValue('pay_date', 'date', '2024-10-25', hidden)).toBe('2024-10-25');
    expect(maskRowValue('amount', 'money', 1200, hidden)).toBe(1200);
  });

  it('masks birth dates in facts and reports them for the explanation', () => {
    const { masked, birthDates } = maskBirthDatesInRecord(
      { birth_date: '1950-01-02', age: 59, note: 'born 19431025', period: '2024-05' },
      hidden,
    );
    expect(masked).toEqual({ birth_date: '1950-**-**', age: 59, note: 'born 1943-**-**', period: '2024-05' });
    expect(birthDates).toEqual(['1950-01-02']);
  });
});
