import { describe, expect, it } from 'vitest';
import { birthDateInIdNumber, isBirthDateKey, maskBirthDate, maskDatesInText } from './derived.js';
import { maskAccountNumber } from './mask.js';

describe('masking what an identity number gives away', () => {
  it('reads the birth date out of an 18-digit identity number, and nothing out of anything else', () => {
    expect(birthDateInIdNumber('33019919431025414X')).toBe('1943-10-25');
    expect(birthDateInIdNumber('91330100MA2XXXXX1A')).toBeUndefined();
    expect(birthDateInIdNumber('330199********4148')).toBeUndefined();
  });

  it('keeps only the year of a birth date', () => {
    expect(maskBirthDate('1943-10-25')).toBe('1943-**-**');
  });

  it('hides a date in every common written form, and leaves other dates and longer numbers alone', () => {
    const forms = [
      '19431025',
      '431025',
      '1943-10-25',
      '1943/10/25',
      '1943.10.25',
      '1943 - 10 - 25',
      '1943年10月25日',
      '1943 年 10 月 25 日',
      '25.10.1943',
      '10/25/1943',
    ];
    for (const form of forms) expect(maskDatesInText(`出生${form}，`, ['1943-10-25'])).toBe('出生1943-**-**，');
    expect(maskDatesInText('1943年3月5日 1943-03-05 1943-3-5', ['1943-03-05'])).toBe(
      '1943-**-** 1943-**-** 1943-**-**',
    );
    expect(maskDatesInText('paid 2024-10-25, id 3301991943102541', ['1943-10-25'])).toBe(
      'paid 2024-10-25, id 3301991943102541',
    );
  });

  it('knows the keys that name a birth date', () => {
    expect(['birth_date', 'id_birth_date', 'birthday', 'date_of_birth', 'dob'].every(isBirthDateKey)).toBe(true);
    expect(['death_date', 'pay_date', 'dobbin'].some(isBirthDateKey)).toBe(false);
  });

  it('keeps the last four characters of an account number', () => {
    expect(maskAccountNumber('6222021234567890123')).toBe('***************0123');
    expect(maskAccountNumber('123')).toBe('***');
  });
});
