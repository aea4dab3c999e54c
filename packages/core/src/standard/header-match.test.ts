import { describe, expect, it } from 'vitest';
import { findDataset } from './catalogue.js';
import { matchHeaders } from './header-match.js';

const person = findDataset('person')!;
const tender = findDataset('tender')!;

describe('matchHeaders', () => {
  it('matches by key, Chinese label and synonym, ignoring case, spaces and width', () => {
    const m = matchHeaders(person, ['公民身份号码', ' 姓 名 ', 'DIVISION', 'ｐｈｏｎｅ', '户号']);
    expect(m.mapping).toEqual({
      公民身份号码: 'id',
      ' 姓 名 ': 'name',
      DIVISION: 'division',
      ｐｈｏｎｅ: 'phone',
      户号: 'household_no',
    });
    expect(m.columns.map((c) => c.via)).toEqual(['label', 'label', 'key', 'key', 'label']);
    expect(m.refusal).toBeNull();
  });

  it.each(['身份证号', '身份证号码', '证件号码', '*身份证号', '身份证号(必填)', '身份证号：'])(
    'maps %s to id',
    (header) => {
      expect(matchHeaders(person, [header]).mapping[header]).toBe('id');
    },
  );

  it('reports unmatched columns and missing required fields, and refuses with the columns found', () => {
    const m = matchHeaders(person, ['序号', '身份证号', '备注']);
    expect(m.unmatchedColumns).toEqual(['序号', '备注']);
    expect(m.missingRequired).toEqual(['name', 'division']);
    expect(m.missingOptional).toContain('phone');
    expect(m.refusal?.zh).toContain('姓名(name)');
    expect(m.refusal?.zh).toContain('文件中的列：序号、身份证号、备注');
  });

  it('keeps the first of two columns for the same field and reports the other', () => {
    const m = matchHeaders(person, ['身份证号', '证件号码', '姓名', '区划代码']);
    expect(m.mapping).toEqual({ 身份证号: 'id', 姓名: 'name', 区划代码: 'division' });
    expect(m.duplicateColumns).toEqual([{ header: '证件号码', field: 'id' }]);
  });

  it('lets a user mapping override automatic matching', () => {
    const m = matchHeaders(person, ['编号', '姓名', '区划'], { id: '编号' });
    expect(m.mapping['编号']).toBe('id');
    expect(m.columns[0]?.via).toBe('user');
    expect(m.refusal).toBeNull();
  });

  it('reports a user mapping that names an unknown field or column', () => {
    const m = matchHeaders(person, ['姓名'], { nonsense: '姓名', id: '不存在' });
    expect(m.mappingProblems).toHaveLength(2);
  });

  it('notes the unit a money header declares so bare numbers are scaled', () => {
    const m = matchHeaders(tender, ['项目编号', '预算金额(万元)', '中标金额（元）']);
    expect(m.columns.map((c) => [c.field, c.moneyUnit])).toEqual([
      ['tender_id', null],
      ['budget', '万元'],
      ['award_amount', null],
    ]);
  });
});
