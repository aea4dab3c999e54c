import { describe, expect, it } from 'vitest';
import {
  divisionLevel,
  isWithinJurisdiction,
  jurisdictionPrefix,
  parentDivisionCode,
  toDivisionCode12,
} from './division-code.js';

describe('division codes', () => {
  it('widens 6- and 9-digit codes to 12 digits', () => {
    expect(toDivisionCode12('330106')).toBe('330106000000');
    expect(toDivisionCode12('330106001')).toBe('330106001000');
    expect(toDivisionCode12('33010')).toBeNull();
    expect(toDivisionCode12('33a106')).toBeNull();
  });

  it('reads the level from the trailing zero groups', () => {
    expect(divisionLevel('000000000000')).toBe('country');
    expect(divisionLevel('330000000000')).toBe('province');
    expect(divisionLevel('330100000000')).toBe('city');
    expect(divisionLevel('330106000000')).toBe('county');
    expect(divisionLevel('330106001000')).toBe('township');
    expect(divisionLevel('330106001001')).toBe('village');
  });

  it('treats a jurisdiction as the subtree under a division', () => {
    expect(jurisdictionPrefix('330106000000')).toBe('330106');
    expect(isWithinJurisdiction('330106001001', '330106000000')).toBe(true);
    expect(isWithinJurisdiction('330107001001', '330106000000')).toBe(false);
    expect(isWithinJurisdiction('330107001001', '000000000000')).toBe(true);
  });

  it('finds the parent of each level', () => {
    expect(parentDivisionCode('330106001001')).toBe('330106001000');
    expect(parentDivisionCode('330106001000')).toBe('330106000000');
    expect(parentDivisionCode('330106000000')).toBe('330100000000');
    expect(parentDivisionCode('330100000000')).toBe('330000000000');
    expect(parentDivisionCode('330000000000')).toBe('000000000000');
    expect(parentDivisionCode('000000000000')).toBeNull();
  });
});
