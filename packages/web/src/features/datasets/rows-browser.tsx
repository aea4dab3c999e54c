import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import type { DatasetField } from '../../api/datasets';
import { type DatasetRow, listDatasetRows } from '../../api/dataset-rows';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { AskApprovalModal } from '../approvals/ask-approval-modal';
import { useCan } from '../auth/use-me';
import { ReasonModal } from './reason-modal';
import { RowsFilter } from './rows-filter';
import { useBatches } from './use-datasets';

function display(value: DatasetRow['values'][string] | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * The rows a dataset holds, page by page, optionally of one batch. Identity numbers, names
 * and phones arrive masked; `person.read` may show the current page whole, giving a reason
 * the server audits. Turning the page masks again.
 */
/**
 * The identity lookups of the filters as the server names them for an approval
 * (`<dataset>:<field>=<value>&…`, sorted by field), so the approved query is the one run again.
 */
function identityLookup(datasetType: string, fields: DatasetField[], filters: Record<string, string>): string {
  const parts = Object.entries(filters)
    .filter(([key]) => ['id', 'subject'].includes(fields.find((f) => f.key === key)?.type ?? ''))
    .map(([key, value]) => `${key}=${value}`)
    .sort();
  return `${datasetType}:${parts.join('&')}`;
}

export function RowsBrowser({ datasetType, fields }: { datasetType: string; fields: DatasetField[] }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const [batchId, setBatchId] = useState<number | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [revealReason, setRevealReason] = useState<string>();
  const [asking, setAsking] = useState(false);
  const [askingApproval, setAskingApproval] = useState<string | null>(null);
  const batches = useBatches({ datasetType, status: 'loaded', page: 1, pageSize: 200 });
  const rows = useQuery({
    queryKey: ['dataset-rows', datasetType, batchId, filters, paging, revealReason],
    queryFn: () => listDatasetRows(datasetType, { batchId, filters, ...paging, revealReason }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const revealed = rows.data?.revealed === true;
  // A new selection starts at page one, masked again.
  const restart = () => (setPaging((p) => ({ ...p, page: 1 })), setRevealReason(undefined));

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        <Select
          allowClear
          placeholder={t('datasets.rows.allBatches')}
          style={{ minWidth: 260 }}
          value={batchId}
          onChange={(id?: number) => (setBatchId(id), restart())}
          options={(batches.data?.items ?? []).map((b) => ({ value: b.id, label: `#${b.id} ${b.fileName}` }))}
        />
        <RowsFilter fields={fields} onChange={(next) => (setFilters(next), restart())} />
        <div style={{ flex: 1 }} />
        {can('person.read') &&
          (revealed ? (
            <Button icon={<EyeInvisibleOutlined />} onClick={() => setRevealReason(undefined)}>
              {t('datasets.rows.mask')}
            </Button>
          ) : (
            <Button icon={<EyeOutlined />} onClick={() => setAsking(true)} data-testid="reveal-rows">
              {t('datasets.rows.reveal')}
            </Button>
          ))}
      </Flex>
      {revealed ? (
        <Alert type="warning" showIcon title={t('datasets.rows.revealedHint')} />
      ) : (
        <Alert type="info" showIcon title={t('datasets.rows.maskedHint')} />
      )}
      {rows.error instanceof ApiError && rows.error.code === 'approval_required' ? (
        <Alert
          type="info"
          showIcon
          title={t('approvals.required')}
          action={
            <Button size="small" onClick={() => setAskingApproval(identityLookup(datasetType, fields, filters))}>
              {t('approvals.ask')}
            </Button>
          }
        />
      ) : (
        rows.error && <Alert type="error" showIcon title={errorText(t, rows.error)} />
      )}
      <AskApprovalModal kind="dataset_search" query={askingApproval} onClose={() => setAskingApproval(null)} />
      <Table<DatasetRow>
        rowKey={(row) => `${row.batchId}:${row.rowNo}`}
        size="small"
        loading={rows.isFetching}
        dataSource={rows.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="dataset-rows"
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => (setPaging({ page, pageSize }), setRevealReason(undefined)),
        }}
        columns={[
          {
            title: t('datasets.batch.id'),
            dataIndex: 'batchId',
            width: 70,
            fixed: 'left',
            render: (id: number) => <Link to={`/import-batches/${id}`}>#{id}</Link>,
          },
          { title: t('datasets.rows.rowNo'), dataIndex: 'rowNo', width: 70, fixed: 'left' },
          ...fields.map((field) => ({
            key: field.key,
            title: field.label[lang],
            render: (_: unknown, row: DatasetRow) => {
              const text = display(row.values[field.key]);
              // Enum fields hold codes; show the label of the current language.
              return field.values?.find((v) => v.code === text)?.label[lang] ?? text;
            },
          })),
        ]}
      />
      <ReasonModal
        open={asking}
        onCancel={() => setAsking(false)}
        onConfirm={(reason) => (setRevealReason(reason), setAsking(false))}
      />
    </Flex>
  );
}
