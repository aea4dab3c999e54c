import { describe, expect, it } from 'vitest';
import type { ColumnAccounting } from '../../api/datasets';
import { withChoice } from './column-accounting';

const DIVISION = { zh: '行政区划', en: 'Administrative division' };
const AWARD = { zh: '中标日期', en: 'Award date' };

const preview: ColumnAccounting = {
  dataset: 'tender',
  columns: 4,
  matchedColumns: 2,
  unusedColumns: [
    {
      index: 2,
      header: '建设地点',
      duplicateOf: null,
      suggestions: [{ field: 'division', label: DIVISION, score: 0.6, word: '行政区划' }],
    },
    { index: 3, header: '序号', duplicateOf: null, suggestions: [] },
  ],
  emptyFields: [
    { field: 'division', label: DIVISION, required: false, reason: 'no_column', header: null },
    { field: 'award_date', label: AWARD, required: false, reason: 'no_column', header: null },
  ],
  blindModels: [
    { id: 'PR08', name: { zh: '模型甲', en: 'Model A' }, fields: ['award_date'] },
    { id: 'PR99', name: { zh: '模型乙', en: 'Model B' }, fields: ['division'] },
  ],
  unknownValues: [],
};

describe('the preview accounting follows the mapping chosen on screen', () => {
  it('leaves it as the server said while nothing is chosen', () => {
    expect(withChoice(preview, { 项目编号: 'tender_id', 项目名称: 'title' })).toEqual(preview);
  });

  it('takes a column mapped to its suggested field off every list', () => {
    const live = withChoice(preview, { 项目编号: 'tender_id', 项目名称: 'title', 建设地点: 'division' });
    expect(live.matchedColumns).toBe(3);
    expect(live.unusedColumns.map((c) => c.header)).toEqual(['序号']);
    expect(live.emptyFields.map((f) => f.field)).toEqual(['award_date']);
    expect(live.blindModels.map((m) => m.id)).toEqual(['PR08']);
  });

  it('stops suggesting a field another column now feeds', () => {
    const live = withChoice(preview, { 序号: 'division' });
    expect(live.unusedColumns).toEqual([expect.objectContaining({ header: '建设地点', suggestions: [] })]);
  });

  it('keeps a field empty in every row empty, whatever feeds it', () => {
    const loaded: ColumnAccounting = {
      ...preview,
      emptyFields: [{ field: 'award_date', label: AWARD, required: false, reason: 'all_empty', header: '中标日期' }],
    };
    expect(withChoice(loaded, { 中标日期: 'award_date' }).emptyFields).toHaveLength(1);
  });
});
