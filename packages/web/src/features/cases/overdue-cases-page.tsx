import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CaseSummary } from '../../api/cases';
import { useI18n } from '../../i18n';
import { readOverduePosition } from '../clues/clue-list-params';
import { DeadlineTag } from '../clues/deadline-tag';
import { useOverdueCases } from './use-cases';

const PAGE = 50;

/**
 * The overdue cases of the user's jurisdiction, the earliest deadline first, a page at a
 * time: the position lives in the URL, so a link or a reload shows the same page.
 */
export function OverdueCasesPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const cases = useOverdueCases(readOverduePosition(params), PAGE);
  const page = cases.data;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('cases.overdue.title')}
        </Typography.Title>
        <Link to="/cases">{t('cases.overdue.registry')}</Link>
      </Flex>
      <Card>
        <Typography.Paragraph type="secondary">{t('cases.overdue.hint')}</Typography.Paragraph>
        {cases.isError && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('cases.overdue.badPosition')}
            action={<Button onClick={() => setParams(new URLSearchParams())}>{t('cases.overdue.first')}</Button>}
          />
        )}
        <Table<CaseSummary>
          rowKey="id"
          size="small"
          loading={cases.isFetching}
          dataSource={page?.items ?? []}
          data-testid="overdue-case-table"
          locale={{ emptyText: t('cases.overdue.none') }}
          // Fits beside the menu at 1,280 px; narrower, the table scrolls inside its card.
          scroll={{ x: 860 }}
          pagination={false}
          onRow={(c) => ({ onClick: () => void navigate(`/cases/${c.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('cases.deadline'),
              key: 'deadline',
              width: 220,
              render: (_, c) => <DeadlineTag deadline={c.deadline} />,
            },
            {
              title: t('cases.number'),
              dataIndex: 'caseNumber',
              width: 170,
              render: (n: string | null) =>
                n ?? <Typography.Text type="secondary">{t('cases.unnumbered')}</Typography.Text>,
            },
            { title: t('cases.titleField'), dataIndex: 'title', ellipsis: true },
            { title: t('cases.problemType'), key: 'type', width: 160, render: (_, c) => c.problemTypeLabel[lang] },
            { title: t('cases.state'), key: 'state', width: 170, render: (_, c) => <Tag>{c.stateLabel[lang]}</Tag> },
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
