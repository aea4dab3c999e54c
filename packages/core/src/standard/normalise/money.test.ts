import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, normaliseMoney, parseMoneyToFen } from './money.js';

describe('normaliseMoney', () => {
  it.each([
    ['1234.5', '1234.50'],
    ['1,234.50', '1234.50'],
    ['1234.50元', '1234.50'],
    ['￥1234.5', '1234.50'],
    ['¥1234.5', '1234.50'],
    ['0.12万元', '1200.00'],
    ['0.12万', '1200.00'],
    ['1.5亿元', '150000000.00'],
    ['100万元人民币', '1000000.00'],
    ['RMB 100', '100.00'],
    ['-12', '-12.00'],
    ['(12.5)', '-12.50'],
    ['-￥12', '-12.00'],
    ['１２３４．５', '1234.50'],
    ['1.2E+3', '1200.00'],
    ['0.1', '0.10'],
  ])('reads %s as %s', (raw, yuan) => {
    expect(normaliseMoney(raw)).toEqual({ ok: true, value: yuan });
  });

  it('adds without binary floating-point error: 0.1 + 0.2 yuan is 0.30 exactly', () => {
    const a = parseMoneyToFen('0.1');
    const b = parseMoneyToFen('0.2');
    expect(a.ok && b.ok && formatFen(a.value + b.value)).toBe('0.30');
  });

  it('rounds sub-fen noise half away from zero', () => {
    expect(normaliseMoney('1234.5000000001')).toEqual({ ok: true, value: '1234.50' });
    expect(normaliseMoney('0.005')).toEqual({ ok: true, value: '0.01' });
    expect(normaliseMoney('-0.005')).toEqual({ ok: true, value: '-0.01' });
  });

  it('reads bare numbers in the unit the column header declares', () => {
    expect(normaliseMoney('120', '万元')).toEqual({ ok: true, value: '1200000.00' });
    expect(normaliseMoney('120元', '万元')).toEqual({ ok: true, value: '120.00' });
  });

  it.each(['1,5', 'abc', '12美元', '1.2.3'])('refuses %s', (raw) => {
    const r = normaliseMoney(raw);
    expect(!r.ok && r.reason.zh).toContain('无法识别的金额');
  });

  it('refuses amounts beyond decimal(18,2)', () => {
    expect(normaliseMoney('99999999999999999').ok).toBe(false);
    expect(normaliseMoney('9999999999999999.99').ok).toBe(true);
  });

  const fen = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

  it('round-trips: any amount formatted in fen reads back to the same fen', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const r = parseMoneyToFen(formatFen(f));
        expect(r.ok && r.value).toBe(f);
      }),
    );
  });

  it('round-trips through the decorated forms departments write', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (f) => {
        const plain = formatFen(f);
        const grouped = plain.replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');
        const wan = `${formatFen(f).replace(/^(\d*?)(\d{0,4})\.(\d\d)$/, (_, hi: string, lo: string, cents: string) => `${hi || '0'}.${lo.padStart(4, '0')}${cents}`)}万元`;
        for (const form of [plain, grouped, `${plain}元`, `￥${grouped}`, wan]) {
          expect(normaliseMoney(form), form).toEqual({ ok: true, value: plain });
        }
      }),
    );
  });
});
