import { Card, Col, Empty, Row, Spin, Statistic } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import type { ModelStats } from '../../api/warnings';
import { type Translate, useT } from '../../i18n';
import type { ChartOption } from '../../shared/echart';
import { useModelStats } from './use-models';

// ECharts is loaded with the first chart, not with the console.
const EChart = lazy(() => import('../../shared/echart').then((m) => ({ default: m.EChart })));

function trendOption(stats: ModelStats, t: Translate): ChartOption {
  const months = stats.trend.map((m) => m.month);
  const bar = (name: string, data: number[], color: string) => ({ type: 'bar' as const, name, data, color });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      bar(
        t('models.stats.hits'),
        stats.trend.map((m) => m.hits),
        '#5470c6',
      ),
      bar(
        t('models.stats.confirmed'),
        stats.trend.map((m) => m.confirmed),
        '#b71c1c',
      ),
      bar(
        t('models.stats.falsePositives'),
        stats.trend.map((m) => m.falsePositives),
        '#91a7b5',
      ),
      {
        type: 'line',
        name: t('models.stats.precision'),
        yAxisIndex: 1,
        connectNulls: true,
        data: stats.trend.map((m) => (m.precision === null ? null : Math.round(m.precision * 1000) / 10)),
      },
    ],
  };
}

/** The model's hits and how handlers judged them: totals, precision, and the monthly trend. */
export function ModelStatsPanel({ modelId }: { modelId: string }) {
  const t = useT();
  const query = useModelStats(modelId);
  const stats = query.data?.find((s) => s.modelId === modelId);
  const option = useMemo(() => (stats ? trendOption(stats, t) : undefined), [stats, t]);
  if (query.isPending) return <Spin />;
  if (!stats || !option) return <Empty description={t('models.stats.none')} />;
  const precision = stats.precision === null ? '—' : `${(stats.precision * 100).toFixed(1)}%`;
  return (
    <>
      <Row gutter={[16, 16]} data-testid="model-stats">
        {(
          [
            ['models.stats.hits', stats.hits],
            ['models.stats.confirmed', stats.confirmed],
            ['models.stats.falsePositives', stats.falsePositives],
            ['models.stats.open', stats.open],
          ] as const
        ).map(([label, value]) => (
          <Col key={label} xs={12} md={4}>
            <Statistic title={t(label)} value={value} />
          </Col>
        ))}
        <Col xs={12} md={4}>
          <Statistic title={t('models.stats.precision')} value={precision} />
        </Col>
      </Row>
      <Card size="small" title={t('models.stats.trend')} style={{ marginTop: 16 }}>
        <Suspense fallback={<Spin />}>
          <EChart option={option} testId="model-trend" />
        </Suspense>
      </Card>
    </>
  );
}
