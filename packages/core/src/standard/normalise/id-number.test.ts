import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeIdNumber, convertId15To18, idCheckCharacter, normaliseIdNumber } from './id-number.js';

const PROVINCES = ['11', '31', '35', '44', '51', '65', '82'];

/** Arbitrary real 17-digit bodies: known province, real birth date, any sequence number. */
const body17 = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    region: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2025-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, region, birth, seq }) => {
    const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
    return `${province}${String(region).padStart(4, '0')}${ymd}${String(seq).padStart(3, '0')}`;
  });

describe('normaliseIdNumber', () => {
  it('accepts the GB 11643 example and derives birth date, sex and region', () => {
    expect(normaliseIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: {
        id: '11010519491231002X',
        birthDate: '1949-12-31',
        sex: 'female',
        regionCode: '110105',
        convertedFrom15: false,
      },
    });
  });

  it('converts the legacy 15-digit form by inserting 19 and computing the check digit', () => {
    const r = normaliseIdNumber('110105491231002');
    expect(r.ok && r.value.id).toBe('11010519491231002X');
    expect(r.ok && r.value.convertedFrom15).toBe(true);
  });

  it.each([
    ['lower-case x', '11010519491231002x'],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ'],
    ['spaces inside', '110105 19491231 002X'],
    ['hyphens inside', '110105-19491231-002X'],
    ['surrounding blanks and an Excel text marker', "  '11010519491231002X  "],
  ])('accepts %s', (_, raw) => {
    const r = normaliseIdNumber(raw);
    expect(r.ok && r.value.id).toBe('11010519491231002X');
  });

  it('reads the sex from the 17th digit', () => {
    const male = `1101051949123100${'1'}`;
    const r = normaliseIdNumber(male + idCheckCharacter(male));
    expect(r.ok && r.value.sex).toBe('male');
  });

  it('reports the expected check digit when it is wrong', () => {
    expect(normaliseIdNumber('110105194912310021')).toEqual({
      ok: false,
      reason: { zh: '身份证号校验位错误，应为 X', en: 'check digit should be X' },
    });
  });

  it.each([
    ['a wrong length', '1101051949123100', '18 位'],
    ['an unknown province', '00010519491231002X', '省级'],
    ['an impossible birth date', '110105190002290022', '出生日期'],
    ['scientific notation from Excel', '1.10105E+17', '科学计数法'],
  ])('refuses %s with an actionable reason', (_, raw, hint) => {
    const r = normaliseIdNumber(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toContain(hint);
  });

  it('validates every id whose check digit is computed by the standard', () => {
    fc.assert(
      fc.property(body17, (body) => {
        const r = normaliseIdNumber(body + idCheckCharacter(body));
        expect(r.ok && r.value.id).toBe(body + idCheckCharacter(body));
      }),
    );
  });

  it('refuses an id after any single digit is changed', () => {
    fc.assert(
      fc.property(body17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (body, pos, delta) => {
        const id = body + idCheckCharacter(body);
        const chars = [...id];
        const old = chars[pos] === 'X' ? 10 : Number(chars[pos]);
        const next = (old + delta) % 11;
        // Position 18 may hold X (10); the others only digits 0–9.
        if (pos < 17 && next === 10) return;
        chars[pos] = next === 10 ? 'X' : String(next);
        // MOD 11-2 detects every single-character substitution, whatever else it breaks.
        expect(normaliseIdNumber(chars.join('')).ok).toBe(false);
      }),
    );
  });

  it('round-trips 15 → 18: the 18-digit form drops back to the 15 digits it came from', () => {
    const body15 = body17.filter((b) => b.slice(6, 8) === '19').map((b) => `${b.slice(0, 6)}${b.slice(8)}`);
    fc.assert(
      fc.property(body15, (id15) => {
        const r = normaliseIdNumber(id15);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.id).toBe(convertId15To18(id15));
        expect(`${r.value.id.slice(0, 6)}${r.value.id.slice(8, 17)}`).toBe(id15);
        expect(normaliseIdNumber(r.value.id).ok).toBe(true);
      }),
    );
  });
});

describe('composeIdNumber', () => {
  it('composes the GB 11643 example from its parts', () => {
    expect(composeIdNumber('110105', '19491231', 2)).toBe('11010519491231002X');
  });

  it('gives a number the import accepts, with the birth date and sex it was given', () => {
    fc.assert(
      fc.property(body17, (body) => {
        const sequence = Number(body.slice(14));
        const r = normaliseIdNumber(composeIdNumber(body.slice(0, 6), body.slice(6, 14), sequence));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.birthDate.replaceAll('-', '')).toBe(body.slice(6, 14));
        expect(r.value.sex).toBe(sequence % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('refuses parts of the wrong shape instead of composing a number that is not one', () => {
    expect(() => composeIdNumber('33010', '19800101', 1)).toThrow(RangeError);
    expect(() => composeIdNumber('330106', '1980-01-01', 1)).toThrow(RangeError);
    expect(() => composeIdNumber('330106', '19800101', 1000)).toThrow(RangeError);
    expect(() => composeIdNumber('330106', '19800101', 1.5)).toThrow(RangeError);
  });
});
