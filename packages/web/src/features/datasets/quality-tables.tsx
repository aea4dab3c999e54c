import { Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { DuplicateKey, FieldQuality } from '../../api/dataset-quality';
import { useI18n } from '../../i18n';

const DATE_TYPES = new Set(['date', 'datetime', 'month']);

/** Earliest and latest value of each date field. */
export function DateRanges({ fields }: { fields: FieldQuality[] }) {
  const { t, lang } = useI18n();
  const dated = fields.filter((f) => DATE_TYPES.has(f.type) && f.min !== undefined && f.min !== null);
  if (dated.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Table<FieldQuality>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={dated}
      data-testid="date-ranges"
      columns={[
        { title: t('datasets.mapping.field'), key: 'field', render: (_, f) => f.label[lang] },
        {
          title: t('datasets.quality.earliest'),
          dataIndex: 'min',
          render: (v: FieldQuality['min']) => String(v ?? '—'),
        },
        { title: t('datasets.quality.latest'), dataIndex: 'max', render: (v: FieldQuality['min']) => String(v ?? '—') },
      ]}
    />
  );
}

/** Natural keys held by more than one row, with a few rows to look at. */
export function DuplicateKeys({ duplicates }: { duplicates: DuplicateKey[] }) {
  const { t } = useI18n();
  if (duplicates.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Table<DuplicateKey>
      rowKey={(d) => d.fields.join('+')}
      size="small"
      pagination={false}
      dataSource={duplicates}
      columns={[
        {
          title: t('datasets.quality.key'),
          dataIndex: 'fields',
          render: (keys: string[]) => keys.map((k) => <Tag key={k}>{k}</Tag>),
        },
        { title: t('datasets.quality.groups'), dataIndex: 'groups', align: 'right' },
        {
          title: t('datasets.quality.duplicateRows'),
          dataIndex: 'rows',
          align: 'right',
          render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
        },
        {
          title: t('datasets.quality.examples'),
          dataIndex: 'examples',
          render: (examples: DuplicateKey['examples']) =>
            examples.slice(0, 4).map((e) => (
              <Link key={`${e.batchId}:${e.rowNo}`} to={`/import-batches/${e.batchId}`} style={{ marginRight: 8 }}>
                #{e.batchId}/{e.rowNo}
              </Link>
            )),
        },
      ]}
    />
  );
}
