import { MODEL_CATEGORIES } from '@qingfeng/core';
import { Button, Card, Flex, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type ModelFilter, type ModelSummary, SEVERITIES, type Severity } from '../../api/models';
import { useI18n } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { useCan } from '../auth/use-me';
import { ReviewTag } from './review-tag';
import { SeverityTag } from './severity-tag';
import { useModelActions, useModels } from './use-models';

function EnabledSwitch({ model }: { model: ModelSummary }) {
  const can = useCan();
  const { ok, fail } = useNotify();
  const { t } = useI18n();
  const { toggle } = useModelActions(model.id);
  return (
    <Switch
      size="small"
      checked={model.enabled}
      disabled={!can('model.manage')}
      loading={toggle.isPending}
      data-testid={`toggle-${model.id}`}
      onClick={(checked, event) => {
        event.stopPropagation();
        toggle.mutate(checked, { onSuccess: () => ok(t('common.saved')), onError: fail });
      }}
    />
  );
}

/** The model library: every registered model, filtered by category and severity. */
export function ModelsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<ModelFilter>({});
  const models = useModels(filter);

  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('models.library.title')}
        </Typography.Title>
        {can('model.manage') && (
          <Button type="primary" onClick={() => void navigate('/model-builder')}>
            {t('models.library.build')}
          </Button>
        )}
      </Flex>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="model-filters">
          <Select
            allowClear
            placeholder={t('models.category')}
            style={{ minWidth: 200 }}
            value={filter.category}
            onChange={(category?: string) => setFilter({ ...filter, category })}
            options={MODEL_CATEGORIES.map((c) => ({ value: c.code, label: `${c.code} · ${c.label[lang]}` }))}
          />
          <Select
            allowClear
            placeholder={t('models.severity')}
            style={{ minWidth: 140 }}
            value={filter.severity}
            onChange={(severity?: Severity) => setFilter({ ...filter, severity })}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`models.severity.${s}`) }))}
          />
        </Flex>
        <Table<ModelSummary>
          rowKey="id"
          size="small"
          loading={models.isFetching}
          dataSource={models.data ?? []}
          data-testid="model-table"
          scroll={{ x: 1000 }}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          onRow={(model) => ({
            onClick: () => void navigate(`/models/${encodeURIComponent(model.id)}`),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('models.id'), dataIndex: 'id', width: 90 },
            {
              title: t('models.name'),
              key: 'name',
              render: (_, m) => (
                <Flex vertical>
                  <span>{m.name[lang]}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.name[lang === 'zh' ? 'en' : 'zh']}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('models.category'), dataIndex: 'category', width: 80 },
            {
              title: t('models.inputs'),
              dataIndex: 'inputs',
              render: (inputs: string[]) => inputs.map((i) => <Tag key={i}>{i}</Tag>),
            },
            {
              title: t('models.severity'),
              dataIndex: 'severity',
              width: 90,
              render: (s: Severity) => <SeverityTag severity={s} />,
            },
            {
              title: t('models.source'),
              dataIndex: 'source',
              width: 90,
              render: (s: 'builtin' | 'user') => t(`models.source.${s}`),
            },
            { title: t('models.version'), dataIndex: 'currentVersion', width: 70, align: 'right' },
            {
              title: t('models.enabled'),
              key: 'enabled',
              width: 130,
              // A model under review is enabled only by its approval: its state in words instead.
              render: (_, m) =>
                m.reviewStatus === 'approved' ? (
                  <EnabledSwitch model={m} />
                ) : (
                  <ReviewTag status={m.reviewStatus} testId={`review-${m.id}`} />
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
