import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS, findBuiltinModel, renderExplanation } from './library/index.js';
import { validateModelSpec } from './validate.js';

const REQUIRED = [
  ...Array.from({ length: 14 }, (_, i) => `W${String(i + 1).padStart(2, '0')}`),
  'P01',
  'P02',
  'P03',
  'P04',
  ...Array.from({ length: 14 }, (_, i) => `PR${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 9 }, (_, i) => `F0${i + 1}`),
  'M01',
  'M02',
  'M03',
  'M04',
  'M05',
  'C01',
  'C02',
  'C03',
  'C04',
  'C05',
  'C06',
];

describe('built-in library', () => {
  it('has every model of models.md, once', () => {
    expect(BUILTIN_MODELS.map((m) => m.id)).toEqual(REQUIRED);
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
    for (const id of ['PR04', 'PR05', 'PR06', 'PR07', 'PR09', 'PR10', 'PR12', 'PR13']) {
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
