import { Table, Typography } from 'antd';
import type { ModelDetail, ModelReview } from '../../api/models';
import { useI18n } from '../../i18n';
import { useDateTime } from '../datasets/localised';

/** Every step of the model's reviews, newest first: who submitted, approved or returned which version, when, why. */
export function ModelReviews({ model }: { model: ModelDetail }) {
  const { t } = useI18n();
  const formatTime = useDateTime();
  return (
    <>
      <Typography.Title level={5}>{t('models.review.history')}</Typography.Title>
      <Table<ModelReview>
        rowKey={(r) => `${r.version}:${r.step}:${r.at}`}
        size="small"
        pagination={false}
        dataSource={model.reviews}
        data-testid="model-reviews"
        locale={{ emptyText: t('models.review.none') }}
        columns={[
          { title: t('models.version'), dataIndex: 'version', width: 70 },
          {
            title: t('models.review.step'),
            dataIndex: 'step',
            width: 140,
            render: (step: ModelReview['step']) => t(`models.review.step.${step}`),
          },
          { title: t('models.versions.by'), dataIndex: 'by', width: 120 },
          { title: t('models.versions.at'), dataIndex: 'at', width: 180, render: formatTime },
          { title: t('models.versions.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
