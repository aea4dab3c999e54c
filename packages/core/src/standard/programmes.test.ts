import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPEC_DIR, writtenProgrammes } from '../testing/written-spec.js';
import { ageOn, findProgramme, listProgrammes, meetsAgeCondition, programmesExclude } from './programmes.js';

// The programmes data-standard.md says the registry is seeded with, at least.
const WRITTEN = writtenProgrammes(readFileSync(new URL('data-standard.md', SPEC_DIR), 'utf8'));

describe('benefit programme registry', () => {
  it('is seeded with the programmes of the spec, by their Chinese names, each named in both languages', () => {
    expect(WRITTEN.length, 'the programmes data-standard.md lists').toBeGreaterThan(0);
    for (const { key, zh } of WRITTEN) expect(findProgramme(key)?.name.zh, key).toBe(zh);
    for (const p of listProgrammes()) expect(p.name.zh && p.name.en).toBeTruthy();
  });

  it('records exclusions symmetrically and only between known programmes', () => {
    for (const p of listProgrammes()) {
      for (const other of p.excludes) {
        expect(findProgramme(other), `${p.key} excludes unknown ${other}`).toBeDefined();
        expect(findProgramme(other)?.excludes, `${other} should exclude ${p.key}`).toContain(p.key);
      }
    }
    expect(programmesExclude(findProgramme('dibao')!, findProgramme('tekun')!)).toBe(true);
    expect(programmesExclude(findProgramme('dibao')!, findProgramme('temp_relief')!)).toBe(false);
  });

  it('pays old-age allowance from the 80th birthday', () => {
    const allowance = findProgramme('old_age_allowance')!;
    expect(allowance.minAge).toBe(80);
    expect(meetsAgeCondition(allowance, '1944-03-05', '2024-03-04')).toBe(false);
    expect(meetsAgeCondition(allowance, '1944-03-05', '2024-03-05')).toBe(true);
  });

  it('counts a 29 February birthday as passed on 1 March', () => {
    expect(ageOn('2000-02-29', '2023-02-28')).toBe(22);
    expect(ageOn('2000-02-29', '2023-03-01')).toBe(23);
  });

  it('records residence conditions for household-registration programmes', () => {
    expect(findProgramme('dibao')?.residence).toBe('local_hukou');
    expect(findProgramme('farmland')?.residence).toBe('rural_hukou');
  });
});
