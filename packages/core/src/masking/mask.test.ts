import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPersonalDataInText, maskPhone } from './mask.js';

describe('masking', () => {
  it('keeps the first three and last four digits of an identity number', () => {
    expect(maskIdNumber('110105194912310024')).toBe('110***********0024');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('110105491231002')).toBe('110********1002');
    expect(maskIdNumber('1234567')).toBe('*******');
  });
  it('keeps the carrier prefix and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps only the family name', () => {
    expect(maskName('张三丰')).toBe('张**');
  });
  it('masks numbers inside free text', () => {
    expect(maskPersonalDataInText('用户11010519491231002X 电话13812345678')).toBe(
      '用户110***********002X 电话138****5678',
    );
  });
});
