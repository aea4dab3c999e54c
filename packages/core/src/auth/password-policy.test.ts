import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, containsUsername, countCharacterClasses, isPasswordExpired } from './password-policy.js';

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
      'password_contains_username',
    ]);
    for (const problem of result.problems) {
      expect(problem.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(problem.en).toMatch(/password/i);
    }
  });

  it('refuses a password containing the username, whatever the case', () => {
    const codes = (password: string, username: string) => {
      const result = checkPasswordPolicy(password, { username });
      return result.ok ? [] : result.problems.map((p) => p.code);
    };
    expect(codes('Wang.Wu-2026', 'wang.wu-2026')).toEqual(['password_contains_username']);
    // The probe's case: accepted before, as it only differed from the username.
    expect(codes('demo.leader2024!', 'demo.leader')).toEqual(['password_contains_username']);
    expect(codes('2024!DEMO.Leader', 'demo.leader')).toEqual(['password_contains_username']);
  });

  it('refuses a long part of the username between separators, not a short one', () => {
    expect(containsUsername('Leader#2024x', 'demo.leader')).toBe(true);
    expect(containsUsername('Olive-Li-2026', 'li_zhang')).toBe(false);
    expect(containsUsername('x-Zhang_2026!', 'li_zhang')).toBe(true);
    expect(containsUsername('Olive-Tree-42', 'wang.li')).toBe(false);
    expect(containsUsername('Olive-Tree-42', '')).toBe(false);
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
