import { Breadcrumb, Card, Result, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { BatchSummary } from './batch-summary';
import { QualityPanel } from './quality-panel';
import { useBatch } from './use-datasets';

/** One batch: its counts, report and rollback, and the quality of the rows it loaded. */
export function BatchPage() {
  const t = useT();
  const id = Number(useParams().id);
  const batch = useBatch(id);
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
      {batch.data.status === 'loaded' && (
        <Card title={t('datasets.quality.title')}>
          <QualityPanel datasetType={batch.data.datasetType} batchId={id} />
        </Card>
      )}
    </>
  );
}
