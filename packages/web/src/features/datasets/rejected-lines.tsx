import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type RejectedLine, listRejectedLines } from '../../api/datasets';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { useCan } from '../auth/use-me';
import { ReasonModal } from './reason-modal';

const PAGE_SIZE = 20;

/**
 * A batch's rejected rows, a page at a time: line, column, value (masked by the server by
 * the field it was meant for, or whole once a person.read holder gives a reason) and the
 * reason in the reader's language. Each page read is audited by the server; the report has
 * no count of its own, so paging is previous/next.
 */
export function RejectedLines({ batchId }: { batchId: number }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const [page, setPage] = useState(1);
  // Shown whole for one page only, as the dataset browser does: paging masks again.
  const [reason, setReason] = useState<string>();
  const [asking, setAsking] = useState(false);
  const lines = useQuery({
    queryKey: ['batches', batchId, 'rejected', page, reason ?? null],
    queryFn: () => listRejectedLines(batchId, page, PAGE_SIZE, reason),
    placeholderData: keepPreviousData,
  });
  if (lines.error) return <Alert type="warning" showIcon title={errorText(t, lines.error)} />;
  const whole = lines.data?.masked === false;
  return (
    <>
      <Flex gap={8} wrap align="center" justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('datasets.rejected.hint')}</Typography.Text>
        {can('person.read') &&
          (whole ? (
            <Button size="small" icon={<EyeInvisibleOutlined />} onClick={() => setReason(undefined)}>
              {t('datasets.rows.mask')}
            </Button>
          ) : (
            <Button size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)} data-testid="reveal-rejected">
              {t('datasets.rows.reveal')}
            </Button>
          ))}
      </Flex>
      {whole && <Alert type="warning" showIcon title={t('datasets.rows.revealedHint')} style={{ marginBottom: 8 }} />}
      <ReasonModal
        open={asking}
        onCancel={() => setAsking(false)}
        onConfirm={(given) => (setReason(given), setAsking(false))}
      />
      <Table<RejectedLine>
        rowKey={(l) => `${l.rowNo}/${l.column}/${l.field}/${l.reason.en}`}
        size="small"
        loading={lines.isFetching}
        dataSource={lines.data?.items ?? []}
        pagination={false}
        data-testid="rejected-lines"
        locale={{ emptyText: t('datasets.rejected.none') }}
        // Fits beside the menu at 1,280 px; narrower, it scrolls inside.
        scroll={{ x: 760 }}
        columns={[
          { title: t('datasets.rejected.row'), dataIndex: 'rowNo', width: 70 },
          {
            title: t('datasets.rejected.column'),
            dataIndex: 'column',
            width: 140,
            render: (column: string) => column || t('datasets.rejected.wholeRow'),
          },
          {
            title: t('datasets.rejected.value'),
            dataIndex: 'value',
            width: 200,
            render: (value: string) => (
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {value}
              </Typography.Text>
            ),
          },
          { title: t('datasets.rejected.reason'), key: 'reason', render: (_, l) => l.reason[lang] },
          {
            title: t('datasets.rejected.outcome'),
            dataIndex: 'kept',
            width: 150,
            render: (kept: boolean) =>
              kept ? <Tag>{t('datasets.rejected.kept')}</Tag> : <Tag color="red">{t('datasets.rejected.refused')}</Tag>,
          },
        ]}
      />
      <Flex gap={8} align="center" justify="flex-end" style={{ marginTop: 8 }}>
        <Button size="small" disabled={page === 1} onClick={() => (setPage((n) => n - 1), setReason(undefined))}>
          {t('datasets.rejected.previous')}
        </Button>
        <Typography.Text data-testid="rejected-page">{t('datasets.rejected.page', { page })}</Typography.Text>
        <Button
          size="small"
          disabled={!lines.data?.hasMore}
          onClick={() => (setPage((n) => n + 1), setReason(undefined))}
          data-testid="rejected-next"
        >
          {t('datasets.rejected.next')}
        </Button>
      </Flex>
    </>
  );
}
