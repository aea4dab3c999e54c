import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type ImportPreview,
  type ImportResult,
  type ValueMappings,
  importDataset,
  previewImport,
} from '../../api/datasets';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { BatchSummary } from './batch-summary';
import { ColumnAccountingPanel } from './column-accounting-panel';
import { type ImportChoice, ImportForm } from './import-form';
import { type MappingChoice, initialChoice } from './mapping';
import { needsValueCheck, toMappingFile } from './value-mapping';
import { MappingStep } from './mapping-step';
import { UploadProgress } from './upload-progress';
import { BATCHES_KEY, DATASETS_KEY, useDataset } from './use-datasets';

type Stage =
  | { step: 'choose' }
  | {
      step: 'map';
      choice: ImportChoice;
      preview: ImportPreview;
      mapping: MappingChoice;
      values: ValueMappings;
      /** Header → field the preview's values were checked for. */
      checked: Record<string, string>;
    }
  | { step: 'done'; batch: ImportResult };

const STEP_INDEX = { choose: 0, map: 1, done: 2 } as const;

/** Upload → map columns → import → result, each upload with a real progress bar. */
export function ImportPage() {
  const t = useT();
  const client = useQueryClient();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [lastChoice, setLastChoice] = useState<ImportChoice>();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);
  const dataset = useDataset(stage.step === 'map' ? stage.choice.datasetType : undefined);
  const busy = percent !== null && error === null;

  const run = async <T,>(send: (onProgress: (p: number) => void) => Promise<T>): Promise<T | null> => {
    setError(null);
    setPercent(0);
    try {
      const result = await send(setPercent);
      setPercent(null);
      return result;
    } catch (failure) {
      setError(failure);
      return null;
    }
  };

  const preview = async (choice: ImportChoice) => {
    setLastChoice(choice);
    const result = await run((onProgress) => previewImport(choice.datasetType, choice.file, undefined, onProgress));
    if (result)
      setStage({
        step: 'map',
        choice,
        preview: result,
        mapping: initialChoice(result.headers, result.suggestedMapping),
        values: {},
        checked: result.suggestedMapping,
      });
  };

  // A column newly mapped to a coded field: read the preview again with the mapping, so its
  // values are checked against the codes and unknown ones come with suggestions.
  const remap = async (mapping: MappingChoice) => {
    if (stage.step !== 'map') return;
    const next = { ...stage, mapping };
    setStage(next);
    if (!dataset.data || !needsValueCheck(dataset.data.fields, stage.checked, mapping)) return;
    setChecking(true);
    const file = toMappingFile(mapping, stage.values);
    try {
      const result = await run((onProgress) =>
        previewImport(stage.choice.datasetType, stage.choice.file, file, onProgress),
      );
      // The screen keeps telling automatic matches from the person's: the first preview's suggestion stays.
      if (result) {
        const preview = { ...result, suggestedMapping: stage.preview.suggestedMapping };
        setStage({ ...next, preview, checked: file.headers });
      }
    } finally {
      setChecking(false);
    }
  };

  const load = async (force: boolean) => {
    if (stage.step !== 'map') return;
    const { choice, mapping, values } = stage;
    const options = {
      department: choice.department,
      mode: choice.mode,
      force: choice.force || force,
      mapping: toMappingFile(mapping, values),
    };
    const batch = await run((onProgress) => importDataset(choice.datasetType, choice.file, options, onProgress));
    if (!batch) return;
    setStage({ step: 'done', batch });
    await Promise.all([
      client.invalidateQueries({ queryKey: BATCHES_KEY }),
      client.invalidateQueries({ queryKey: DATASETS_KEY }),
    ]);
  };

  const duplicate = error instanceof ApiError && error.code === 'duplicate_file';

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('datasets.import.title')}
      </Typography.Title>
      <Card>
        <Steps
          current={STEP_INDEX[stage.step]}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('datasets.import.stepFile') },
            { title: t('datasets.import.stepMapping') },
            { title: t('datasets.import.stepResult') },
          ]}
        />
        <Flex vertical gap={16}>
          {stage.step === 'choose' && (
            <ImportForm busy={busy} initial={lastChoice} onSubmit={(choice) => void preview(choice)} />
          )}
          {stage.step === 'map' && dataset.data && (
            <MappingStep
              fileName={stage.choice.file.name}
              preview={stage.preview}
              dataset={dataset.data}
              choice={stage.mapping}
              onChange={(mapping) => void remap(mapping)}
              values={stage.values}
              onValuesChange={(values) => setStage({ ...stage, values })}
              checking={checking}
              busy={busy}
              onImport={() => void load(false)}
              onBack={() => (setStage({ step: 'choose' }), setError(null), setPercent(null))}
            />
          )}
          {stage.step === 'done' && (
            <>
              <Alert
                type="success"
                showIcon
                title={t('datasets.import.done', { id: stage.batch.id })}
                data-testid="import-done"
              />
              <BatchSummary batch={stage.batch} />
              <ColumnAccountingPanel accounting={stage.batch.columns} />
              <Flex gap={8}>
                <Button type="primary" onClick={() => (setLastChoice(undefined), setStage({ step: 'choose' }))}>
                  {t('datasets.import.another')}
                </Button>
                <Link to={`/import-batches/${stage.batch.id}`}>{t('datasets.import.openBatch')}</Link>
              </Flex>
            </>
          )}
          {percent !== null && <UploadProgress percent={percent} failed={error !== null} />}
          {error !== null && (
            <Alert
              type="error"
              showIcon
              title={errorText(t, error)}
              data-testid="import-error"
              action={
                duplicate && stage.step === 'map' ? (
                  <Button size="small" danger onClick={() => void load(true)}>
                    {t('datasets.import.forceAgain')}
                  </Button>
                ) : undefined
              }
            />
          )}
        </Flex>
      </Card>
    </>
  );
}
