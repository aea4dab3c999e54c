import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ModelRun } from '../../api/model-runs';
import { useT } from '../../i18n';

/** Up to this many models a run shows its tags at once; beyond, a count that opens them. */
const SHOWN_AT_ONCE = 6;

/**
 * A model of a run, with its hits and the time it took (or its error, the datasets it waits
 * for when skipped, or that it is not done) on hover.
 */
function ModelTag({ run, modelId }: { run: ModelRun; modelId: string }) {
  const t = useT();
  const ms = run.modelDurationsMs[modelId];
  const error = run.errors[modelId];
  const waiting = run.skipped[modelId];
  const finished = (ms: number) =>
    run.figuresWithheld
      ? t('runs.modelDoneWithheld', { ms })
      : t('runs.modelDone', { hits: run.hitCounts[modelId] ?? 0, ms });
  const title =
    error ??
    (waiting ? t('runs.modelSkipped', { datasets: waiting.join(', ') }) : undefined) ??
    (ms === undefined ? t('runs.modelPending') : finished(ms));
  return (
    <Tooltip title={title}>
      <Tag color={error ? 'error' : waiting ? 'warning' : undefined} data-testid={`run-${run.id}-model-${modelId}`}>
        {modelId}
      </Tag>
    </Tooltip>
  );
}

/**
 * The models of a run. A run of every model names fifty of them: stacked as tags they made
 * its row a screen tall and pushed its progress out of sight, so past a handful they fold
 * into a count (with how many failed or wait for data) that opens the tags on request.
 */
export function RunModels({ run }: { run: ModelRun }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const tags = run.models.map((m) => <ModelTag key={m.modelId} run={run} modelId={m.modelId} />);
  if (run.models.length <= SHOWN_AT_ONCE)
    return (
      <Flex wrap gap={4}>
        {tags}
      </Flex>
    );
  const failed = Object.keys(run.errors).length;
  const waiting = Object.keys(run.skipped).length;
  return (
    <Flex vertical gap={4} align="flex-start">
      <Flex wrap gap={4} align="center">
        <Typography.Text data-testid={`run-${run.id}-model-count`}>
          {t('runs.modelCount', { count: run.models.length })}
        </Typography.Text>
        {failed > 0 && <Tag color="error">{t('runs.modelsFailed', { count: failed })}</Tag>}
        {waiting > 0 && <Tag color="warning">{t('runs.modelsWaiting', { count: waiting })}</Tag>}
        <Button
          type="link"
          size="small"
          aria-expanded={open}
          data-testid={`run-${run.id}-models-toggle`}
          onClick={() => setOpen(!open)}
        >
          {open ? t('runs.hideModels') : t('runs.showModels')}
        </Button>
      </Flex>
      {open && (
        <Flex wrap gap={4}>
          {tags}
        </Flex>
      )}
    </Flex>
  );
}
