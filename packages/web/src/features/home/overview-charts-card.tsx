import { Card, Empty, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import type { ChartOption } from '../../shared/echart';
import { useI18n } from '../../i18n';
import { type FigureLink, FigureLinks } from './figure-links';

// ECharts is loaded with the first chart, not with the console.
const EChart = lazy(() => import('../../shared/echart').then((m) => ({ default: m.EChart })));

/** A chart whose items open the list they count, with the same figures as links below it. */
export function OverviewChartCard(props: {
  title: string;
  option: ChartOption;
  figures: FigureLink[];
  testId: string;
  height?: number;
  linkTestId?: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const empty = props.figures.every((f) => f.count === 0);
  return (
    <Card title={props.title} size="small" data-testid={props.testId}>
      {empty ? (
        <Empty description={t('overview.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <>
          <Suspense fallback={<Skeleton active />}>
            <EChart
              option={props.option}
              height={props.height ?? 240}
              testId={`${props.testId}-chart`}
              onClick={(data) => {
                const link = (data as { link?: string } | undefined)?.link;
                if (link) void navigate(link);
              }}
            />
          </Suspense>
          <FigureLinks figures={props.figures} testId={`${props.testId}-figures`} linkTestId={props.linkTestId} />
        </>
      )}
    </Card>
  );
}
