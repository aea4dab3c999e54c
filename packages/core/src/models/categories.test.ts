import { describe, expect, it } from 'vitest';
import { MODEL_CATEGORIES } from './categories.js';
import { BUILTIN_MODELS } from './library/index.js';

const CODES: readonly string[] = MODEL_CATEGORIES.map((c) => c.code);

describe('model categories', () => {
  it('declare every built-in model’s category, and its id begins with that code', () => {
    for (const model of BUILTIN_MODELS) {
      expect(CODES, model.id).toContain(model.category);
      expect(model.id.replace(/\d+$/, ''), model.id).toBe(model.category);
    }
  });

  it('list each code once', () => {
    expect(new Set(CODES).size).toBe(CODES.length);
  });

  it('have a Chinese label in Chinese and an English label in English', () => {
    for (const { code, label } of MODEL_CATEGORIES) {
      expect(label.zh, code).toMatch(/^[\p{Script=Han}“”]+$/u);
      expect(label.en, code).toMatch(/[A-Za-z]/);
      expect(label.en, code).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
