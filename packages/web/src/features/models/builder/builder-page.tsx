import { useMutation, useQueryClient } from '@tanstack/react-query';
import { validateModelSpec } from '@qingfeng/core';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { createModel, previewModel } from '../../../api/models';
import { useT } from '../../../i18n';
import { useNotify } from '../../../shared/use-notify';
import { MODELS_KEY } from '../use-models';
import { ConditionsEditor } from './conditions-editor';
import { type Draft, emptyDraft } from './draft';
import { MetaEditor } from './meta-editor';
import { ParamsEditor } from './params-editor';
import { PreviewPanel } from './preview-panel';
import { SourcesEditor } from './sources-editor';
import { TextsEditor } from './texts-editor';
import { toModelSpec } from './to-spec';

/** Everything wrong with the document, by path (the engine's own validator, run in the browser). */
function problemsOf(draft: Draft): string[] {
  try {
    return validateModelSpec(toModelSpec(draft));
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/**
 * The no-code model builder: datasets and join keys, parameters, conditions, texts. The
 * draft becomes a model document of the library's format; "preview" runs it on current
 * data, "save" registers it, after which it is in the library and can be run.
 */
export function BuilderPage() {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { ok, fail } = useNotify();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const patch = (next: Partial<Draft>) => setDraft((d) => ({ ...d, ...next }));
  const spec = useMemo(() => toModelSpec(draft), [draft]);
  const problems = useMemo(() => problemsOf(draft), [draft]);
  const preview = useMutation({ mutationFn: () => previewModel(spec), onError: fail });
  const save = useMutation({
    mutationFn: () => createModel(spec),
    onSuccess: (model) => {
      ok(t('builder.saved', { id: model.id }));
      void client.invalidateQueries({ queryKey: MODELS_KEY });
      void navigate(`/models/${encodeURIComponent(model.id)}`);
    },
    onError: fail,
  });
  const section = (title: string, body: React.ReactNode, testId: string) => (
    <Card title={title} size="small" data-testid={testId}>
      {body}
    </Card>
  );

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('builder.title')}
      </Typography.Title>
      <Flex vertical gap={16}>
        {section(
          t('builder.step.sources'),
          <SourcesEditor draft={draft} onChange={(sources) => patch({ sources })} />,
          'builder-sources',
        )}
        {section(
          t('builder.step.params'),
          <ParamsEditor params={draft.params} onChange={(params) => patch({ params })} />,
          'builder-params',
        )}
        {section(
          t('builder.step.conditions'),
          <ConditionsEditor draft={draft} onChange={(conditions) => patch({ conditions })} />,
          'builder-conditions',
        )}
        {section(t('builder.step.meta'), <MetaEditor draft={draft} onChange={patch} />, 'builder-meta')}
        {section(t('builder.step.texts'), <TextsEditor draft={draft} onChange={patch} />, 'builder-texts')}
        {problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="builder-problems"
            title={t('builder.problems')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        <Space>
          <Button
            disabled={problems.length > 0}
            loading={preview.isPending}
            onClick={() => preview.mutate()}
            data-testid="builder-preview"
          >
            {t('builder.preview')}
          </Button>
          <Button
            type="primary"
            disabled={problems.length > 0}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="builder-save"
          >
            {t('builder.save')}
          </Button>
        </Space>
        {preview.data &&
          section(t('builder.preview.title'), <PreviewPanel result={preview.data} />, 'builder-preview-result')}
      </Flex>
    </>
  );
}
