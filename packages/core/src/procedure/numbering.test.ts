import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CASE_NUMBERING,
  DEFAULT_CLUE_NUMBERING,
  checkNumberingScheme,
  formatRegistrationNumber,
} from './numbering.js';

describe('registration numbers', () => {
  it('writes the default forms a register uses', () => {
    expect(formatRegistrationNumber(DEFAULT_CLUE_NUMBERING, { org: '清河县纪', year: 2026, sequence: 7 })).toBe(
      '清河县纪线〔2026〕0007',
    );
    expect(formatRegistrationNumber(DEFAULT_CASE_NUMBERING, { org: '清河县纪', year: 2026, sequence: 1234 })).toBe(
      '清河县纪案〔2026〕1234',
    );
  });

  it('follows a deployment pattern', () => {
    expect(
      formatRegistrationNumber({ pattern: 'QH-{year}-{seq:6}-{org}' }, { org: 'JW', year: 2027, sequence: 42 }),
    ).toBe('QH-2027-000042-JW');
  });

  it('lists every problem of a pattern at once', () => {
    expect(checkNumberingScheme({ pattern: '{org}-{month}-{seq:0}{seq}' }).map((p) => p.en)).toEqual([
      'Unknown placeholder: {month}',
      'Invalid width in {seq:0} (only {seq:1} to {seq:12})',
      'The pattern must contain {year} exactly once',
      'The pattern must contain {seq} exactly once',
    ]);
    expect(checkNumberingScheme(DEFAULT_CLUE_NUMBERING)).toEqual([]);
  });

  it('refuses to write a number that could repeat or is not one', () => {
    expect(() => formatRegistrationNumber({ pattern: '{org}-{seq}' }, { org: 'A', year: 2026, sequence: 1 })).toThrow(
      /\{year\}/,
    );
    expect(() => formatRegistrationNumber(DEFAULT_CLUE_NUMBERING, { org: 'A', year: 2026, sequence: 0 })).toThrow(
      RangeError,
    );
    expect(() => formatRegistrationNumber(DEFAULT_CLUE_NUMBERING, { org: 'A', year: 26, sequence: 1 })).toThrow(
      RangeError,
    );
  });
});
