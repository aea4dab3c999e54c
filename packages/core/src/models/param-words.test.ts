import { describe, expect, it } from 'vitest';
import { findBuiltinModel } from './library/index.js';
import { paramsInWords, paramValueText } from './param-words.js';
import type { ModelParameter, ModelSpec } from './spec-types.js';

const model = (id: string) => findBuiltinModel(id) as ModelSpec;
const param = (spec: ModelSpec, key: string) => spec.parameters.find((p) => p.key === key) as ModelParameter;

describe('a parameter value in words', () => {
  it('gives a number its unit, a ratio as a percentage, and unset as such', () => {
    const w14 = model('W14');
    expect(paramValueText(param(w14, 'unit_rate'), 100, 'zh')).toBe('100元');
    expect(paramValueText(param(w14, 'unit_rate'), 100, 'en')).toBe('100 yuan');
    expect(paramValueText(param(w14, 'tolerance_pct'), 10, 'en')).toBe('10%');
    expect(paramValueText(param(model('PR09'), 'min_ratio'), 0.98, 'zh')).toBe('98%');
    expect(paramValueText(param(model('W09'), 'min_recipients'), 3, 'en')).toBe('3');
    expect(paramValueText(undefined, null, 'zh')).toBe('未设置');
    expect(paramValueText(undefined, true, 'en')).toBe('yes');
  });

  it('names codes by their labels, pairs of them, and geofences by name and radius', () => {
    expect(paramValueText(param(model('W14'), 'programs'), ['farmland', 'dibao'], 'zh')).not.toMatch(/farmland|dibao/);
    expect(paramValueText(param(model('W02'), 'programs'), ['dibao'], 'en')).toBe('Minimum living guarantee');
    expect(paramValueText(param(model('W07'), 'excluded_pairs'), ['dibao:tekun'], 'zh')).toBe(
      '最低生活保障与特困人员供养',
    );
    const fences = [{ name: '某景区', lat: 30, lon: 120, radiusKm: 2 }];
    expect(paramValueText(param(model('F08'), 'geofences'), fences, 'en')).toBe('某景区 (2 km radius)');
    expect(paramValueText(param(model('F08'), 'geofences'), [], 'zh')).toBe('无');
  });

  it('labels each parameter of a version, and one the document no longer has by its key', () => {
    expect(paramsInWords(model('W14'), { unit_rate: 120, retired: 'x' }, 'zh')).toEqual([
      { key: 'unit_rate', label: '每亩补贴标准', text: '120元' },
      { key: 'retired', label: 'retired', text: 'x' },
    ]);
  });
});
