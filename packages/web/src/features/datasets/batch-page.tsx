import { Breadcrumb, Card, Result, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { BatchSummary } from './batch-summary';
import { QualityPanel } from './quality-panel';
import { RejectedLines } from './rejected-lines';
import { useCan } from '../auth/use-me';
import { useBatch } from './use-datasets';

/** One batch: its counts, report and rollback, its rejected rows (for importers), and the quality of the rows it loaded. */
export function BatchPage() {
  const t = useT();
  const id = Number(useParams().id);
  const batch = useBatch(id);
  const can = useCan();
  if (batch.error) return <Result status="warning" title={errorText(t, batch.error)} />;
  if (!batch.data) return <Spin />;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/import-batches">{t('nav.batches')}</Link> }, { title: `#${id}` }]}
      />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('datasets.batch.title', { id })}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <BatchSummary batch={batch.data} />
      </Card>
      {can('dataset.import') && batch.data.rejectedReportUrl !== null && (
        <Card title={t('datasets.rejected.title')} style={{ marginBottom: 16 }}>
          <RejectedLines batchId={id} />
        </Card>
      )}
      {batch.data.status === 'loaded' && (
        <Card title={t('datasets.quality.title')}>
          <QualityPanel datasetType={batch.data.datasetType} batchId={id} />
        </Card>
      )}
    </>
  );
}
