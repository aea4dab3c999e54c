import { Breadcrumb, Card, Descriptions, Result, Spin, Tabs, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { FieldsTable } from './fields-table';
import { useDateTime } from './localised';
import { QualityPanel } from './quality-panel';
import { RowsBrowser } from './rows-browser';
import { useDataset } from './use-datasets';

/** One dataset type: its fields, the rows the lake holds, and their quality. */
export function DatasetPage() {
  const { t, lang } = useI18n();
  const formatTime = useDateTime();
  const type = useParams().type ?? '';
  const dataset = useDataset(type);
  if (dataset.error) return <Result status="warning" title={errorText(t, dataset.error)} />;
  if (!dataset.data) return <Spin />;
  const d = dataset.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/datasets">{t('nav.datasets')}</Link> }, { title: d.name[lang] }]}
      />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {d.name.zh} <Typography.Text type="secondary">{d.name.en}</Typography.Text>
      </Typography.Title>
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            { key: 'key', label: t('datasets.key'), children: <code>{d.key}</code> },
            { key: 'source', label: t('datasets.source'), children: d.source[lang] },
            { key: 'rows', label: t('datasets.rowCount'), children: d.rowCount.toLocaleString() },
            { key: 'last', label: t('datasets.lastLoadedAt'), children: formatTime(d.lastLoadedAt) },
          ]}
        />
        <Tabs
          destroyOnHidden
          items={[
            { key: 'fields', label: t('datasets.tab.fields'), children: <FieldsTable fields={d.fields} /> },
            {
              key: 'rows',
              label: t('datasets.tab.rows'),
              children: <RowsBrowser datasetType={d.key} fields={d.fields} />,
            },
            { key: 'quality', label: t('datasets.tab.quality'), children: <QualityPanel datasetType={d.key} /> },
          ]}
        />
      </Card>
    </>
  );
}
