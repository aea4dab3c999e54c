import { describe, expect, it } from 'vitest';
import { normaliseDivision } from './division.js';

const TABLE: Record<string, string[]> = {
  鼓楼区: ['350102000000', '320106000000'],
  福州市鼓楼区: ['350102000000'],
  东街街道: ['350102001000'],
};
const resolve = (name: string): string[] => TABLE[name] ?? [];

describe('normaliseDivision', () => {
  it.each([
    ['350102', '350102000000'],
    ['350102001', '350102001000'],
    ['350102001001', '350102001001'],
    ['350102000000', '350102000000'],
    ['３５０１０２', '350102000000'],
  ])('widens %s to %s', (raw, code) => {
    expect(normaliseDivision(raw)).toEqual({ ok: true, value: code });
  });

  it('refuses codes of other lengths and unknown provinces', () => {
    expect(normaliseDivision('35010').ok).toBe(false);
    expect(normaliseDivision('990102').ok).toBe(false);
  });

  it('resolves a unique name through the loaded table', () => {
    expect(normaliseDivision('福州市鼓楼区', resolve)).toEqual({ ok: true, value: '350102000000' });
    expect(normaliseDivision('东街街道', resolve)).toEqual({ ok: true, value: '350102001000' });
  });

  it('refuses an ambiguous name and lists the candidates', () => {
    const r = normaliseDivision('鼓楼区', resolve);
    expect(!r.ok && r.reason.zh).toContain('350102000000、320106000000');
  });

  it('says when names cannot be resolved because no table is loaded', () => {
    const r = normaliseDivision('鼓楼区');
    expect(!r.ok && r.reason.zh).toContain('未加载区划表');
  });
});
