import { describe, expect, it } from 'vitest';
import { findDataset } from '@qingfeng/core';
import { maskRejectedValue, presentRejectedLine } from './rejected-rows.presenter.js';

const payment = findDataset('benefit_payment');
const person = findDataset('person');

describe('masking a rejected value by the field it was meant for', () => {
  it('masks identity numbers (even malformed), phones, accounts and the names of people', () => {
    expect(maskRejectedValue(payment, 'id', '33010619810202001X9')).toBe('330************01X9');
    expect(maskRejectedValue(payment, 'account_no', '6222-0202-0011-2233')).toBe('***************2233');
    expect(maskRejectedValue(payment, 'account_name', '孙少年')).toBe('孙**');
    expect(maskRejectedValue(payment, 'name', '孙少年')).toBe('孙**');
  });

  it('hides an unreadable birth date whole, and masks numbers inside any other text', () => {
    expect(maskRejectedValue(person, 'birth_date', '1960/13/17')).toBe('**********');
    expect(maskRejectedValue(payment, 'amount', 'abc')).toBe('abc');
    expect(maskRejectedValue(payment, '', 'P1,dibao,330106198102020013,13812345678')).toBe(
      'P1,dibao,330***********0013,138****5678',
    );
  });

  it('masks the value where the reason quotes it', () => {
    const line = presentRejectedLine(person, {
      row: 3,
      column: '电话',
      field: 'phone',
      value: '1381234567x',
      reason: { zh: '电话 1381234567x 无效', en: 'phone 1381234567x is not a number' },
      kept: true,
    });
    expect(line.value).toBe('138****567x');
    expect(line.reason).toEqual({ zh: '电话 138****567x 无效', en: 'phone 138****567x is not a number' });
  });
});
