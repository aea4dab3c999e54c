import { describe, expect, it } from 'vitest';
import { findDataset, findField } from './catalogue.js';
import { normaliseValue } from './normalise/value.js';
import { enumSql } from './sql/choice.js';
import { applyValueMappings, checkValueMappings, parseMappingFile } from './value-mapping.js';

const death = findDataset('death')!;

describe('parseMappingFile', () => {
  it('reads headers and values', () => {
    const json = { headers: { 死亡信息来源: 'source' }, values: { source: { 派出所: 'public_security' } } };
    expect(parseMappingFile(json)).toEqual(json);
  });

  it('keeps reading the header-only form', () => {
    expect(parseMappingFile({ 证件号: 'id', 死亡时间: 'death_date' })).toEqual({
      headers: { 证件号: 'id', 死亡时间: 'death_date' },
      values: {},
    });
  });

  it('refuses other shapes', () => {
    for (const json of [null, [], 'x', { headers: [] }, { values: { source: 'x' } }, { headers: {}, other: {} }]) {
      expect(parseMappingFile(json)).toBeNull();
    }
  });
});

describe('checkValueMappings', () => {
  it('accepts words for existing codes, and words the standard already reads as the same code', () => {
    expect(checkValueMappings(death, { source: { 派出所: 'public_security', 公安: 'public_security' } })).toEqual([]);
  });

  it('names each problem: unknown field, field without codes, unknown code, blank word, redefined word', () => {
    const problems = checkValueMappings(death, {
      nope: { a: 'b' },
      name: { 张三: 'x' },
      source: { 派出所: 'police', ' ': 'health', 医院: 'public_security' },
    });
    expect(problems.map((p) => p.en)).toEqual([
      'death has no field nope',
      'field name holds no codes, so its values cannot be mapped',
      expect.stringContaining('has no code "police"'),
      'field source maps a blank value',
      expect.stringContaining('"医院" already means code health'),
    ]);
  });
});

describe('applyValueMappings', () => {
  const mapped = applyValueMappings(death, { source: { 派出所户籍科: 'public_security', 医院: 'public_security' } });
  const source = findField(mapped, 'source')!;

  it('makes a mapped word read as its code in the TypeScript normaliser', () => {
    expect(normaliseValue(source, ' 派出所户籍科 ')).toEqual({ ok: true, value: 'public_security' });
    expect(normaliseValue(findField(death, 'source')!, '派出所户籍科').ok).toBe(false);
  });

  it('puts the word in the SQL form too, so both agree', () => {
    expect(source.type === 'enum' && enumSql('duckdb', 'x', source.values)).toContain("'派出所户籍科'");
  });

  it('never lets a mapping redefine a word of the standard', () => {
    expect(normaliseValue(source, '医院')).toEqual({ ok: true, value: 'health' });
  });

  it('leaves the dataset as it is without mappings', () => {
    expect(applyValueMappings(death, {})).toBe(death);
  });
});
