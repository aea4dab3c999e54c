import { CASE_STATES, CASE_STATE_LABELS, type CaseState } from '@qingfeng/core';
import { Button, Card, Checkbox, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import type { CaseFilter, CaseSummary } from '../../api/cases';
import { useI18n } from '../../i18n';
import { DeadlineTag } from '../clues/deadline-tag';
import { useDateTime } from '../datasets/localised';
import { readCaseParams, writeCaseParams } from './case-list-params';
import { useCases } from './use-cases';

const PAGE = 20;

/**
 * The case registry of the user's jurisdiction, newest first: the filters live in the URL,
 * so a link or a reload shows the same list; "load more" reads the next page by keyset.
 */
export function CasesPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const formatTime = useDateTime();
  const [params, setParams] = useSearchParams();
  const { filter, before } = readCaseParams(params);
  const cases = useCases(filter, before, PAGE);
  const refilter = (next: CaseFilter) => setParams(writeCaseParams(next));

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('cases.title')}
        </Typography.Title>
        <Button onClick={() => void navigate('/cases/overdue')} data-testid="overdue-case-list">
          {t('cases.overdue.open')}
        </Button>
      </Flex>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<CaseState>
            allowClear
            placeholder={t('cases.state')}
            style={{ width: 220 }}
            value={filter.state}
            data-testid="case-filter-state"
            onChange={(state) => refilter({ ...filter, state })}
            options={CASE_STATES.map((s) => ({ value: s, label: CASE_STATE_LABELS[s][lang] }))}
          />
          <Checkbox
            checked={filter.overdue === 'true'}
            onChange={(e) => refilter({ ...filter, overdue: e.target.checked ? 'true' : undefined })}
          >
            {t('cases.overdueOnly')}
          </Checkbox>
        </Space>
        <Table<CaseSummary>
          rowKey="id"
          size="small"
          loading={cases.isFetching}
          dataSource={cases.data?.pages.flatMap((p) => p.items) ?? []}
          data-testid="case-table"
          // Fits beside the menu at 1,280 px; narrower, the table scrolls inside its card.
          scroll={{ x: 860 }}
          pagination={false}
          onRow={(c) => ({ onClick: () => void navigate(`/cases/${c.id}`), style: { cursor: 'pointer' } })}
          columns={[
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
            {
              title: t('cases.deadline'),
              key: 'deadline',
              width: 220,
              render: (_, c) => <DeadlineTag deadline={c.deadline} />,
            },
            { title: t('cases.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (at: string) => formatTime(at) },
          ]}
        />
        {cases.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button
              loading={cases.isFetchingNextPage}
              onClick={() => void cases.fetchNextPage()}
              data-testid="load-more"
            >
              {t('cases.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
