import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPersonalDataInText, maskPhone } from './mask.js';

describe('masking', () => {
  it('keeps the region and last four digits of an identity number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('keeps the carrier prefix and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps only the family name', () => {
    expect(maskName('张三丰')).toBe('张**');
  });
  it('masks numbers inside free text', () => {
    expect(maskPersonalDataInText('用户11010519491231002X 电话13812345678')).toBe(
      '用户110105********002X 电话138****5678',
    );
  });
});
