import { describe, expect, it } from 'vitest';
import type { DatasetField, UnknownValue } from '../../api/datasets';
import { needsValueCheck, pendingUnknownValues, toMappingFile, withValue, withoutValue } from './value-mapping';

const SOURCE = { zh: '信息来源', en: 'Source' };
const unknown = (value: string): UnknownValue => ({
  field: 'source',
  label: SOURCE,
  required: false,
  value,
  count: 1,
  suggestions: [],
});

const fields: DatasetField[] = [
  { key: 'name', label: { zh: '姓名', en: 'Name' }, type: 'text', required: true, synonyms: [], columns: ['name'] },
  {
    key: 'source',
    label: SOURCE,
    type: 'enum',
    required: false,
    synonyms: [],
    columns: ['source'],
    values: [{ code: 'public_security', label: { zh: '公安', en: 'Public security' }, terms: [] }],
  },
];

describe('value mappings in the preview', () => {
  it('lists only the unknown values not mapped yet', () => {
    const values = withValue({}, 'source', '派出所', 'public_security');
    expect(pendingUnknownValues([unknown('派出所'), unknown('殡仪服务站')], values).map((u) => u.value)).toEqual([
      '殡仪服务站',
    ]);
  });

  it('adds and removes mappings, dropping a field with none left', () => {
    const one = withValue({}, 'source', '派出所', 'public_security');
    const two = withValue(one, 'source', '户籍科', 'public_security');
    expect(two).toEqual({ source: { 派出所: 'public_security', 户籍科: 'public_security' } });
    expect(withoutValue(two, 'source', '派出所')).toEqual({ source: { 户籍科: 'public_security' } });
    expect(withoutValue(one, 'source', '派出所')).toEqual({});
  });

  it('writes the mapping file the command line reads: headers of the columns kept, and values', () => {
    const file = toMappingFile({ 信息来源单位: 'source', 序号: undefined }, { source: { 派出所: 'public_security' } });
    expect(file).toEqual({ headers: { 信息来源单位: 'source' }, values: { source: { 派出所: 'public_security' } } });
  });

  it('asks for the values to be checked again once a column newly feeds a coded field', () => {
    expect(needsValueCheck(fields, {}, { 信息来源单位: 'source' })).toBe(true);
    expect(needsValueCheck(fields, { 信息来源单位: 'source' }, { 信息来源单位: 'source' })).toBe(false);
    expect(needsValueCheck(fields, {}, { 姓名: 'name' })).toBe(false);
  });
});
