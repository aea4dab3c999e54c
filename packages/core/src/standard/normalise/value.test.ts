import { describe, expect, it } from 'vitest';
import { findDataset, findField } from '../catalogue.js';
import type { FieldDef } from '../catalogue-types.js';
import { isBlank, normaliseCell, normaliseValue } from './value.js';

const fieldOf = (dataset: string, key: string): FieldDef => findField(findDataset(dataset)!, key)!;

describe('normaliseValue', () => {
  it('refuses a blank required cell', () => {
    expect(normaliseValue(fieldOf('person', 'id'), '  ')).toEqual({
      ok: false,
      reason: { zh: '必填字段为空', en: 'required field is empty' },
    });
  });

  it('accepts a blank optional cell as null, including database NULL markers', () => {
    for (const raw of [undefined, null, '', ' ', 'NULL', '\\N']) {
      expect(normaliseValue(fieldOf('person', 'phone'), raw)).toEqual({ ok: true, value: null });
    }
  });

  it('dispatches on the field type', () => {
    expect(normaliseValue(fieldOf('person', 'id'), '11010519491231002x')).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
    expect(normaliseValue(fieldOf('person', 'status'), '死亡')).toEqual({ ok: true, value: 'deceased' });
    expect(normaliseValue(fieldOf('benefit_payment', 'program'), '低保')).toEqual({ ok: true, value: 'dibao' });
    expect(normaliseValue(fieldOf('benefit_payment', 'amount'), '￥1,234.5')).toEqual({ ok: true, value: '1234.50' });
    expect(normaliseValue(fieldOf('collective_lease', 'open_bidding'), '否')).toEqual({ ok: true, value: false });
    expect(normaliseValue(fieldOf('vehicle', 'owner'), '91350100M000100Y43')).toEqual({
      ok: true,
      value: { kind: 'organisation', code: '91350100M000100Y43' },
    });
    expect(normaliseValue(fieldOf('social_insurance', 'period'), '202403')).toEqual({ ok: true, value: '2024-03' });
  });

  it('accepts numbers and booleans as XLSX and JSON readers deliver them', () => {
    expect(normaliseValue(fieldOf('benefit_payment', 'paid_on'), 45356)).toEqual({ ok: true, value: '2024-03-05' });
    expect(normaliseValue(fieldOf('benefit_payment', 'amount'), 1234.5)).toEqual({ ok: true, value: '1234.50' });
    expect(normaliseValue(fieldOf('collective_ledger', 'cash'), true)).toEqual({ ok: true, value: true });
    expect(normaliseValue(fieldOf('tender', 'bidder_count'), 3)).toEqual({ ok: true, value: 3 });
  });

  it('passes deployment context: division names and the money unit of the column', () => {
    const context = {
      resolveDivisionName: (name: string) => (name === '鼓楼区' ? ['350102000000'] : []),
      moneyUnit: '万元' as const,
    };
    expect(normaliseValue(fieldOf('person', 'division'), '鼓楼区', context)).toEqual({
      ok: true,
      value: '350102000000',
    });
    expect(normaliseValue(fieldOf('tender', 'budget'), '120', context)).toEqual({ ok: true, value: '1200000.00' });
  });

  it('does not treat the word 无 as blank: for a bool it means false', () => {
    expect(isBlank('无')).toBe(false);
    expect(normaliseValue(fieldOf('collective_ledger', 'approved'), '无')).toEqual({ ok: true, value: false });
  });
});

describe('normaliseCell', () => {
  it('keeps the row of an optional field whose value cannot be read, with the reason', () => {
    const cell = normaliseCell(fieldOf('death', 'source'), '派出所');
    expect(cell.outcome).toBe('kept');
    expect(cell.outcome !== 'value' && cell.reason.zh).toContain('派出所');
    expect(normaliseCell(fieldOf('person', 'phone'), '12').outcome).toBe('kept');
  });

  it('rejects a required field whose value cannot be read', () => {
    expect(normaliseCell(fieldOf('benefit_payment', 'program'), '不知道').outcome).toBe('rejected');
    expect(normaliseCell(fieldOf('person', 'id'), '').outcome).toBe('rejected');
  });

  it('gives the value otherwise', () => {
    expect(normaliseCell(fieldOf('death', 'source'), '民政局')).toEqual({ outcome: 'value', value: 'civil_affairs' });
    expect(normaliseCell(fieldOf('death', 'source'), '')).toEqual({ outcome: 'value', value: null });
  });
});
