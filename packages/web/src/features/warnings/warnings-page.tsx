import { Button, Card, Flex, Space, Table, type TableColumnType, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Severity } from '../../api/models';
import {
  type Warning,
  type WarningFilter,
  type WarningPage,
  type WarningSortKey,
  type WarningStatus,
  warningExportUrl,
} from '../../api/warnings';
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
import { type ListParams, useListParams } from './use-list-params';
import { PersonSearch } from '../people/person-search';

const BULK: readonly WarningStatus[] = ['under_review', 'false_positive', 'not_actionable'];

/**
 * The list after a click on the pager: the next or previous page starts at the position
 * the shown page gave (keyset paging, as fast deep in the list as at its start); a jump
 * further, or a new page size, counts from the start.
 */
function turnPage(list: ListParams, shown: WarningPage | undefined, page: number, pageSize: number): ListParams {
  const next: ListParams = { filter: list.filter, page, pageSize, ...(list.sort ? { sort: list.sort } : {}) };
  if (pageSize !== list.pageSize) return { ...next, page: 1 };
  if (!shown) return next;
  if (page === list.page + 1 && shown.nextCursor) return { ...next, after: shown.nextCursor };
  if (page === list.page - 1 && shown.prevCursor && page > 1) return { ...next, before: shown.prevCursor };
  return next;
}

/**
 * Warnings in the user's jurisdiction: filters, sort, paging (all kept in the URL), bulk
 * handling and export; above them, for those who may read people's data, a search by
 * name or identity number leading to a person's page.
 */
export function WarningsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const formatTime = useDateTime();
  const nameOf = useModelNames();
  const { ok, fail } = useNotify();
  const location = useLocation();
  const [list, changeList] = useListParams();
  const { filter, page, pageSize, sort, after, before } = list;
  const [selected, setSelected] = useState<number[]>([]);
  const [target, setTarget] = useState<WarningStatus>();
  const warnings = useWarnings(filter, page, pageSize, sort, after ? { after } : before ? { before } : {});
  const change = useChangeStatus();
  // The page on screen, for the pager's positions: read when the pager is clicked, since the
  // table keeps the change handler of an earlier render. A page still showing while another
  // loads (after a new sort, say) gives none.
  const shown = useRef<WarningPage>(undefined);
  shown.current = warnings.isPlaceholderData ? undefined : warnings.data;
  const handle = can('warning.handle');

  // Page 1 carries no position (see use-list-params), so a new filter or sort starts afresh.
  const refilter = (next: WarningFilter) => (changeList((l) => ({ ...l, filter: next, page: 1 })), setSelected([]));
  // A server-side sort: the column shows the URL's order, a click asks for another.
  const sortable = (key: WarningSortKey): Pick<TableColumnType<Warning>, 'sorter' | 'sortOrder' | 'key'> => ({
    key,
    sorter: true,
    sortOrder: sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null,
  });
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
      {can('person.read') && <PersonSearch />}
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
          // The list's URL goes along, so the warning's breadcrumb leads back to this very list.
          onRow={(w) => ({
            onClick: () => void navigate(`/warnings/${w.id}`, { state: { list: location.search } }),
            style: { cursor: 'pointer' },
          })}
          onChange={(pagination, _filters, sorter, { action }) => {
            if (action === 'sort' && !Array.isArray(sorter)) {
              const key = sorter.columnKey as WarningSortKey | undefined;
              const next = key && sorter.order ? (sorter.order === 'descend' ? `-${key}` : key) : undefined;
              changeList((l) => ({ ...l, sort: next as typeof sort, page: 1 }));
            } else if (action === 'paginate') {
              changeList((l) => turnPage(l, shown.current, pagination.current ?? 1, pagination.pageSize ?? l.pageSize));
            }
          }}
          pagination={{
            current: page,
            pageSize,
            total: warnings.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) =>
              warnings.data?.totalIsAtLeast ? t('warnings.totalAtLeast', { total }) : t('common.total', { total }),
          }}
          columns={[
            { title: t('warnings.id'), dataIndex: 'id', width: 70, ...sortable('id') },
            {
              title: t('warnings.model'),
              dataIndex: 'modelId',
              width: 200,
              ...sortable('modelId'),
              render: (id: string) => `${id} ${nameOf(id)?.[lang] ?? ''}`,
            },
            {
              title: t('models.severity'),
              dataIndex: 'severity',
              width: 80,
              ...sortable('severity'),
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
              ...sortable('division'),
              render: (code: string | null, w) => <PlaceName code={code} name={w.divisionName} />,
            },
            {
              title: t('warnings.statusLabel'),
              dataIndex: 'status',
              width: 120,
              ...sortable('status'),
              render: (s: WarningStatus, w) => (
                <Space size={4} wrap>
                  <WarningStatusTag status={s} />
                  <RetiredTag reason={w.retiredReason} />
                </Space>
              ),
            },
            {
              title: t('warnings.firstSeenAt'),
              dataIndex: 'firstSeenAt',
              width: 170,
              render: formatTime,
              ...sortable('firstSeenAt'),
            },
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
