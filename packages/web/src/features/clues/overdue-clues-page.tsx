import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ClueSummary } from '../../api/clues';
import { useI18n } from '../../i18n';
import { readOverduePosition } from './clue-list-params';
import { DeadlineTag } from './deadline-tag';
import { useOverdueClues } from './use-clues';

const PAGE = 50;

/**
 * The overdue clues of the user's jurisdiction, the earliest deadline first, a page at a
 * time: the position lives in the URL, so a link or a reload shows the same page.
 */
export function OverdueCluesPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const clues = useOverdueClues(readOverduePosition(params), PAGE);
  const page = clues.data;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('clues.overdue.title')}
        </Typography.Title>
        <Link to="/clues">{t('clues.overdue.registry')}</Link>
      </Flex>
      <Card>
        <Typography.Paragraph type="secondary">{t('clues.overdue.hint')}</Typography.Paragraph>
        {clues.isError && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('clues.overdue.badPosition')}
            action={<Button onClick={() => setParams(new URLSearchParams())}>{t('clues.overdue.first')}</Button>}
          />
        )}
        <Table<ClueSummary>
          rowKey="id"
          size="small"
          loading={clues.isFetching}
          dataSource={page?.items ?? []}
          data-testid="overdue-table"
          locale={{ emptyText: t('clues.overdue.none') }}
          // Fits beside the menu at 1,280 px; narrower, the table scrolls inside its card.
          scroll={{ x: 860 }}
          pagination={false}
          onRow={(c) => ({ onClick: () => void navigate(`/clues/${c.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('clues.deadline'),
              key: 'deadline',
              width: 220,
              render: (_, c) => <DeadlineTag deadline={c.deadline} />,
            },
            {
              title: t('clues.number'),
              dataIndex: 'registrationNumber',
              width: 170,
              render: (n: string | null) =>
                n ?? <Typography.Text type="secondary">{t('clues.unregistered')}</Typography.Text>,
            },
            { title: t('clues.titleField'), dataIndex: 'title', ellipsis: true },
            {
              title: t('clues.problemType'),
              key: 'problemType',
              width: 160,
              render: (_, c) => c.problemTypeLabel[lang],
            },
            { title: t('clues.state'), key: 'state', width: 150, render: (_, c) => <Tag>{c.stateLabel[lang]}</Tag> },
          ]}
        />
        <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
          <Button
            disabled={!page?.prevCursor}
            data-testid="previous-page"
            onClick={() => page?.prevCursor && setParams({ before: page.prevCursor })}
          >
            {t('clues.previous')}
          </Button>
          <Button
            disabled={!page?.nextCursor}
            data-testid="next-page"
            onClick={() => page?.nextCursor && setParams({ after: page.nextCursor })}
          >
            {t('clues.next')}
          </Button>
        </Flex>
      </Card>
    </>
  );
}
