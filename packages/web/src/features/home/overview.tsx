import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Row, Skeleton, Typography } from 'antd';
import type { Localised } from '../../api/datasets';
import { getOverview, type WarningOverview } from '../../api/statistics';
import type { WarningStatus } from '../../api/warnings';
import { useI18n } from '../../i18n';
import { useCan } from '../auth/use-me';
import { useDateTime } from '../datasets/localised';
import { CaseOverview } from './case-overview';
import { ClueOverview } from './clue-overview';
import { stackedOption, trendOption } from './overview-charts';
import { OverviewChartCard } from './overview-charts-card';
import { FreshnessCard, MostConfirmedCard, StatusCard } from './overview-cards';
import { stackOpen, type StackedFigures, trendFigures } from './overview-links';

/** The leader's overview (领导驾驶舱): every figure inside the user's jurisdiction, each a click from its list. */
export function Overview() {
  const { t } = useI18n();
  const can = useCan();
  const dateTime = useDateTime();
  const overview = useQuery({ queryKey: ['statistics', 'overview'], queryFn: getOverview, staleTime: 30_000 });
  if (overview.isPending) return <Skeleton active />;
  if (overview.isError) return <Alert type="error" showIcon title={t('overview.loadFailed')} />;
  const { warnings, freshness } = overview.data;
  return (
    <div data-testid="overview">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('overview.title')}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
          {t('overview.asOf', { at: dateTime(overview.data.asOf) })}
        </Typography.Text>
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {warnings && <WarningCharts warnings={warnings} />}
        {can('clue.read') && <ClueOverview />}
        {can('case.read') && <CaseOverview />}
        {freshness && (
          <Col xs={24}>
            <FreshnessCard freshness={freshness} />
          </Col>
        )}
      </Row>
    </div>
  );
}

function WarningCharts({ warnings }: { warnings: WarningOverview }) {
  const { t, lang } = useI18n();
  const statusLabel = (status: WarningStatus) => t(`warnings.status.${status}`);
  const placeName = (name: Localised | null, division: string) =>
    name?.[lang] ?? `${t('overview.unknownPlace')} ${division}`;
  const stacks: { key: string; title: string; figures: StackedFigures }[] = [
    {
      key: 'overview-severity',
      title: t('overview.bySeverity'),
      figures: stackOpen(
        warnings.bySeverity,
        (r) => r.severity,
        (r) => t(`models.severity.${r.severity}`),
        (r) => ({ severity: r.severity }),
      ),
    },
    {
      key: 'overview-category',
      title: t('overview.byCategory'),
      figures: stackOpen(
        warnings.byCategory,
        (r) => r.category,
        (r) => r.label[lang],
        (r) => ({ category: r.category }),
      ),
    },
    {
      key: 'overview-town',
      title: t('overview.byTown'),
      figures: stackOpen(
        warnings.byTown,
        (r) => r.division,
        (r) => placeName(r.name, r.division),
        (r) => ({ division: r.division }),
      ),
    },
  ];
  const trend = trendFigures(warnings.trend);
  const trendNames = {
    found: t('overview.trend.found'),
    confirmed: t('overview.trend.confirmed'),
    falsePositive: t('overview.trend.falsePositive'),
  };
  return (
    <>
      <Col xs={24}>
        <StatusCard warnings={warnings} />
      </Col>
      {stacks.map((stack) => (
        <Col xs={24} lg={12} key={stack.key}>
          <OverviewChartCard
            title={stack.title}
            testId={stack.key}
            option={stackedOption(stack.figures, statusLabel)}
            height={Math.max(160, 48 + stack.figures.categories.length * 36)}
            figures={stack.figures.series.flatMap((s) =>
              s.values.flatMap((v, i) =>
                v ? [{ ...v, label: `${stack.figures.categories[i]?.label ?? ''} · ${statusLabel(s.status)}` }] : [],
              ),
            )}
          />
        </Col>
      ))}
      <Col xs={24} lg={12}>
        <OverviewChartCard
          title={t('overview.trend')}
          testId="overview-trend"
          option={trendOption(trend, trendNames)}
          figures={(['found', 'confirmed', 'falsePositive'] as const).flatMap((line) =>
            trend[line].map((f, i) => ({ ...f, label: `${trend.months[i] ?? ''} ${trendNames[line]}` })),
          )}
        />
      </Col>
      <Col xs={24}>
        <MostConfirmedCard warnings={warnings} placeName={placeName} />
      </Col>
    </>
  );
}
