import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ClueDeadline, OverduePosition } from '../../api/clues';
import type { Localised } from '../../api/datasets';
import { type MessageKey, useI18n } from '../../i18n';
import { readOverduePosition } from './clue-list-params';
import { DeadlineTag } from './deadline-tag';

const PAGE = 50;

/** What a row of an overdue list shows, alike for clues and cases. */
interface OverdueRow {
  id: number;
  deadline: ClueDeadline | null;
  title: string;
  problemTypeLabel: Localised;
  stateLabel: Localised;
}

interface OverduePageOf<T> {
  items: T[];
  nextCursor: string | null;
  prevCursor: string | null;
}

/** What differs between the clues' overdue list and the cases'. */
export interface OverdueListOptions<T extends OverdueRow> {
  /** Reads a page at a position (a React Query hook, called once per render). */
  useOverdue: (position: OverduePosition, limit: number) => UseQueryResult<OverduePageOf<T>>;
  /** The registry the list belongs to (`/clues`), whose `/:id` opens a row. */
  registryPath: string;
  /** Its number, or none yet (unregistered, unnumbered). */
  numberOf: (row: T) => string | null;
  stateWidth: number;
  testId: string;
  texts: Record<
    | 'title'
    | 'registry'
    | 'hint'
    | 'badPosition'
    | 'first'
    | 'none'
    | 'deadline'
    | 'number'
    | 'noNumber'
    | 'titleField'
    | 'problemType'
    | 'state',
    MessageKey
  >;
}

/**
 * An overdue list, the earliest deadline first, a page at a time: the position lives in the
 * URL, so a link or a reload shows the same page.
 */
export function OverdueList<T extends OverdueRow>({
  useOverdue,
  registryPath,
  numberOf,
  stateWidth,
  testId,
  texts,
}: OverdueListOptions<T>) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const rows = useOverdue(readOverduePosition(params), PAGE);
  const page = rows.data;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t(texts.title)}
        </Typography.Title>
        <Link to={registryPath}>{t(texts.registry)}</Link>
      </Flex>
      <Card>
        <Typography.Paragraph type="secondary">{t(texts.hint)}</Typography.Paragraph>
        {rows.isError && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(texts.badPosition)}
            action={<Button onClick={() => setParams(new URLSearchParams())}>{t(texts.first)}</Button>}
          />
        )}
        <Table<T>
          rowKey="id"
          size="small"
          loading={rows.isFetching}
          dataSource={page?.items ?? []}
          data-testid={testId}
          locale={{ emptyText: t(texts.none) }}
          // Fits beside the menu at 1,280 px; narrower, the table scrolls inside its card.
          scroll={{ x: 860 }}
          pagination={false}
          onRow={(row) => ({ onClick: () => void navigate(`${registryPath}/${row.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t(texts.deadline),
              key: 'deadline',
              width: 220,
              render: (_, row) => <DeadlineTag deadline={row.deadline} />,
            },
            {
              title: t(texts.number),
              key: 'number',
              width: 170,
              render: (_, row) =>
                numberOf(row) ?? <Typography.Text type="secondary">{t(texts.noNumber)}</Typography.Text>,
            },
            { title: t(texts.titleField), dataIndex: 'title', ellipsis: true },
            {
              title: t(texts.problemType),
              key: 'problemType',
              width: 160,
              render: (_, row) => row.problemTypeLabel[lang],
            },
            {
              title: t(texts.state),
              key: 'state',
              width: stateWidth,
              render: (_, row) => <Tag>{row.stateLabel[lang]}</Tag>,
            },
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
