import type { ClueStatistics, ClueStatisticsQuery } from '../../api/clue-statistics';
import type { ClueFilter } from '../../api/clues';
import type { ChartOption } from '../../shared/echart';
import type { FigureLink } from './figure-links';

const ORDER: (keyof ClueFilter)[] = [
  'state',
  'source',
  'problemType',
  'division',
  'office',
  'firstForm',
  'running',
  'overdue',
  'from',
  'to',
  'enteredFrom',
  'enteredTo',
];

/**
 * The clue registry filtered to what a figure counts: the statistics' own query (days,
 * division) with the figure's filters in place of any it names again.
 */
export function cluesLink(base: ClueStatisticsQuery, filter: ClueFilter): string {
  const all: ClueFilter = { ...base, ...filter };
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = all[key];
    if (value) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/clues?${text}` : '/clues';
}

type Row<K extends string> = { [key in K]: string | number } & { count: number };

/** A breakdown's rows as figures, each with its label and the registry behind it. */
export function clueFigures<K extends string, R extends Row<K>>(
  base: ClueStatisticsQuery,
  rows: readonly R[],
  key: K,
  labelOf: (row: R) => string,
  filterOf: (row: R) => ClueFilter,
): FigureLink[] {
  return rows.map((row) => ({
    key: `${key}:${row[key]}`,
    label: labelOf(row),
    count: row.count,
    link: cluesLink(base, filterOf(row)),
  }));
}

/** The trend's three lines, each point linked: clues received that month, closed, filed as a case. */
export function clueTrendFigures(base: ClueStatisticsQuery, trend: ClueStatistics['trend']) {
  const line = (
    count: (m: ClueStatistics['trend'][number]) => number,
    filterOf: (m: ClueStatistics['trend'][number]) => ClueFilter,
    name: string,
  ) => trend.map((m) => ({ key: `${m.month}:${name}`, count: count(m), link: cluesLink(base, filterOf(m)) }));
  return {
    months: trend.map((m) => m.month),
    received: line(
      (m) => m.received,
      (m) => ({ from: m.receivedFrom, to: m.receivedTo }),
      'received',
    ),
    closed: line(
      (m) => m.closed,
      (m) => ({ state: 'closed', enteredFrom: m.from, enteredTo: m.to }),
      'closed',
    ),
    filedAsCase: line(
      (m) => m.filedAsCase,
      (m) => ({ state: 'case_filing', enteredFrom: m.from, enteredTo: m.to }),
      'filed',
    ),
  };
}

const BAR_COLOUR = '#b71c1c';
const LINE_COLOURS = ['#455a64', '#8c8c8c', '#b71c1c'];

/** Horizontal bars, one per figure, top-down; a bar's data carries its list's link. */
export function barOption(figures: FigureLink[]): ChartOption {
  const reversed = [...figures].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: reversed.map((f) => f.label), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        itemStyle: { color: BAR_COLOUR },
        data: reversed.map((f) => ({ value: f.count, link: f.link })),
      },
    ],
  };
}

/** Lines by month, named in the reader's language; a point's data carries its list's link. */
export function linesOption(
  months: string[],
  lines: { name: string; figures: { count: number; link: string }[] }[],
): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: lines.map((line, i) => ({
      type: 'line',
      name: line.name,
      symbolSize: 8,
      itemStyle: { color: LINE_COLOURS[i] },
      data: line.figures.map((f) => ({ value: f.count, link: f.link })),
    })),
  };
}
