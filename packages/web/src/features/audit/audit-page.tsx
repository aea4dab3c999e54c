import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { type AuditEntry, type AuditFilter, auditExportUrl, searchAudit } from '../../api/audit';
import { useI18n } from '../../i18n';
import { useCan } from '../auth/use-me';
import { AuditDetailDrawer } from './audit-detail-drawer';
import { AuditFilters } from './audit-filters';
import { OutcomeTag } from './outcome-tag';

/** The audit trail: filter, page, open an entry, export what matches as CSV. */
export function AuditPage() {
  const { t, roleLabel, lang } = useI18n();
  const can = useCan();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const audit = useQuery({
    queryKey: ['audit', filter, paging],
    queryFn: () => searchAudit(filter, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        {can('audit.export') && (
          // A plain link: the browser streams the CSV straight to a file with the session cookie.
          <Button
            icon={<DownloadOutlined />}
            href={auditExportUrl(filter)}
            download="audit.csv"
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
        )}
      </Flex>
      <Card>
        <AuditFilters
          onChange={(next) => {
            setFilter(next);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={audit.isFetching}
          dataSource={audit.data?.items ?? []}
          scroll={{ x: 960 }}
          onRow={(entry) => ({ onClick: () => setOpen(entry), style: { cursor: 'pointer' } })}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            {
              title: t('audit.at'),
              dataIndex: 'at',
              width: 180,
              render: (at: string) => new Date(at).toLocaleString(locale),
            },
            { title: t('audit.user'), dataIndex: 'username', render: (u: string | null) => u ?? t('audit.system') },
            { title: t('audit.field.role'), dataIndex: 'role', render: (r: string | null) => (r ? roleLabel(r) : '—') },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (a: string) => <Typography.Text code>{a}</Typography.Text>,
            },
            {
              title: t('audit.object'),
              key: 'object',
              render: (_, e) => (e.objectType ? `${e.objectType}${e.objectId ? ` #${e.objectId}` : ''}` : '—'),
            },
            {
              title: t('audit.outcome'),
              dataIndex: 'outcome',
              render: (o: AuditEntry['outcome']) => <OutcomeTag outcome={o} />,
            },
            { title: t('audit.field.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          ]}
        />
      </Card>
      <AuditDetailDrawer entry={open} onClose={() => setOpen(null)} />
    </>
  );
}
