import { describe, expect, it } from 'vitest';
import {
  birthDateInIdNumber,
  isBirthDateKey,
  isIdRegionKey,
  maskBirthDate,
  maskDatesInText,
  maskIdRegion,
  maskRegionsInText,
} from './derived.js';
import { maskAccountNumber } from './mask.js';

describe('masking what an identity number gives away', () => {
  it('reads the birth date out of an 18-digit identity number, and nothing out of anything else', () => {
    expect(birthDateInIdNumber('33019919431025414X')).toBe('1943-10-25');
    expect(birthDateInIdNumber('91330100MA2XXXXX1A')).toBeUndefined();
    expect(birthDateInIdNumber('330***********4148')).toBeUndefined();
  });

  it('stars a birth date whole: the mask hides its year too', () => {
    expect(maskBirthDate('1943-10-25')).toBe('****-**-**');
    expect(maskBirthDate('not a date')).toBe('**********');
  });

  it('keeps of a region of issue only the three digits the mask keeps, in values and in text', () => {
    expect(['id_region', 'relative_id_region', 'id.region', 'region'].every(isIdRegionKey)).toBe(true);
    expect(['regional_office', 'division'].some(isIdRegionKey)).toBe(false);
    expect(maskIdRegion('330106')).toBe('330***');
    expect(maskIdRegion('330106000000')).toBe('330*********');
    expect(maskRegionsInText('籍贯330106，户籍330106000000，西湖区；金额3301060', ['330106'], ['西湖区'])).toBe(
      '籍贯330***，户籍330*********，***；金额3301060',
    );
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
    for (const form of forms) expect(maskDatesInText(`出生${form}，`, ['1943-10-25'])).toBe('出生****-**-**，');
    expect(maskDatesInText('1943年3月5日 1943-03-05 1943-3-5', ['1943-03-05'])).toBe(
      '****-**-** ****-**-** ****-**-**',
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
