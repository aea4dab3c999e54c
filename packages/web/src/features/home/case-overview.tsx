import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Flex, Skeleton, Statistic } from 'antd';
import { Link } from 'react-router';
import { type CaseStatistics, getCaseStatistics } from '../../api/case-statistics';
import { useI18n } from '../../i18n';
import { barOption } from './clue-overview-links';
import type { FigureLink } from './figure-links';
import { OverviewChartCard } from './overview-charts-card';

/** Marks the case figures' links, apart from the warnings' and the clues'. */
const LINK = 'case-figure-link';

/** The case registry filtered as a figure counts. */
const casesLink = (filter: { state?: string; overdue?: 'true' }) => {
  const params = new URLSearchParams();
  if (filter.state) params.set('state', filter.state);
  if (filter.overdue) params.set('overdue', filter.overdue);
  const text = params.toString();
  return text ? `/cases?${text}` : '/cases';
};

/** The case section of the leader's overview: cases by stage (each a click from its list), people by outcome, the ledger. */
export function CaseOverview() {
  const { t } = useI18n();
  const statistics = useQuery({ queryKey: ['statistics', 'cases'], queryFn: getCaseStatistics, staleTime: 30_000 });
  if (statistics.isPending) return <Skeleton active />;
  if (statistics.isError) return <Alert type="error" showIcon title={t('overview.loadFailed')} />;
  return <CaseCharts s={statistics.data} />;
}

function CaseCharts({ s }: { s: CaseStatistics }) {
  const { t, lang } = useI18n();
  const byState: FigureLink[] = s.byState.map((r) => ({
    key: `state:${r.state}`,
    label: r.label[lang],
    count: r.count,
    link: casesLink({ state: r.state }),
  }));
  // People, not cases: no list counts them, so the bars open nothing.
  const people = (rows: { code: string; label: { zh: string; en: string }; count: number }[], prefix: string) =>
    rows.map((r) => ({ name: `${prefix} · ${r.label[lang]}`, value: r.count }));
  const outcomes = [
    ...s.fourForms.map((f) => ({ name: f.label[lang], value: f.count })),
    ...people(s.dispositions.party, t('overview.cases.party')),
    ...people(s.dispositions.government, t('overview.cases.government')),
    ...people(s.dispositions.organisational, t('overview.cases.organisational')),
    ...people(s.dispositions.firstForm, t('overview.clues.firstForm')),
  ];
  const yuan = (fen: number) =>
    (fen / 100).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2 });
  return (
    <>
      <Col xs={24}>
        <Card title={t('overview.cases.title')} size="small" data-testid="overview-cases">
          <Flex wrap gap="8px 24px">
            {[
              { key: 'total', title: t('overview.cases.total'), count: s.total, link: casesLink({}) },
              {
                key: 'overdue',
                title: t('overview.clues.overdue'),
                count: s.overdue.overdue,
                link: casesLink({ overdue: 'true' }),
              },
            ].map((f) => (
              <Link key={f.key} to={f.link} data-testid={LINK} data-count={f.count}>
                <Statistic title={f.title} value={f.count} />
              </Link>
            ))}
            <Statistic
              title={t('overview.clues.overdueRate')}
              value={s.overdue.rate === null ? '—' : `${(s.overdue.rate * 100).toFixed(1)}%`}
            />
            <Statistic title={t('overview.cases.people')} value={s.dispositions.people} />
            <Statistic title={t('overview.cases.procuratorate')} value={s.dispositions.transferToProcuratorate} />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <OverviewChartCard
          title={t('overview.cases.byState')}
          testId="cases-state"
          option={barOption(byState)}
          height={Math.max(160, 24 + byState.length * 32)}
          figures={byState}
          linkTestId={LINK}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('overview.cases.outcomes')} size="small" data-testid="cases-outcomes">
          <Descriptions size="small" column={1}>
            {outcomes.map((o) => (
              <Descriptions.Item key={o.name} label={o.name}>
                {o.value}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('overview.cases.property')} size="small" data-testid="cases-property">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('overview.cases.registered')}>
              {t('overview.cases.money', { amount: yuan(s.property.registered.fen) })} ·{' '}
              {t('overview.cases.pieces', { count: s.property.registered.piece })}
            </Descriptions.Item>
            {s.property.byPlace
              .filter((p) => p.fen > 0 || p.piece > 0)
              .map((p) => (
                <Descriptions.Item key={p.place} label={p.label[lang]}>
                  {t('overview.cases.money', { amount: yuan(p.fen) })} ·{' '}
                  {t('overview.cases.pieces', { count: p.piece })}
                </Descriptions.Item>
              ))}
          </Descriptions>
        </Card>
      </Col>
    </>
  );
}
