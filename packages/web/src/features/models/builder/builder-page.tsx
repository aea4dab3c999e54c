import { Alert, Breadcrumb, Result, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { ModelDetail } from '../../../api/models';
import { useT } from '../../../i18n';
import { errorText } from '../../../shared/error-text';
import { useModel } from '../use-models';
import { BuilderForm } from './builder-form';
import { emptyDraft } from './draft';
import { fromModelSpec } from './from-spec';

/** A builder-made model's document back in the builder; a document it cannot show is named, not opened. */
function EditModel({ model }: { model: ModelDetail }) {
  const t = useT();
  const { draft, problems } = useMemo(() => fromModelSpec(model.document), [model.document]);
  if (model.source !== 'user') return <Alert type="info" showIcon title={t('error.builtin_model')} />;
  if (problems.length > 0) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="builder-unsupported"
        title={t('builder.unsupported.title')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {problems.map((p) => (
              <li key={`${p.code}:${p.path}`}>{t(`builder.unsupported.${p.code}`, { path: p.path })}</li>
            ))}
          </ul>
        }
      />
    );
  }
  return <BuilderForm key={`${model.id}:${model.currentVersion}`} initial={draft} editing={model} />;
}

function EditPage({ id }: { id: string }) {
  const t = useT();
  const model = useModel(id);
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/models">{t('models.library.title')}</Link> },
          { title: <Link to={`/models/${encodeURIComponent(id)}`}>{id}</Link> },
          { title: t('builder.edit') },
        ]}
      />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('builder.editTitle', { id })}
      </Typography.Title>
      {model.isPending ? (
        <Spin />
      ) : model.error ? (
        <Result status="warning" title={errorText(t, model.error)} />
      ) : (
        <EditModel model={model.data} />
      )}
    </>
  );
}

/**
 * The no-code model builder: datasets and join keys, parameters, conditions, checks against
 * other datasets, grouping and thresholds, texts. New at /model-builder; a builder-made
 * model's document is edited at /models/:id/builder, saving its next version.
 */
export function BuilderPage() {
  const t = useT();
  const { id } = useParams();
  if (id) return <EditPage id={id} />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('builder.title')}
      </Typography.Title>
      <BuilderForm initial={emptyDraft()} />
    </>
  );
}
