import type { FieldQuality } from '../../api/dataset-quality';
import type { ChartOption } from '../../shared/echart';

const RED = '#b71c1c';
/** The brand red first, then muted tones that stay apart in print and for colour-blind readers. */
const PALETTE = [
  '#b71c1c',
  '#455a64',
  '#e0a030',
  '#26a69a',
  '#7e57c2',
  '#ef9a9a',
  '#8d6e63',
  '#90a4ae',
  '#5c6bc0',
  '#c0ca33',
];
const GREY = '#8c8c8c';
const percent = (share: number) => Math.round(share * 1000) / 10;

/** Horizontal bars: the share of rows with a value, per field; required fields in the brand red. */
export function completenessOption(fields: FieldQuality[], labelOf: (f: FieldQuality) => string): ChartOption {
  const ordered = [...fields].reverse(); // ECharts draws the first category at the bottom.
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value) => `${String(value)}%` },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: ordered.map(labelOf) },
    series: [
      {
        type: 'bar',
        data: ordered.map((f) => ({
          value: percent(f.completeness ?? 0),
          itemStyle: { color: f.required ? RED : GREY },
        })),
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
}

/** A gauge for one identifier field, bars for several: the share of valid identifiers. */
export function validityOption(fields: FieldQuality[], labelOf: (f: FieldQuality) => string): ChartOption {
  const identifiers = fields.filter(hasValidRate);
  if (identifiers.length === 1) {
    const only = identifiers[0] as FieldQuality;
    return {
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          startAngle: 210,
          endAngle: -30,
          pointer: { show: false },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          axisLine: { lineStyle: { width: 16 } },
          progress: { show: true, width: 16, itemStyle: { color: RED } },
          detail: { formatter: '{value}%', fontSize: 26, offsetCenter: [0, '0%'] },
          title: { offsetCenter: [0, '62%'], fontSize: 13 },
          data: [{ value: percent(only.identifier?.validRate ?? 0), name: labelOf(only) }],
        },
      ],
    };
  }
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value) => `${String(value)}%` },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: identifiers.map(labelOf) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { type: 'bar', data: identifiers.map((f) => percent(f.identifier?.validRate ?? 0)), itemStyle: { color: RED } },
    ],
  };
}

/** Identifier fields with at least one value loaded or rejected. */
export function hasValidRate(field: FieldQuality): boolean {
  return field.identifier !== undefined && field.identifier.validRate !== null;
}

/** Fields with a distribution to draw: enum codes or money buckets. */
export function hasDistribution(field: FieldQuality): boolean {
  return (field.topValues?.length ?? 0) > 0 || (field.histogram?.length ?? 0) > 0;
}

const money = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 0 });

/** A ring of an enum field's most frequent codes, or bars of a money field's buckets. */
export function distributionOption(field: FieldQuality, codeLabel: (code: string) => string): ChartOption {
  if (field.histogram && field.histogram.length > 0) {
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: field.histogram.map((b) => `${money(b.from)}–${money(b.to)}`) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: field.histogram.map((b) => b.count), itemStyle: { color: RED } }],
    };
  }
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        data: (field.topValues ?? []).map((v) => ({
          name: v.value === null || v.value === '' ? '—' : codeLabel(String(v.value)),
          value: v.count,
        })),
      },
    ],
  };
}
