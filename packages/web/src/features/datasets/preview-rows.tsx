import { Table, Typography } from 'antd';
import type { ImportPreview } from '../../api/datasets';
import type { MappingChoice } from './mapping';

type Row = ImportPreview['rows'][number];

/** The file's first rows as read, each column headed by the field it will feed. */
export function PreviewRows({ preview, choice }: { preview: ImportPreview; choice: MappingChoice }) {
  return (
    <Table<Row>
      rowKey="rowNo"
      size="small"
      dataSource={preview.rows}
      pagination={false}
      scroll={{ x: 'max-content', y: 320 }}
      data-testid="preview-rows"
      columns={[
        { title: '#', dataIndex: 'rowNo', width: 60, fixed: 'left' },
        ...preview.headers.map((header, index) => ({
          key: String(index),
          title: (
            <>
              {header}
              <br />
              <Typography.Text type="secondary" code>
                {choice[header] ?? '—'}
              </Typography.Text>
            </>
          ),
          render: (_: unknown, row: Row) => {
            const value = row.values[index];
            return value === null || value === undefined ? '' : String(value);
          },
        })),
      ]}
    />
  );
}
