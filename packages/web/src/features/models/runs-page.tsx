import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Progress, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ModelRun, type RunStatus, cancelRun, isActiveRun } from '../../api/model-runs';
import { useT } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { useCan } from '../auth/use-me';
import { useDateTime } from '../datasets/localised';
import { RunModels } from './run-models';
import { StartRunForm } from './start-run-form';
import { RUNS_KEY, useRuns } from './use-models';

const PROGRESS: Record<RunStatus, 'active' | 'success' | 'exception' | 'normal'> = {
  queued: 'normal',
  running: 'active',
  succeeded: 'success',
  skipped: 'normal',
  failed: 'exception',
  cancelled: 'exception',
};

function RunProgress({ run }: { run: ModelRun }) {
  const { done, total } = run.progress;
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <Progress
      percent={percent}
      size="small"
      status={PROGRESS[run.status]}
      format={() => `${done}/${total}`}
      data-testid={`run-progress-${run.id}`}
    />
  );
}

/** A figure of a run wider than the viewer's jurisdiction: it counts other jurisdictions' data. */
function Withheld() {
  const t = useT();
  return (
    <Tooltip title={t('runs.figuresWithheld')}>
      <span data-testid="run-figures-withheld">—</span>
    </Tooltip>
  );
}

/** Start a run, and watch every run's progress (polled while one is under way); cancel one. */
export function RunsPage() {
  const t = useT();
  const can = useCan();
  const formatTime = useDateTime();
  const { ok, fail } = useNotify();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const runs = useRuns(paging.page, paging.pageSize);
  const cancel = useMutation({
    mutationFn: cancelRun,
    onSuccess: () => (ok(t('runs.cancelled')), void client.invalidateQueries({ queryKey: RUNS_KEY })),
    onError: fail,
  });

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('runs.title')}
      </Typography.Title>
      {can('model.run') && (
        <Card style={{ marginBottom: 16 }}>
          <StartRunForm initialModels={params.getAll('model')} />
        </Card>
      )}
      <Card>
        <Table<ModelRun>
          rowKey="id"
          size="small"
          dataSource={runs.data?.items ?? []}
          loading={runs.isPending}
          data-testid="run-table"
          className="qf-cells-top"
          scroll={{ x: 1000 }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: runs.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            { title: t('runs.id'), dataIndex: 'id', width: 60 },
            // Progress comes first and every cell keeps to the top of its row: a long run's
            // progress is what its watcher looks for.
            { title: t('runs.progress'), key: 'progress', width: 180, render: (_, r) => <RunProgress run={r} /> },
            {
              title: t('runs.kind'),
              dataIndex: 'kind',
              width: 90,
              render: (k: ModelRun['kind']) => t(`runs.kind.${k}`),
            },
            {
              title: t('runs.models'),
              key: 'models',
              render: (_, r) => <RunModels run={r} />,
            },
            {
              title: t('runs.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: RunStatus, r) => {
                const tag = <Tag data-testid={`run-status-${r.id}`}>{t(`runs.status.${s}`)}</Tag>;
                const errors = Object.entries(r.errors);
                const status = errors.length ? (
                  <Tooltip title={errors.map((e) => e.join(': ')).join('\n')}>{tag}</Tooltip>
                ) : (
                  tag
                );
                return (
                  <>
                    {status}
                    {!isActiveRun(r) && (
                      <Typography.Text type="secondary" data-testid={`run-summary-${r.id}`}>
                        {t('runs.summary', r.summary)}
                      </Typography.Text>
                    )}
                  </>
                );
              },
            },
            {
              title: t('runs.hits'),
              key: 'hits',
              width: 110,
              render: (_, r) =>
                r.figuresWithheld ? <Withheld /> : Object.values(r.hitCounts).reduce((a, b) => a + b, 0),
            },
            {
              title: t('runs.newWarnings'),
              key: 'new',
              width: 130,
              render: (_, r) => (r.figuresWithheld ? <Withheld /> : `${r.newWarnings} / ${r.updatedWarnings}`),
            },
            { title: t('runs.requestedBy'), dataIndex: 'requestedBy', width: 100 },
            { title: t('runs.createdAt'), dataIndex: 'createdAt', width: 170, render: formatTime },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 80,
              render: (_, r) =>
                can('model.run') && isActiveRun(r) ? (
                  <Button size="small" danger onClick={() => cancel.mutate(r.id)}>
                    {t('runs.cancel')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
