import { describe, expect, it } from 'vitest';
import { normaliseSubject } from './subject.js';

describe('normaliseSubject', () => {
  it('tags an identity number as a person, converting the legacy form', () => {
    expect(normaliseSubject('110105491231002')).toEqual({
      ok: true,
      value: { kind: 'person', code: '11010519491231002X' },
    });
  });

  it('tags a USCC as an organisation', () => {
    expect(normaliseSubject('91350100m000100y43')).toEqual({
      ok: true,
      value: { kind: 'organisation', code: '91350100M000100Y43' },
    });
  });

  it('reports the identity-number reason for an id-shaped value with a bad check digit', () => {
    const r = normaliseSubject('110105194912310021');
    expect(!r.ok && r.reason.zh).toContain('应为 X');
  });

  it('refuses a value of neither shape', () => {
    const r = normaliseSubject('12345');
    expect(!r.ok && r.reason.zh).toContain('既不是身份证号');
  });
});
