import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, countCharacterClasses, isPasswordExpired } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long password mixing three classes', () => {
    expect(checkPasswordPolicy('correct-horse-42', { username: 'alice' })).toEqual({ ok: true });
  });

  it('names every broken rule at once, in Chinese and English', () => {
    const result = checkPasswordPolicy('abc', { username: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual([
      'password_too_short',
      'password_too_few_classes',
      'password_equals_username',
    ]);
    for (const problem of result.problems) {
      expect(problem.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(problem.en).toMatch(/password/i);
    }
  });

  it('compares with the username ignoring case', () => {
    const result = checkPasswordPolicy('Wang.Wu-2026', { username: 'wang.wu-2026' });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['password_equals_username']);
  });

  it('counts Chinese characters once each and as symbols', () => {
    expect(countCharacterClasses('清风abc12345')).toBe(3);
    expect(checkPasswordPolicy('清风清风清风清风清风', { username: 'x' }).ok).toBe(false);
  });

  it('expires passwords after the maximum age, never when the age is 0', () => {
    const changed = new Date('2026-01-01T00:00:00Z');
    expect(isPasswordExpired(changed, 90, new Date('2026-03-31T00:00:00Z'))).toBe(false);
    expect(isPasswordExpired(changed, 90, new Date('2026-04-02T00:00:00Z'))).toBe(true);
    expect(isPasswordExpired(changed, 0, new Date('2036-01-01T00:00:00Z'))).toBe(false);
  });
});
