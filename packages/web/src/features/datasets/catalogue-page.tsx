import { Card, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { DatasetSummary } from '../../api/datasets';
import { useI18n } from '../../i18n';
import { useDateTime } from './localised';
import { useDatasets } from './use-datasets';

function matches(dataset: DatasetSummary, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [dataset.key, dataset.name.zh, dataset.name.en, dataset.source.zh, dataset.source.en].some((value) =>
    value.toLowerCase().includes(needle),
  );
}

/** The data standard's dataset types, with who supplies them and how many rows the lake holds. */
export function CataloguePage() {
  const { t, lang } = useI18n();
  const formatTime = useDateTime();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const datasets = useDatasets();
  const rows = (datasets.data ?? []).filter((d) => matches(d, search));

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('datasets.catalogue.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('datasets.catalogue.hint')}</Typography.Paragraph>
        <Input.Search
          allowClear
          placeholder={t('datasets.catalogue.search')}
          onChange={(event) => setSearch(event.target.value)}
          style={{ maxWidth: 360, marginBottom: 16 }}
        />
        <Table<DatasetSummary>
          rowKey="key"
          size="small"
          loading={datasets.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="dataset-catalogue"
          onRow={(dataset) => ({
            onClick: () => void navigate(`/datasets/${dataset.key}`),
            style: { cursor: 'pointer' },
          })}
          columns={[
            {
              title: t('datasets.name'),
              key: 'name',
              render: (_, d) => (
                <>
                  <Typography.Text strong>{lang === 'zh' ? d.name.zh : d.name.en}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">{lang === 'zh' ? d.name.en : d.name.zh}</Typography.Text>
                </>
              ),
            },
            {
              title: t('datasets.key'),
              dataIndex: 'key',
              render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
            },
            { title: t('datasets.source'), key: 'source', render: (_, d) => d.source[lang] },
            { title: t('datasets.fieldCount'), dataIndex: 'fieldCount', align: 'right', width: 90 },
            {
              title: t('datasets.rowCount'),
              dataIndex: 'rowCount',
              align: 'right',
              width: 120,
              sorter: (a, b) => a.rowCount - b.rowCount,
              render: (n: number) => n.toLocaleString(),
            },
            { title: t('datasets.lastLoadedAt'), dataIndex: 'lastLoadedAt', width: 180, render: formatTime },
          ]}
        />
      </Card>
    </>
  );
}
