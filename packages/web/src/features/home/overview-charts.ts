import type { OpenStatus } from '../../api/statistics';
import type { ChartOption } from '../../shared/echart';
import type { LinkedFigure, StackedFigures } from './overview-links';

const STATUS_COLOURS = { new: '#b71c1c', under_review: '#e0a030' } as const;
const LINE_COLOURS = ['#455a64', '#b71c1c', '#8c8c8c'];

const linked = (figure: LinkedFigure | null) => (figure ? { value: figure.count, link: figure.link } : { value: 0 });

/** Horizontal stacked bars, one per category, a segment per open status; a segment's data carries its list's link. */
export function stackedOption(figures: StackedFigures, statusLabel: (status: OpenStatus) => string): ChartOption {
  // ECharts draws the first category at the bottom: reversed, the list reads top-down.
  const categories = [...figures.categories].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: categories.map((c) => c.label),
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: figures.series.map((s) => ({
      type: 'bar',
      stack: 'open',
      name: statusLabel(s.status),
      itemStyle: { color: STATUS_COLOURS[s.status] },
      data: [...s.values].reverse().map(linked),
    })),
  };
}

/** Three lines by month of first sight: found, confirmed, judged false; a point's data carries its list's link. */
export function trendOption(
  trend: { months: string[]; found: LinkedFigure[]; confirmed: LinkedFigure[]; falsePositive: LinkedFigure[] },
  names: { found: string; confirmed: string; falsePositive: string },
): ChartOption {
  const lines = [trend.found, trend.confirmed, trend.falsePositive];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [names.found, names.confirmed, names.falsePositive].map((name, i) => ({
      type: 'line',
      name,
      symbolSize: 8,
      itemStyle: { color: LINE_COLOURS[i] },
      data: (lines[i] ?? []).map(linked),
    })),
  };
}
