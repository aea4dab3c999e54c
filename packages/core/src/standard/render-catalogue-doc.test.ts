import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listDatasets } from './catalogue.js';
import { listProgrammes } from './programmes.js';
import { renderCatalogueDoc } from './render-catalogue-doc.js';

// The committed document at the repository root (four levels above this file, in src or dist).
const COMMITTED = new URL('../../../../docs/data-catalogue.md', import.meta.url);

describe('catalogue document', () => {
  const doc = renderCatalogueDoc();

  it('matches the committed docs/data-catalogue.md (run `npm run docs:catalogue` after changing the catalogue)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(doc);
  });

  it('lists every dataset type with both names, its natural key, every field key and every enum code with its terms', () => {
    for (const dataset of listDatasets()) {
      expect(doc).toContain(`## \`${dataset.key}\` ${dataset.name.zh} / ${dataset.name.en}`);
      for (const field of dataset.fields) {
        expect(doc).toContain(`| \`${field.key}\` | ${field.label.zh} | ${field.label.en} | \`${field.type}\` |`);
      }
      expect(doc).toContain(`自然键 / Natural key: ${dataset.naturalKey.map((f) => `\`${f}\``).join(' + ')}`);
    }
    expect(doc).toContain('| `imprisoned` | 服刑 |');
    expect(doc).toMatch(/\| `civil_servant` \| [^|]+ \| [^|]+ \| [^|]*参照公务员法管理/);
    expect(doc).toMatch(/\| `red_flushed` \| [^|]+ \| [^|]+ \| [^|]*红冲/);
  });

  it('lists every benefit programme with its exclusions', () => {
    for (const p of listProgrammes()) expect(doc).toContain(`| \`${p.key}\` | ${p.name.zh} | ${p.name.en} |`);
    expect(doc).toMatch(/\| `dibao` \|[^\n]*\| 特困人员供养 `tekun` \|/);
  });

  it('escapes pipes in cells so a table never breaks', () => {
    const [first] = listDatasets();
    const odd = { ...first!, fields: [{ ...first!.fields[0]!, synonyms: ['a|b'] }] };
    expect(renderCatalogueDoc({ datasets: [odd], programmes: [] })).toContain('a\\|b');
  });
});
