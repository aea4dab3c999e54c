import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Result, Row, Select, Spin, Statistic, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { type FieldQuality, getQuality } from '../../api/dataset-quality';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { useDateTime } from './localised';
import { DateRanges, DuplicateKeys } from './quality-tables';
import {
  completenessOption,
  distributionOption,
  hasDistribution,
  hasValidRate,
  validityOption,
} from './quality-charts';
import { useDataset } from './use-datasets';

// ECharts is loaded with the first chart, not with the console.
const EChart = lazy(() => import('../../shared/echart').then((m) => ({ default: m.EChart })));

/**
 * Quality of a dataset, or of one batch's rows: completeness per field, valid-identifier
 * rate, the distribution of a chosen field's values, date ranges and duplicate keys.
 */
export function QualityPanel({ datasetType, batchId }: { datasetType: string; batchId?: number }) {
  const { t, lang } = useI18n();
  const formatTime = useDateTime();
  const client = useQueryClient();
  const key = ['dataset-quality', datasetType, batchId];
  const quality = useQuery({ queryKey: key, queryFn: () => getQuality({ datasetType, batchId }) });
  const dataset = useDataset(datasetType);
  const [picked, setPicked] = useState<string>();
  const [refreshing, setRefreshing] = useState(false);
  if (quality.error) return <Result status="warning" title={errorText(t, quality.error)} />;
  if (!quality.data) return <Spin />;
  const report = quality.data;

  const refresh = async () => {
    setRefreshing(true);
    try {
      client.setQueryData(key, await getQuality({ datasetType, batchId }, true));
    } finally {
      setRefreshing(false);
    }
  };
  const labelOf = (f: FieldQuality) => f.label[lang];
  const codeLabel = (field: string) => (code: string) =>
    dataset.data?.fields.find((f) => f.key === field)?.values?.find((v) => v.code === code)?.label[lang] ?? code;
  const distributable = report.fields.filter(hasDistribution);
  const shown = distributable.find((f) => f.key === picked) ?? distributable[0];
  const average = report.fields.reduce((sum, f) => sum + (f.completeness ?? 0), 0) / Math.max(report.fields.length, 1);

  return (
    <Flex vertical gap={16} data-testid="quality-panel">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {t(report.cached ? 'datasets.quality.cachedAt' : 'datasets.quality.computedAt', {
            time: formatTime(report.computedAt),
          })}
        </Typography.Text>
        <Button size="small" icon={<ReloadOutlined />} loading={refreshing} onClick={() => void refresh()}>
          {t('datasets.quality.refresh')}
        </Button>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('datasets.quality.rows')} value={report.rows} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('datasets.quality.batches')} value={report.batches.count} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('datasets.batch.rowsRejected')} value={report.batches.rowsRejected} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('datasets.quality.averageCompleteness')} value={average * 100} precision={1} suffix="%" />
        </Col>
      </Row>
      {report.rows === 0 ? (
        <Empty description={t('datasets.quality.empty')} />
      ) : (
        <Suspense fallback={<Spin />}>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('datasets.quality.completeness')}>
                <EChart
                  option={completenessOption(report.fields, labelOf)}
                  height={Math.max(240, report.fields.length * 26)}
                  testId="chart-completeness"
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Flex vertical gap={16}>
                <Card size="small" title={t('datasets.quality.validity')}>
                  {report.fields.some(hasValidRate) ? (
                    <EChart option={validityOption(report.fields, labelOf)} height={240} testId="chart-validity" />
                  ) : (
                    <Empty description={t('datasets.quality.noIdentifiers')} />
                  )}
                </Card>
                <Card size="small" title={t('datasets.quality.dateRange')}>
                  <DateRanges fields={report.fields} />
                </Card>
              </Flex>
            </Col>
            <Col xs={24} xl={14}>
              <Card
                size="small"
                title={t('datasets.quality.distribution')}
                extra={
                  <Select
                    size="small"
                    style={{ minWidth: 180 }}
                    value={shown?.key}
                    onChange={setPicked}
                    options={distributable.map((f) => ({ value: f.key, label: labelOf(f) }))}
                  />
                }
              >
                {shown ? (
                  <EChart
                    option={distributionOption(shown, codeLabel(shown.key))}
                    height={300}
                    testId="chart-distribution"
                  />
                ) : (
                  <Empty />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('datasets.quality.duplicates')}>
                <DuplicateKeys duplicates={report.duplicates} />
              </Card>
            </Col>
          </Row>
        </Suspense>
      )}
    </Flex>
  );
}
