import {
  CLUE_SOURCES,
  CLUE_SOURCE_LABELS,
  CLUE_STATES,
  CLUE_STATE_LABELS,
  type ClueSource,
  type ClueState,
} from '@qingfeng/core';
import { Button, Card, Checkbox, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ClueFilter, ClueSummary } from '../../api/clues';
import { useI18n } from '../../i18n';
import { useCan } from '../auth/use-me';
import { useDateTime } from '../datasets/localised';
import { readClueParams, writeClueParams } from './clue-list-params';
import { CreateClueModal } from './create-clue-modal';
import { DeadlineTag } from './deadline-tag';
import { LinkedFilterTags } from './linked-filter-tags';
import { useClues, useProblemTypes } from './use-clues';

const PAGE = 20;

/**
 * The clue registry of the user's jurisdiction, newest first: filters and the page's
 * keyset position live in the URL, so a link or a reload shows the same list.
 */
export function CluesPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const formatTime = useDateTime();
  const [params, setParams] = useSearchParams();
  const { filter, before } = readClueParams(params);
  // The ids the pages began at, so "previous" walks back the way "next" came.
  const [trail, setTrail] = useState<(number | undefined)[]>([]);
  const [creating, setCreating] = useState(false);
  const clues = useClues(filter, before, PAGE);
  const problemTypes = useProblemTypes();

  const refilter = (next: ClueFilter) => (setTrail([]), setParams(writeClueParams(next)));
  const next = clues.data?.nextBefore ?? null;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('clues.title')}
        </Typography.Title>
        <Space wrap>
          <Button onClick={() => void navigate('/clues/overdue')} data-testid="overdue-list">
            {t('clues.overdue.open')}
          </Button>
          {can('clue.handle') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-clue">
              {t('clues.new')}
            </Button>
          )}
        </Space>
      </Flex>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<ClueState>
            allowClear
            placeholder={t('clues.state')}
            style={{ width: 200 }}
            value={filter.state}
            data-testid="filter-state"
            onChange={(state) => refilter({ ...filter, state })}
            options={CLUE_STATES.map((s) => ({ value: s, label: CLUE_STATE_LABELS[s][lang] }))}
          />
          <Select<ClueSource>
            allowClear
            placeholder={t('clues.source')}
            style={{ width: 180 }}
            value={filter.source}
            onChange={(source) => refilter({ ...filter, source })}
            options={CLUE_SOURCES.map((s) => ({ value: s, label: CLUE_SOURCE_LABELS[s][lang] }))}
          />
          <Select<string>
            allowClear
            placeholder={t('clues.problemType')}
            style={{ width: 200 }}
            value={filter.problemType}
            onChange={(problemType) => refilter({ ...filter, problemType })}
            options={(problemTypes.data?.items ?? []).map((p) => ({ value: p.code, label: p.label[lang] }))}
          />
          <Checkbox
            checked={filter.overdue === 'true'}
            onChange={(e) => refilter({ ...filter, overdue: e.target.checked ? 'true' : undefined })}
          >
            {t('clues.overdueOnly')}
          </Checkbox>
        </Space>
        <LinkedFilterTags filter={filter} onChange={refilter} />
        <Table<ClueSummary>
          rowKey="id"
          size="small"
          loading={clues.isFetching}
          dataSource={clues.data?.items ?? []}
          data-testid="clue-table"
          // Fits beside the menu at 1,280 px; narrower, the table scrolls inside its card.
          scroll={{ x: 900 }}
          pagination={false}
          onRow={(c) => ({ onClick: () => void navigate(`/clues/${c.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('clues.number'),
              dataIndex: 'registrationNumber',
              width: 170,
              render: (n: string | null) =>
                n ?? <Typography.Text type="secondary">{t('clues.unregistered')}</Typography.Text>,
            },
            { title: t('clues.titleField'), dataIndex: 'title', ellipsis: true },
            { title: t('clues.source'), key: 'source', width: 130, render: (_, c) => c.sourceLabel[lang] },
            {
              title: t('clues.problemType'),
              key: 'problemType',
              width: 160,
              render: (_, c) => c.problemTypeLabel[lang],
            },
            { title: t('clues.state'), key: 'state', width: 150, render: (_, c) => <Tag>{c.stateLabel[lang]}</Tag> },
            {
              title: t('clues.deadline'),
              key: 'deadline',
              width: 220,
              render: (_, c) => <DeadlineTag deadline={c.deadline} />,
            },
            { title: t('clues.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (at: string) => formatTime(at) },
          ]}
        />
        <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
          <Button
            disabled={before === undefined}
            onClick={() => {
              const back = trail.at(-1);
              setTrail(trail.slice(0, -1));
              setParams(writeClueParams(filter, back));
            }}
          >
            {t('clues.previous')}
          </Button>
          <Button
            disabled={next === null}
            data-testid="next-page"
            onClick={() => {
              setTrail([...trail, before]);
              setParams(writeClueParams(filter, next ?? undefined));
            }}
          >
            {t('clues.next')}
          </Button>
        </Flex>
      </Card>
      {creating && <CreateClueModal onClose={() => setCreating(false)} />}
    </>
  );
}
