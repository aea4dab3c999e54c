import { Button, Card, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Severity } from '../../api/models';
import { type Warning, type WarningFilter, type WarningStatus, warningExportUrl } from '../../api/warnings';
import { useI18n } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { useCan } from '../auth/use-me';
import { useDateTime } from '../datasets/localised';
import { SeverityTag } from '../models/severity-tag';
import { useModelNames } from '../models/use-models';
import { PlaceName } from '../../shared/place-name';
import { RetiredTag } from './retired-tag';
import { StatusModal } from './status-modal';
import { WarningStatusTag } from './status-tag';
import { useChangeStatus, useWarnings } from './use-warnings';
import { WarningFilters } from './warning-filters';
import { WarningSummaryLine } from './warning-summary';

const BULK: readonly WarningStatus[] = ['under_review', 'false_positive', 'not_actionable'];

/** Warnings in the user's jurisdiction: filters, paging, bulk handling and export. */
export function WarningsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const formatTime = useDateTime();
  const nameOf = useModelNames();
  const { ok, fail } = useNotify();
  const [filter, setFilter] = useState<WarningFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<number[]>([]);
  const [target, setTarget] = useState<WarningStatus>();
  const warnings = useWarnings(filter, paging.page, paging.pageSize);
  const change = useChangeStatus();
  const handle = can('warning.handle');

  const refilter = (next: WarningFilter) => (setFilter(next), setPaging((p) => ({ ...p, page: 1 })), setSelected([]));
  const confirm = (reason: string | undefined) =>
    target &&
    change.mutate(
      { ids: selected, status: target, reason },
      {
        onSuccess: () => (ok(t('warnings.changed', { count: selected.length })), setTarget(undefined), setSelected([])),
        onError: fail,
      },
    );

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('warnings.title')}
      </Typography.Title>
      <Card>
        <WarningFilters filter={filter} onChange={refilter} />
        <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
          <Space wrap>
            {handle &&
              BULK.map((status) => (
                <Button
                  key={status}
                  disabled={selected.length === 0}
                  data-testid={`bulk-${status}`}
                  onClick={() => setTarget(status)}
                >
                  {t(`warnings.mark.${status}`)}
                </Button>
              ))}
          </Space>
          <Space>
            <a href={warningExportUrl('csv', filter, lang)} download data-testid="export-csv">
              {t('warnings.exportCsv')}
            </a>
            <a href={warningExportUrl('json', filter, lang)} download data-testid="export-json">
              {t('warnings.exportJson')}
            </a>
          </Space>
        </Flex>
        <Table<Warning>
          rowKey="id"
          size="small"
          loading={warnings.isFetching}
          dataSource={warnings.data?.items ?? []}
          data-testid="warning-table"
          // Fits the 964 px a 1,280 px window leaves beside the menu; narrower, it scrolls inside.
          scroll={{ x: 920 }}
          rowSelection={
            handle ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined
          }
          onRow={(w) => ({ onClick: () => void navigate(`/warnings/${w.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: warnings.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            { title: t('warnings.id'), dataIndex: 'id', width: 70 },
            {
              title: t('warnings.model'),
              dataIndex: 'modelId',
              width: 200,
              render: (id: string) => `${id} ${nameOf(id)?.[lang] ?? ''}`,
            },
            {
              title: t('models.severity'),
              dataIndex: 'severity',
              width: 80,
              render: (s: Severity) => <SeverityTag severity={s} />,
            },
            {
              title: t('models.explanation'),
              key: 'explanation',
              render: (_, w) => (
                <>
                  {w.explanation[lang]}
                  <WarningSummaryLine summary={w.summary} />
                </>
              ),
            },
            {
              title: t('warnings.division'),
              dataIndex: 'divisionCode',
              width: 100,
              render: (code: string | null, w) => <PlaceName code={code} name={w.divisionName} />,
            },
            {
              title: t('warnings.statusLabel'),
              dataIndex: 'status',
              width: 120,
              render: (s: WarningStatus, w) => (
                <Space size={4} wrap>
                  <WarningStatusTag status={s} />
                  <RetiredTag reason={w.retiredReason} />
                </Space>
              ),
            },
            { title: t('warnings.firstSeenAt'), dataIndex: 'firstSeenAt', width: 170, render: formatTime },
          ]}
        />
      </Card>
      <StatusModal
        status={target}
        count={selected.length}
        pending={change.isPending}
        onCancel={() => setTarget(undefined)}
        onConfirm={confirm}
      />
    </>
  );
}
