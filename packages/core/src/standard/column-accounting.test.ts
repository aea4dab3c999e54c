import { describe, expect, it } from 'vitest';
import { STANDARD_DATASETS, findDataset } from './catalogue.js';
import { accountColumns } from './column-accounting.js';
import { suggestFields, wordSimilarity } from './column-suggestions.js';
import { matchHeaders } from './header-match.js';

const tender = findDataset('tender')!;
const person = findDataset('person')!;

describe('suggestFields', () => {
  it.each(['建设地点', '项目所在地点', '项目所在区域'])(
    'offers division for %s, a column naming where a project lies',
    (header) => {
      expect(suggestFields(tender, header).map((s) => s.field)).toContain('division');
    },
  );

  it('offers the field whose label or synonym shares most characters, best first', () => {
    const [best] = suggestFields(tender, '中标供应商统一信用代码');
    expect(best?.field).toBe('winner_uscc');
    expect(best?.label.zh).toBe('中标人统一社会信用代码');
  });

  it('offers nothing for columns that name no field', () => {
    expect(suggestFields(person, '序号')).toEqual([]);
    expect(suggestFields(person, '备注')).toEqual([]);
  });

  it('reads words departments use interchangeably as the same (中标时间 for 中标日期)', () => {
    expect(suggestFields(tender, '中标时间')[0]?.field).toBe('award_date');
  });

  // Each field's Chinese label as another office might word it.
  const REWORDINGS: readonly [RegExp, string][] = [
    [/日期$/, '时间'],
    [/时间$/, '日期'],
    [/代码$/, '编码'],
    [/名称$/, '名'],
    [/号码$/, '号'],
    [/金额$/, '金额（元）'],
    [/行政区划/, '所属区县乡镇'],
    [/统一社会信用代码/, '信用代码号'],
  ];
  const reworded = (label: string) => {
    const swap = REWORDINGS.find(([word]) => word.test(label));
    return swap ? label.replace(swap[0], swap[1]) : `${label}信息`;
  };

  it('offers every field of the standard first for its label reworded, when the rewording matches nothing', () => {
    const misses: string[] = [];
    for (const dataset of STANDARD_DATASETS) {
      const match = matchHeaders(
        dataset,
        dataset.fields.map((f) => reworded(f.label.zh)),
      );
      for (const column of match.columns.filter((c) => c.field === null)) {
        const unfed = new Set(dataset.fields.map((f) => f.key));
        const expected = dataset.fields[column.index]?.key;
        if (suggestFields(dataset, column.header, { among: unfed })[0]?.field !== expected) {
          misses.push(`${dataset.key}.${expected}: ${column.header}`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it('chooses only among the fields it is given', () => {
    expect(suggestFields(tender, '建设地点', { among: new Set(['title']) })).toEqual([]);
  });

  it('scores alike words by shared characters in order, one shared character being chance', () => {
    expect(wordSimilarity('项目所在地', '项目所在地')).toBe(1);
    expect(wordSimilarity('序号', '户号')).toBe(0);
    expect(wordSimilarity('出生年月', '出生日期')).toBe(0.5);
  });
});

describe('accountColumns', () => {
  const headers = ['项目编号', '项目名称', '采购人', '采购方式', '公告发布日期', '投标截止时间', '建设地点', '序号'];
  const match = matchHeaders(tender, headers);

  it('lists every column that fed no field with its suggestions, and counts the rest', () => {
    const accounting = accountColumns(tender, match, { filledFields: null, readers: [] });
    expect(accounting.columns).toBe(8);
    expect(accounting.matchedColumns).toBe(6);
    expect(accounting.unusedColumns.map((c) => [c.header, c.suggestions.map((s) => s.field)])).toEqual([
      ['建设地点', ['division']],
      ['序号', []],
    ]);
  });

  it('lists the fields no column feeds and, after loading, those empty in every row', () => {
    const accounting = accountColumns(tender, match, {
      filledFields: new Set(['tender_id', 'title', 'buyer_name', 'method', 'published_on']),
      readers: [],
    });
    const byField = new Map(accounting.emptyFields.map((f) => [f.field, f]));
    expect(byField.get('division')).toMatchObject({ reason: 'no_column', header: null, label: { zh: '行政区划' } });
    expect(byField.get('bid_deadline')).toMatchObject({ reason: 'all_empty', header: '投标截止时间', required: true });
    expect(byField.has('title')).toBe(false);
  });

  it('names the models an empty field leaves blind, and only those', () => {
    const accounting = accountColumns(tender, match, {
      filledFields: null,
      readers: [
        { id: 'PR99', name: { zh: '无区划模型', en: 'Needs a division' }, fields: ['tender_id', 'division'] },
        { id: 'PR98', name: { zh: '有标题模型', en: 'Reads titles' }, fields: ['tender_id', 'title'] },
      ],
    });
    expect(accounting.blindModels).toEqual([
      { id: 'PR99', name: { zh: '无区划模型', en: 'Needs a division' }, fields: ['division'] },
    ]);
  });

  it('reports a second column for a field already fed, suggesting only fields still unfed', () => {
    const m = matchHeaders(person, ['身份证号', '证件号码', '姓名', '区划代码']);
    const [column] = accountColumns(person, m, { filledFields: null, readers: [] }).unusedColumns;
    expect(column).toMatchObject({ header: '证件号码', duplicateOf: 'id' });
    expect(column?.suggestions.map((s) => s.field)).not.toContain('id');
  });
});
