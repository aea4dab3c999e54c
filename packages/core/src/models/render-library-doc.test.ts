import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATOR_NOTES, WITHDRAWN_INDICATORS } from './library/indicator-notes.js';
import { BUILTIN_MODELS } from './library/index.js';
import { renderLibraryDoc } from './render-library-doc.js';

// The committed document at the repository root (four levels above this file, in src or dist).
const COMMITTED = new URL('../../../../docs/model-library.md', import.meta.url);

describe('model library document', () => {
  const doc = renderLibraryDoc();

  it('matches the committed docs/model-library.md (run `npm run docs:models` after changing a built-in model)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(doc);
  });

  it('has a section for every built-in model with every parameter and its default', () => {
    for (const model of BUILTIN_MODELS) {
      expect(doc).toContain(`### ${model.id} ${model.name.zh} / ${model.name.en}`);
      for (const p of model.parameters) expect(doc).toContain(`| \`${p.key}\` | ${p.label.zh} | ${p.label.en} |`);
    }
    expect(doc).toContain(
      '| `min_days` | 最短投标期（天） | Shortest submission period | 整数 whole number | 20 | 1 – 365 | 天 days |',
    );
    // Programme parameters in words, the code beside them for whoever sets them by API or CLI.
    expect(doc).toContain('最低生活保障 Minimum living guarantee (`dibao`)');
    expect(doc).not.toMatch(/\| dibao[,|]/);
  });

  it('says how to reproduce every Open Contracting indicator a model carries, and only those', () => {
    const withIndicator = BUILTIN_MODELS.filter((m) => m.indicator !== undefined).map((m) => m.id);
    expect(Object.keys(INDICATOR_NOTES).sort()).toEqual(withIndicator.sort());
    for (const id of withIndicator) expect(doc).toContain(INDICATOR_NOTES[id]?.en);
    for (const note of Object.values(WITHDRAWN_INDICATORS)) expect(doc).toContain(note.en);
  });
});
