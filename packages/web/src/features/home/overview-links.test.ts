import { describe, expect, it } from 'vitest';
import { stackOpen, trendFigures, warningsLink } from './overview-links';

describe('the overview links each figure to the warning list behind it', () => {
  it('names the filters as the list and the API do, leaving out the empty ones', () => {
    expect(warningsLink({})).toBe('/warnings');
    expect(warningsLink({ to: '2026-11-04', status: 'new', severity: '' })).toBe('/warnings?status=new&to=2026-11-04');
    expect(warningsLink({ division: '330106001', category: 'W', modelId: 'W01' })).toBe(
      '/warnings?modelId=W01&category=W&division=330106001',
    );
    // A hostile value is encoded, not spliced into the URL.
    expect(warningsLink({ category: 'a&status=confirmed' })).toBe('/warnings?category=a%26status%3Dconfirmed');
  });

  it('stacks open warnings by status under each category, a segment per figure with its own link', () => {
    const figures = stackOpen(
      [
        { town: '330106001', status: 'new' as const, count: 3 },
        { town: '330106002', status: 'under_review' as const, count: 1 },
        { town: '330106001', status: 'under_review' as const, count: 2 },
      ],
      (r) => r.town,
      (r) => `town ${r.town}`,
      (r) => ({ division: r.town }),
    );
    expect(figures.categories.map((c) => c.label)).toEqual(['town 330106001', 'town 330106002']);
    expect(figures.series.map((s) => s.status)).toEqual(['new', 'under_review']);
    expect(figures.series[0]?.values).toEqual([
      { key: '330106001:new', count: 3, link: '/warnings?status=new&division=330106001' },
      null,
    ]);
    expect(figures.series[1]?.values.map((v) => v?.count)).toEqual([2, 1]);
    expect(figures.series[1]?.values[1]?.link).toBe('/warnings?status=under_review&division=330106002');
  });

  it('links each month of the trend to the warnings first seen in it, and those judged so', () => {
    const trend = trendFigures([
      { month: '2026-11', from: '2026-11-01', to: '2026-11-30', found: 4, confirmed: 1, falsePositive: 2 },
    ]);
    expect(trend.months).toEqual(['2026-11']);
    expect(trend.found[0]).toMatchObject({ count: 4, link: '/warnings?from=2026-11-01&to=2026-11-30' });
    expect(trend.confirmed[0]?.link).toBe('/warnings?status=confirmed&from=2026-11-01&to=2026-11-30');
    expect(trend.falsePositive[0]).toMatchObject({
      count: 2,
      link: '/warnings?status=false_positive&from=2026-11-01&to=2026-11-30',
    });
  });
});
