import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checkModelSpec, type ModelIssue } from '@qingfeng/core';
import { Alert, Button, Card, Flex, Input, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import { type ModelDetail, createModel, previewModel } from '../../../api/models';
import { type Lang, type Translate, useI18n } from '../../../i18n';
import { useNotify } from '../../../shared/use-notify';
import { MODELS_KEY } from '../use-models';
import { AggregateEditor } from './aggregate-editor';
import { saveModelDocument } from './builder-api';
import { ConditionsEditor } from './conditions-editor';
import type { Draft } from './draft';
import { ExistsEditor } from './exists-editor';
import { MetaEditor } from './meta-editor';
import { ParamsEditor } from './params-editor';
import { PreviewPanel } from './preview-panel';
import { SourcesEditor } from './sources-editor';
import { TextsEditor } from './texts-editor';
import { toModelSpec } from './to-spec';

/**
 * Everything wrong with the document, each problem at the builder's field and in the
 * reader's language (the engine's own validator, run in the browser).
 */
function problemsOf(draft: Draft, lang: Lang, t: Translate): string[] {
  try {
    return checkModelSpec(toModelSpec(draft)).map((issue) => issue.message[lang]);
  } catch {
    return [t('builder.unreadable')];
  }
}

/** A refusal from the server: its problems in the reader's language when it lists them. */
function refusalText(error: unknown, lang: Lang): string | undefined {
  const issues = error instanceof ApiError ? error.body.issues : undefined;
  if (!Array.isArray(issues) || issues.length === 0) return undefined;
  return (issues as ModelIssue[]).map((issue) => issue.message[lang]).join(lang === 'zh' ? '；' : '; ');
}

interface Props {
  initial: Draft;
  /** The model whose document is edited: saving makes its next version, with a reason. */
  editing?: ModelDetail;
}

/**
 * The builder's steps over one draft. "Preview" runs the draft's document on current data;
 * "save" registers a new model, or a new version of the one being edited.
 */
export function BuilderForm({ initial, editing }: Props) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { ok, fail: notifyFail, message } = useNotify();
  const fail = (error: unknown) => {
    const words = refusalText(error, lang);
    if (words === undefined) notifyFail(error);
    else void message.error(t('error.invalid_model', { message: words }));
  };
  const [draft, setDraft] = useState<Draft>(initial);
  const [reason, setReason] = useState('');
  const patch = (next: Partial<Draft>) => setDraft((d) => ({ ...d, ...next }));
  const spec = useMemo(() => toModelSpec(draft), [draft]);
  const problems = useMemo(() => problemsOf(draft, lang, t), [draft, lang, t]);
  const preview = useMutation({ mutationFn: () => previewModel(spec), onError: fail });
  const save = useMutation({
    mutationFn: () => (editing ? saveModelDocument(editing.id, spec, reason.trim()) : createModel(spec)),
    onSuccess: (model) => {
      ok(
        editing
          ? t('builder.savedVersion', { id: model.id, version: model.currentVersion })
          : t('builder.saved', { id: model.id }),
      );
      client.setQueryData([...MODELS_KEY, 'one', model.id], model);
      void client.invalidateQueries({ queryKey: [...MODELS_KEY, 'list'] });
      void navigate(`/models/${encodeURIComponent(model.id)}`);
    },
    onError: fail,
  });
  const reasonMissing = editing !== undefined && reason.trim().length < 2;
  const section = (title: string, body: React.ReactNode, testId: string) => (
    <Card title={title} size="small" data-testid={testId}>
      {body}
    </Card>
  );

  return (
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
      {section(
        t('builder.step.exists'),
        <ExistsEditor draft={draft} onChange={(exists) => patch({ exists })} />,
        'builder-exists',
      )}
      {section(
        t('builder.step.aggregate'),
        <AggregateEditor draft={draft} onChange={(aggregate) => patch({ aggregate })} />,
        'builder-aggregate',
      )}
      {section(
        t('builder.step.meta'),
        <MetaEditor draft={draft} idLocked={editing !== undefined} onChange={patch} />,
        'builder-meta',
      )}
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
      {editing && (
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={reason}
          placeholder={t('models.params.reasonRequired')}
          aria-label={t('models.params.reason')}
          data-testid="builder-reason"
          onChange={(e) => setReason(e.target.value)}
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
          disabled={problems.length > 0 || reasonMissing}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="builder-save"
        >
          {t(editing ? 'builder.saveVersion' : 'builder.save')}
        </Button>
      </Space>
      {preview.data &&
        section(t('builder.preview.title'), <PreviewPanel result={preview.data} />, 'builder-preview-result')}
    </Flex>
  );
}
