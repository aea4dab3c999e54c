import { Select, Table, Tag, Typography } from 'antd';
import type { DatasetField, HeaderMapping, ImportPreview } from '../../api/datasets';
import { useI18n } from '../../i18n';
import { duplicatedFields, type MappingChoice } from './mapping';

interface Row {
  index: number;
  header: string;
  samples: string;
}

function sampleOf(preview: ImportPreview, index: number): string {
  return preview.rows
    .slice(0, 3)
    .map((row) => row.values[index])
    .filter((value) => value !== null && value !== '')
    .join(' · ');
}

/** One line per file column: sample values, the field it feeds (changeable), and how it was matched. */
export function MappingTable({
  preview,
  fields,
  choice,
  suggested,
  onChange,
}: {
  preview: ImportPreview;
  fields: DatasetField[];
  choice: MappingChoice;
  suggested: HeaderMapping;
  onChange: (header: string, field: string | undefined) => void;
}) {
  const { t, lang } = useI18n();
  const twice = duplicatedFields(choice);
  const options = fields.map((f) => ({
    value: f.key,
    label: `${f.required ? '* ' : ''}${f.label[lang]} (${f.key})`,
  }));
  const rows: Row[] = preview.headers.map((header, index) => ({ index, header, samples: sampleOf(preview, index) }));

  const matchTag = (header: string) => {
    const field = choice[header];
    if (!field) return <Tag color="warning">{t('datasets.mapping.unmatched')}</Tag>;
    if (twice.has(field)) return <Tag color="error">{t('datasets.mapping.duplicate')}</Tag>;
    if (suggested[header] === field) return <Tag color="success">{t('datasets.mapping.auto')}</Tag>;
    return <Tag color="processing">{t('datasets.mapping.manual')}</Tag>;
  };

  return (
    <Table<Row>
      rowKey="index"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 800 }}
      data-testid="mapping-table"
      columns={[
        {
          title: t('datasets.mapping.column'),
          dataIndex: 'header',
          width: 200,
          render: (header: string) => <Typography.Text strong>{header}</Typography.Text>,
        },
        {
          title: t('datasets.mapping.samples'),
          dataIndex: 'samples',
          ellipsis: true,
          render: (text: string) => <Typography.Text type="secondary">{text || '—'}</Typography.Text>,
        },
        {
          title: t('datasets.mapping.field'),
          key: 'field',
          width: 300,
          render: (_, row) => (
            <Select
              value={choice[row.header]}
              onChange={(field?: string) => onChange(row.header, field)}
              options={options}
              // The import API cannot leave out a column the server matches by itself, so
              // only columns it did not match can be set back to "not imported".
              allowClear={suggested[row.header] === undefined}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('datasets.mapping.ignore')}
              status={choice[row.header] ? (twice.has(choice[row.header] ?? '') ? 'error' : undefined) : 'warning'}
              style={{ width: '100%' }}
              aria-label={row.header}
              data-testid={`mapping-select-${row.index}`}
            />
          ),
        },
        { title: t('datasets.mapping.match'), key: 'match', width: 110, render: (_, row) => matchTag(row.header) },
      ]}
    />
  );
}
