import { Card, Empty, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { QualityPanel } from './quality-panel';
import { useBatches, useDatasets } from './use-datasets';

/** The quality dashboard: pick a dataset, and optionally one of its batches. */
export function QualityPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const datasetType = params.get('dataset') ?? undefined;
  const [batchId, setBatchId] = useState<number>();
  const datasets = useDatasets();
  const batches = useBatches({ datasetType, status: 'loaded', page: 1, pageSize: 200 });

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('datasets.quality.title')}
      </Typography.Title>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('datasets.import.datasetType')}
            style={{ minWidth: 260 }}
            value={datasetType}
            data-testid="quality-dataset"
            onChange={(key: string) => (setParams({ dataset: key }), setBatchId(undefined))}
            options={(datasets.data ?? []).map((d) => ({
              value: d.key,
              label: `${d.name[lang]} (${d.key}) · ${d.rowCount.toLocaleString()}`,
            }))}
          />
          <Select
            allowClear
            disabled={!datasetType}
            placeholder={t('datasets.rows.allBatches')}
            style={{ minWidth: 260 }}
            value={batchId}
            onChange={(id?: number) => setBatchId(id)}
            options={(datasetType ? (batches.data?.items ?? []) : []).map((b) => ({
              value: b.id,
              label: `#${b.id} ${b.fileName}`,
            }))}
          />
        </Flex>
        {datasetType ? (
          <QualityPanel datasetType={datasetType} batchId={batchId} />
        ) : (
          <Empty description={t('datasets.quality.pick')} />
        )}
      </Card>
    </>
  );
}
