import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseUscc, usccCheckCharacter } from './uscc.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const codeChar = fc.constantFrom(...CHARSET);
const body17 = fc
  .tuple(
    fc.array(codeChar, { minLength: 2, maxLength: 2 }),
    fc.stringMatching(/^\d{6}$/),
    fc.array(codeChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, region, org]) => `${head.join('')}${region}${org.join('')}`);

describe('normaliseUscc', () => {
  it('accepts a known valid code (check character computed: 3)', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(normaliseUscc('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it.each([
    ['lower case', '91350100m000100y43'],
    ['full width', '９１３５０１００Ｍ０００１００Ｙ４３'],
    ['spaces', ' 9135 0100 M000 100Y 43 '],
  ])('accepts %s', (_, raw) => {
    expect(normaliseUscc(raw)).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('keeps an identifier of another register with its scheme, but checks a CN-USCC one as a USCC', () => {
    expect(normaliseUscc('gb-coh:09876543')).toEqual({ ok: true, value: 'GB-COH:09876543' });
    expect(normaliseUscc('OCDS-PARTY:V')).toEqual({ ok: true, value: 'OCDS-PARTY:V' });
    expect(normaliseUscc('CN-USCC:91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(normaliseUscc('CN-USCC:91350100M000100Y44').ok).toBe(false);
    expect(normaliseUscc('GBCOH:09876543').ok).toBe(false);
  });

  it('reports the expected check character', () => {
    expect(normaliseUscc('91350100M000100Y44')).toEqual({
      ok: false,
      reason: { zh: '统一社会信用代码校验位错误，应为 3', en: 'check character should be 3' },
    });
  });

  it('names a character the standard does not use', () => {
    const r = normaliseUscc('91350100M000100I43');
    expect(!r.ok && r.reason.zh).toContain('「I」');
  });

  it('validates every code whose check character is computed by the standard', () => {
    fc.assert(
      fc.property(body17, (body) => {
        expect(normaliseUscc(body + usccCheckCharacter(body)).ok).toBe(true);
      }),
    );
  });

  it('refuses a code after any single character is changed', () => {
    fc.assert(
      fc.property(body17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (body, pos, delta) => {
        const chars = [...(body + usccCheckCharacter(body))];
        const next = CHARSET[(CHARSET.indexOf(chars[pos]!) + delta) % 31]!;
        if (pos >= 2 && pos <= 7 && !/\d/.test(next)) return;
        chars[pos] = next;
        expect(normaliseUscc(chars.join('')).ok).toBe(false);
      }),
    );
  });
});
