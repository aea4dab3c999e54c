import { paramsInWords } from '@qingfeng/core';
import { Table } from 'antd';
import type { ModelDetail, ModelVersion } from '../../api/models';
import { useI18n } from '../../i18n';
import { useDateTime } from '../datasets/localised';

/** Who changed the model, when, why, and the parameter values of each version. */
export function ModelVersions({ model }: { model: ModelDetail }) {
  const { t, lang } = useI18n();
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
          // Each parameter by its label and its value in words (units, labels of codes), one a line.
          render: (p: Record<string, unknown>) => (
            <div data-testid="version-params">
              {Object.keys(p).length === 0 && '—'}
              {paramsInWords(model.document, p, lang).map(({ key, label, text }) => (
                <div key={key} title={key}>
                  {label}
                  {lang === 'zh' ? '：' : ': '}
                  {text}
                </div>
              ))}
            </div>
          ),
        },
      ]}
    />
  );
}
