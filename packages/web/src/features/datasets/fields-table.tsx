import { Flex, Table, Tag, Typography } from 'antd';
import type { DatasetField, EnumCode } from '../../api/datasets';
import { useI18n } from '../../i18n';

function EnumCodes({ values }: { values: EnumCode[] }) {
  const { lang } = useI18n();
  return (
    <Flex vertical gap={2}>
      {values.map((value) => (
        <span key={value.code}>
          <Typography.Text code>{value.code}</Typography.Text> {value.label[lang]}
          {value.terms.length > 0 && <Typography.Text type="secondary"> ← {value.terms.join('、')}</Typography.Text>}
        </span>
      ))}
    </Flex>
  );
}

/** The fields of a dataset type: key, both labels, type, required, header synonyms, enum codes. */
export function FieldsTable({ fields }: { fields: DatasetField[] }) {
  const { t, lang } = useI18n();
  return (
    <Table<DatasetField>
      rowKey="key"
      size="small"
      dataSource={fields}
      pagination={false}
      scroll={{ x: 1000 }}
      data-testid="dataset-fields"
      columns={[
        {
          title: t('datasets.field.key'),
          dataIndex: 'key',
          width: 150,
          render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
        },
        {
          title: t('datasets.field.label'),
          key: 'label',
          width: 170,
          render: (_, f) => (lang === 'zh' ? `${f.label.zh} / ${f.label.en}` : `${f.label.en} / ${f.label.zh}`),
        },
        { title: t('datasets.field.type'), dataIndex: 'type', width: 90, render: (type: string) => <Tag>{type}</Tag> },
        {
          title: t('datasets.field.required'),
          dataIndex: 'required',
          width: 70,
          render: (required: boolean) => (required ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')),
        },
        {
          title: t('datasets.field.synonyms'),
          dataIndex: 'synonyms',
          render: (synonyms: string[]) => (
            <Flex wrap gap={4}>
              {synonyms.map((s) => (
                <Tag key={s} bordered={false}>
                  {s}
                </Tag>
              ))}
            </Flex>
          ),
        },
        {
          title: t('datasets.field.codes'),
          dataIndex: 'values',
          width: 280,
          render: (values?: EnumCode[]) => (values ? <EnumCodes values={values} /> : '—'),
        },
      ]}
    />
  );
}
