import { ToolOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Flex, Result, Spin, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { useCan } from '../auth/use-me';
import { ModelParamsForm } from './model-params-form';
import { ModelReviewCard } from './model-review';
import { ModelReviews } from './model-reviews';
import { ModelSchedule } from './model-schedule';
import { ModelStatsPanel } from './model-stats';
import { ModelVersions } from './model-versions';
import { ReviewTag } from './review-tag';
import { SeverityTag } from './severity-tag';
import { useModel } from './use-models';

/** One model: what it checks and why, its review, parameters, versions, schedule and track record. */
export function ModelPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const model = useModel(id);
  const can = useCan();
  const navigate = useNavigate();
  if (model.isPending) return <Spin />;
  if (model.error) return <Result status="warning" title={errorText(t, model.error)} />;
  const m = model.data;
  const doc = m.document;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/models">{t('models.library.title')}</Link> }, { title: m.id }]}
      />
      <Flex align="center" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="model-title">
          {m.id} · {m.name[lang]}
        </Typography.Title>
        <SeverityTag severity={m.severity} />
        <Tag>{t(`models.source.${m.source}`)}</Tag>
        {m.reviewStatus === 'approved' ? (
          <Tag color={m.enabled ? 'green' : 'default'}>{t(m.enabled ? 'models.on' : 'models.off')}</Tag>
        ) : (
          <ReviewTag status={m.reviewStatus} testId="model-review-status" />
        )}
        {/* Built-in documents ship with the product: only their parameters are edited here. */}
        {m.source === 'user' && can('model.manage') && (
          <Button
            icon={<ToolOutlined />}
            style={{ marginInlineStart: 'auto' }}
            data-testid="model-edit-builder"
            onClick={() => void navigate(`/models/${encodeURIComponent(m.id)}/builder`)}
          >
            {t('builder.edit')}
          </Button>
        )}
      </Flex>
      <ModelReviewCard model={m} />
      <Card>
        <Tabs
          items={[
            {
              key: 'overview',
              label: t('models.tab.overview'),
              children: (
                <Descriptions column={1} bordered size="small" styles={{ label: { width: 180 } }}>
                  <Descriptions.Item label={t('models.name')}>
                    {m.name.zh} / {m.name.en}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('models.inputs')}>
                    {m.inputs.map((i) => (
                      <Tag key={i}>{i}</Tag>
                    ))}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('models.basis')}>{doc.basis[lang]}</Descriptions.Item>
                  <Descriptions.Item label={t('models.explanation')}>{doc.explanation[lang]}</Descriptions.Item>
                  <Descriptions.Item label={t('models.handling')}>{doc.handling[lang]}</Descriptions.Item>
                  {doc.escalation && (
                    <Descriptions.Item label={t('models.escalation')}>{doc.escalation[lang]}</Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('models.incremental')}>
                    {t(m.incremental ? 'common.yes' : 'common.no')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('models.schedule')}>
                    <ModelSchedule model={m} />
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
            { key: 'params', label: t('models.tab.params'), children: <ModelParamsForm model={m} /> },
            {
              key: 'versions',
              label: t('models.tab.versions'),
              children: (
                <>
                  <ModelVersions model={m} />
                  <ModelReviews model={m} />
                </>
              ),
            },
            { key: 'stats', label: t('models.tab.stats'), children: <ModelStatsPanel modelId={m.id} /> },
          ]}
        />
      </Card>
    </>
  );
}
