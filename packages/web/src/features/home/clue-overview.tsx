import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Flex, Skeleton, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { type ClueStatistics, type ClueStatisticsQuery, getClueStatistics } from '../../api/clue-statistics';
import { useI18n } from '../../i18n';
import { barOption, clueFigures, clueTrendFigures, cluesLink, linesOption } from './clue-overview-links';
import { FigureLinks } from './figure-links';
import { OverviewChartCard } from './overview-charts-card';

/** Marks the clue figures' links, apart from the warnings' (`figure-link`). */
const LINK = 'clue-figure-link';

/** The clue section of the leader's overview: each count a click from the registry filtered to it. */
export function ClueOverview() {
  const { t } = useI18n();
  // The days received the figures are bounded by; none, every clue of the jurisdiction.
  const [query, setQuery] = useState<ClueStatisticsQuery>({});
  const statistics = useQuery({
    queryKey: ['statistics', 'clues', query],
    queryFn: () => getClueStatistics(query),
    staleTime: 30_000,
    // The figures of the last days stay on screen (with the picker) while the new ones load.
    placeholderData: (previous) => previous,
  });
  const picker = (
    <DatePicker.RangePicker
      data-testid="clues-received-range"
      placeholder={[t('overview.clues.receivedFrom'), t('overview.clues.receivedTo')]}
      value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
      onChange={(range) =>
        setQuery(
          range?.[0] && range[1] ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {},
        )
      }
    />
  );
  if (statistics.isPending) return <Skeleton active />;
  if (statistics.isError) return <Alert type="error" showIcon title={t('overview.loadFailed')} />;
  return <ClueCharts s={statistics.data} base={query} picker={picker} />;
}

function ClueCharts({ s, base, picker }: { s: ClueStatistics; base: ClueStatisticsQuery; picker: ReactNode }) {
  const { t, lang } = useI18n();
  const bars = [
    {
      key: 'clues-state',
      title: t('overview.clues.byState'),
      figures: clueFigures(
        base,
        s.byState,
        'state',
        (r) => r.label[lang],
        (r) => ({ state: r.state }),
      ),
    },
    {
      key: 'clues-source',
      title: t('overview.clues.bySource'),
      figures: clueFigures(
        base,
        s.bySource,
        'source',
        (r) => r.label[lang],
        (r) => ({ source: r.source }),
      ),
    },
    {
      key: 'clues-problem-type',
      title: t('overview.clues.byProblemType'),
      figures: clueFigures(
        base,
        s.byProblemType,
        'problemType',
        (r) => r.label[lang],
        (r) => ({ problemType: r.problemType }),
      ),
    },
    {
      key: 'clues-town',
      title: t('overview.clues.byTown'),
      figures: clueFigures(
        base,
        s.byTown,
        'division',
        (r) => r.name?.[lang] ?? `${t('overview.unknownPlace')} ${r.division}`,
        (r) => ({ division: r.division }),
      ),
    },
    {
      key: 'clues-office',
      title: t('overview.clues.byOffice'),
      figures: clueFigures(
        base,
        s.byOffice,
        'office',
        (r) => r.name,
        (r) => ({ office: String(r.office) }),
      ),
    },
  ];
  const trend = clueTrendFigures(base, s.trend);
  const lines = [
    { name: t('overview.clues.received'), figures: trend.received },
    { name: t('overview.clues.closed'), figures: trend.closed },
    { name: t('overview.clues.filedAsCase'), figures: trend.filedAsCase },
  ];
  const days = (value: number | null) => (value === null ? '—' : t('overview.clues.days', { days: value }));
  return (
    <>
      <Col xs={24}>
        <Card title={t('overview.clues.title')} size="small" data-testid="overview-clues">
          <div style={{ marginBottom: 12 }}>{picker}</div>
          <Flex wrap gap="8px 24px">
            {[
              { key: 'total', title: t('overview.clues.total'), count: s.total, filter: {} },
              {
                key: 'running',
                title: t('overview.clues.running'),
                count: s.overdue.running,
                filter: { running: 'true' as const },
              },
              {
                key: 'overdue',
                title: t('overview.clues.overdue'),
                count: s.overdue.overdue,
                filter: { overdue: 'true' as const },
              },
            ].map((f) => (
              <Link key={f.key} to={cluesLink(base, f.filter)} data-testid={LINK} data-count={f.count}>
                <Statistic title={f.title} value={f.count} />
              </Link>
            ))}
            <Statistic
              title={t('overview.clues.overdueRate')}
              value={s.overdue.rate === null ? '—' : `${(s.overdue.rate * 100).toFixed(1)}%`}
            />
            <Statistic
              title={t('overview.clues.handling')}
              value={days(s.handling.medianDays)}
              suffix={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('overview.clues.p90', { days: days(s.handling.p90Days) })}
                </Typography.Text>
              }
            />
          </Flex>
          <FigureLinks
            testId="clues-first-form"
            linkTestId={LINK}
            figures={clueFigures(
              base,
              s.firstForm,
              'outcome',
              (r) => `${t('overview.clues.firstForm')} · ${r.label[lang]}`,
              (r) => ({ firstForm: r.outcome }),
            )}
          />
        </Card>
      </Col>
      {bars.map((bar) => (
        <Col xs={24} lg={12} key={bar.key}>
          <OverviewChartCard
            title={bar.title}
            testId={bar.key}
            option={barOption(bar.figures)}
            height={Math.max(160, 24 + bar.figures.length * 32)}
            figures={bar.figures}
            linkTestId={LINK}
          />
        </Col>
      ))}
      <Col xs={24} lg={12}>
        <OverviewChartCard
          title={t('overview.clues.trend')}
          testId="clues-trend"
          linkTestId={LINK}
          option={linesOption(trend.months, lines)}
          figures={lines.flatMap((line) =>
            line.figures.map((f, i) => ({ ...f, label: `${trend.months[i] ?? ''} ${line.name}` })),
          )}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('overview.clues.durations')} size="small" data-testid="clues-durations">
          <Table
            size="small"
            rowKey="state"
            pagination={false}
            dataSource={s.durations}
            locale={{ emptyText: t('overview.none') }}
            columns={[
              { title: t('overview.clues.stage'), key: 'stage', render: (_, d) => d.label[lang] },
              { title: t('overview.clues.median'), key: 'median', width: 90, render: (_, d) => days(d.medianDays) },
              { title: t('overview.clues.p90Short'), key: 'p90', width: 90, render: (_, d) => days(d.p90Days) },
            ]}
          />
        </Card>
      </Col>
    </>
  );
}
