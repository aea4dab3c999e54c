import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPEC_DIR, writtenModels } from '../testing/written-spec.js';
import { BUILTIN_MODELS, findBuiltinModel, renderExplanation } from './library/index.js';
import { validateModelSpec } from './validate.js';

// The library models.md lists, in its order, read where CI checks the spec out.
const WRITTEN = writtenModels(readFileSync(new URL('models.md', SPEC_DIR), 'utf8'));

describe('built-in library', () => {
  it('has every model of models.md, once, in its order, with its default severity', () => {
    expect(BUILTIN_MODELS.map((m) => [m.id, m.severity])).toEqual(WRITTEN.map((m) => [m.id, m.severity]));
  });

  it.each(BUILTIN_MODELS.map((m) => [m.id, m] as const))(
    '%s is a valid document that compiles on both engines',
    (_, spec) => {
      expect(validateModelSpec(spec)).toEqual([]);
    },
  );

  it('documents survive a JSON round trip unchanged (they are data, not code)', () => {
    for (const spec of BUILTIN_MODELS) expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('procurement models reproducing an Open Contracting indicator name it and state it in the basis', () => {
    for (const id of ['PR07', 'PR09', 'PR10', 'PR12']) {
      const spec = findBuiltinModel(id);
      expect(spec?.indicator).toMatch(/^R\d{3}/);
      expect(spec?.basis.en).toContain('Open Contracting');
    }
  });

  it('renders an explanation from facts', () => {
    const w01 = findBuiltinModel('W01');
    const text = renderExplanation(w01?.explanation.zh ?? '', { name: '张三', death_date: '2024-03-15', amount: 500 });
    expect(text).toContain('张三于2024-03-15死亡');
    expect(text).toContain('—');
  });
});
