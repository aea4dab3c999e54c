import { describe, expect, it } from 'vitest';
import { clueFigures, clueTrendFigures, cluesLink } from './clue-overview-links';

describe('the clue statistics link each figure to the registry behind it', () => {
  it('names the filters as the registry and the API do, the figure’s own taking the place of the query’s', () => {
    expect(cluesLink({}, {})).toBe('/clues');
    expect(cluesLink({ division: '330106', from: '2026-01-01' }, { division: '330106001', overdue: 'true' })).toBe(
      '/clues?division=330106001&overdue=true&from=2026-01-01',
    );
    expect(cluesLink({}, { problemType: 'a&state=closed' })).toBe('/clues?problemType=a%26state%3Dclosed');
  });

  it('makes a figure of each row, and three linked lines of the trend', () => {
    const figures = clueFigures(
      { division: '330106' },
      [{ office: 7, name: '第一纪检监察室', count: 3 }],
      'office',
      (r) => r.name,
      (r) => ({ office: String(r.office) }),
    );
    expect(figures).toEqual([
      { key: 'office:7', label: '第一纪检监察室', count: 3, link: '/clues?division=330106&office=7' },
    ]);
    const trend = clueTrendFigures({ from: '2026-03-10' }, [
      {
        month: '2026-03',
        from: '2026-03-01',
        to: '2026-03-31',
        receivedFrom: '2026-03-10',
        receivedTo: '2026-03-31',
        received: 4,
        closed: 1,
        filedAsCase: 2,
      },
    ]);
    expect(trend.received[0]).toMatchObject({ count: 4, link: '/clues?from=2026-03-10&to=2026-03-31' });
    expect(trend.closed[0]?.link).toBe(
      '/clues?state=closed&from=2026-03-10&enteredFrom=2026-03-01&enteredTo=2026-03-31',
    );
    expect(trend.filedAsCase[0]?.count).toBe(2);
  });
});
