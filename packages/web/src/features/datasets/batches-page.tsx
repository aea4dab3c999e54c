import { Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { BATCH_STATUSES, type Batch, type BatchStatus } from '../../api/datasets';
import { useI18n } from '../../i18n';
import { BatchStatusTag } from './batch-status-tag';
import { useDepartmentName } from './department-select';
import { useDateTime } from './localised';
import { useBatches, useDatasets } from './use-datasets';

/** Every import batch, newest first, filtered by dataset type and status. */
export function BatchesPage() {
  const { t, lang } = useI18n();
  const formatTime = useDateTime();
  const navigate = useNavigate();
  const datasets = useDatasets();
  const departmentName = useDepartmentName();
  const [filter, setFilter] = useState<{ datasetType?: string; status?: BatchStatus }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const batches = useBatches({ ...filter, ...paging });
  const nameOf = (key: string) => datasets.data?.find((d) => d.key === key)?.name[lang] ?? key;
  const refilter = (next: typeof filter) => (setFilter(next), setPaging((p) => ({ ...p, page: 1 })));

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('datasets.batches.title')}
      </Typography.Title>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="batch-filters">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('datasets.import.datasetType')}
            style={{ minWidth: 240 }}
            value={filter.datasetType}
            onChange={(datasetType?: string) => refilter({ ...filter, datasetType })}
            options={(datasets.data ?? []).map((d) => ({ value: d.key, label: `${d.name[lang]} (${d.key})` }))}
          />
          <Select
            allowClear
            placeholder={t('datasets.batch.status')}
            style={{ minWidth: 160 }}
            value={filter.status}
            onChange={(status?: BatchStatus) => refilter({ ...filter, status })}
            options={BATCH_STATUSES.map((s) => ({ value: s, label: t(`datasets.status.${s}`) }))}
          />
        </Flex>
        <Table<Batch>
          rowKey="id"
          size="small"
          loading={batches.isFetching}
          dataSource={batches.data?.items ?? []}
          scroll={{ x: 1000 }}
          data-testid="batch-table"
          onRow={(batch) => ({
            onClick: () => void navigate(`/import-batches/${batch.id}`),
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: batches.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            { title: t('datasets.batch.id'), dataIndex: 'id', width: 70 },
            { title: t('datasets.import.datasetType'), dataIndex: 'datasetType', render: nameOf },
            { title: t('datasets.batch.fileName'), dataIndex: 'fileName', ellipsis: true },
            {
              title: t('datasets.import.department'),
              dataIndex: 'departmentCode',
              render: departmentName,
            },
            {
              title: t('datasets.batch.status'),
              dataIndex: 'status',
              render: (s: BatchStatus) => <BatchStatusTag status={s} />,
            },
            { title: t('datasets.batch.rowsRead'), dataIndex: 'rowsRead', align: 'right' },
            { title: t('datasets.batch.rowsLoaded'), dataIndex: 'rowsLoaded', align: 'right' },
            {
              title: t('datasets.batch.rowsRejected'),
              dataIndex: 'rowsRejected',
              align: 'right',
              render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
            },
            { title: t('datasets.batch.createdAt'), dataIndex: 'createdAt', width: 170, render: formatTime },
          ]}
        />
      </Card>
    </>
  );
}
