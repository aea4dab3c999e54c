import { Table, Typography } from 'antd';
import type { ModelDetail, ModelVersion } from '../../api/models';
import { useT } from '../../i18n';
import { useDateTime } from '../datasets/localised';

/** Who changed the model, when, why, and the parameter values of each version. */
export function ModelVersions({ model }: { model: ModelDetail }) {
  const t = useT();
  const formatTime = useDateTime();
  return (
    <Table<ModelVersion>
      rowKey="version"
      size="small"
      pagination={false}
      dataSource={model.versions}
      data-testid="model-versions"
      columns={[
        { title: t('models.version'), dataIndex: 'version', width: 70 },
        { title: t('models.versions.by'), dataIndex: 'changedBy', width: 120, render: (v: string | null) => v ?? '—' },
        { title: t('models.versions.at'), dataIndex: 'changedAt', width: 180, render: formatTime },
        { title: t('models.versions.reason'), dataIndex: 'reason' },
        {
          title: t('models.tab.params'),
          dataIndex: 'params',
          render: (p: Record<string, unknown>) => (
            <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
              {JSON.stringify(p)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
