import { Alert, Table, Tag } from 'antd';
import type { PreviewHit, PreviewResult } from '../../../api/models';
import { useI18n } from '../../../i18n';
import { SeverityTag } from '../severity-tag';

/** The hits a draft finds on the current data (nothing saved). */
export function PreviewPanel({ result }: { result: PreviewResult }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Alert
        type={result.hits.length > 0 ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="preview-count"
        title={t(result.limited ? 'builder.preview.limited' : 'builder.preview.count', { count: result.hits.length })}
      />
      <Table<PreviewHit>
        rowKey="hitKey"
        size="small"
        dataSource={result.hits}
        pagination={{ pageSize: 10 }}
        data-testid="preview-hits"
        columns={[
          {
            title: t('models.severity'),
            dataIndex: 'severity',
            width: 90,
            render: (s: PreviewHit['severity']) => <SeverityTag severity={s} />,
          },
          { title: t('models.explanation'), key: 'explanation', render: (_, h) => h.explanation[lang] },
          {
            title: t('warnings.evidence'),
            key: 'evidence',
            width: 260,
            render: (_, h) =>
              h.evidence.map((e) => (
                <Tag key={`${e.dataset}-${e.batchId}-${e.rowNo}`}>{`${e.role} #${e.batchId}:${e.rowNo}`}</Tag>
              )),
          },
        ]}
      />
    </>
  );
}
