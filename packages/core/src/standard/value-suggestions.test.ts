import { describe, expect, it } from 'vitest';
import type { EnumFieldDef } from './catalogue-types.js';
import { findDataset, findField } from './catalogue.js';
import { UnknownValueTally, suggestCodes, suggestForUnknownValues } from './value-suggestions.js';

const death = findDataset('death')!;
const source = findField(death, 'source') as EnumFieldDef;
const tender = findDataset('tender')!;
const method = findField(tender, 'method') as EnumFieldDef;

describe('suggestCodes', () => {
  it('offers the one code whose label or term the value contains', () => {
    expect(suggestCodes(source, '派出所户籍注销登记')).toEqual([
      {
        code: 'public_security',
        label: { zh: '公安', en: expect.any(String) },
        how: 'contains',
        score: 1,
        word: '户籍注销',
      },
    ]);
    expect(suggestCodes(source, '县殡仪馆')[0]).toMatchObject({ code: 'funeral', how: 'contains' });
  });

  it('falls back to likeness by characters when two codes are contained', () => {
    // 公安 and 民政 are both in it: no single code is contained, so likeness decides.
    const suggestions = suggestCodes(source, '公安民政');
    expect(suggestions.every((s) => s.how === 'similar')).toBe(true);
  });

  it('offers codes alike by characters, best first', () => {
    const [best] = suggestCodes(method, '单源采购');
    expect(best).toMatchObject({ code: 'single_source', how: 'similar' });
    expect(best!.score).toBeGreaterThanOrEqual(0.5);
  });

  it('offers nothing for a value like no code', () => {
    expect(suggestCodes(source, '张三')).toEqual([]);
    expect(suggestCodes(source, '   ')).toEqual([]);
  });
});

describe('suggestForUnknownValues', () => {
  it('keeps coded fields only, most frequent first, with label and required', () => {
    const out = suggestForUnknownValues(death, [
      { field: 'source', value: '县殡仪馆', count: 2 },
      { field: 'source', value: '派出所户籍注销登记', count: 9 },
      { field: 'name', value: '张三', count: 1 },
    ]);
    expect(out.map((u) => [u.field, u.value, u.count, u.required])).toEqual([
      ['source', '派出所户籍注销登记', 9, false],
      ['source', '县殡仪馆', 2, false],
    ]);
    expect(out[0]!.label.zh).toBe(source.label.zh);
  });
});

describe('UnknownValueTally', () => {
  it('counts values exactly and keeps at most a few distinct values per field', () => {
    const tally = new UnknownValueTally(2);
    for (const v of ['a', 'b', 'a', 'c', ' a ', '']) tally.add('f', v);
    expect(tally.counts()).toEqual([
      { field: 'f', value: 'a', count: 3 },
      { field: 'f', value: 'b', count: 1 },
    ]);
  });
});
