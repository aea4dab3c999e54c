import { describe, expect, it } from 'vitest';
import { isAccountKey, maskAccountsInText, maskDerivedInRecord, maskRowValue } from './row.js';

describe('masking a row for a masked view', () => {
  const hidden = ['1943-10-25'];

  it('keeps the last four of phones and accounts, stars a birth date and cuts a region of issue', () => {
    expect(maskRowValue('phone', 'phone', '13812345678', hidden)).toBe('138****5678');
    expect(maskRowValue('account_no', 'account', '6222021234567890123', hidden)).toBe('***************0123');
    expect(maskRowValue('birth_date', 'date', '1950-01-02', hidden)).toBe('****-**-**');
    expect(maskRowValue('id_birth_date', undefined, '1943-10-25', hidden)).toBe('****-**-**');
    expect(maskRowValue('id_region', undefined, '330106', hidden)).toBe('330***');
    // A catalogue field that happens to be called region is not derived from the number.
    expect(maskRowValue('region', 'text', '330106', hidden)).toBe('330106');
  });

  it('hides a masked number’s birth date in any field, as text or as a number, and nothing else', () => {
    expect(maskRowValue('remark', 'text', '生于1943年10月25日', hidden)).toBe('生于****-**-**');
    expect(maskRowValue('start_date', 'date', '1943-10-25', hidden)).toBe('****-**-**');
    expect(maskRowValue('code', 'int', 19431025, hidden)).toBe('****-**-**');
    expect(maskRowValue('pay_date', 'date', '2024-10-25', hidden)).toBe('2024-10-25');
    expect(maskRowValue('amount', 'money', 1200, hidden)).toBe(1200);
  });

  it('masks birth dates and regions of issue in facts and reports them for the explanation', () => {
    const { masked, birthDates, regions } = maskDerivedInRecord(
      {
        birth_date: '1950-01-02',
        age: 59,
        note: 'born 19431025',
        period: '2024-05',
        id_region: '330106',
        account_no: '6222021234567890123',
      },
      hidden,
    );
    expect(masked).toEqual({
      birth_date: '****-**-**',
      age: 59,
      note: 'born ****-**-**',
      period: '2024-05',
      id_region: '330***',
      account_no: '***************0123',
    });
    expect(birthDates).toEqual(['1950-01-02']);
    expect(regions).toEqual(['330106']);
    expect(maskAccountsInText('账户6222021234567890123，共2人', ['6222021234567890123'])).toBe(
      '账户***************0123，共2人',
    );
    expect(['account_no', 'payee_account', 'account'].every(isAccountKey)).toBe(true);
    expect(['account_name', 'accountant'].some(isAccountKey)).toBe(false);
  });
});
