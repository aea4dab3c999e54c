import { Alert, Button, Flex, Space, Tag, Typography } from 'antd';
import type { ColumnAccounting } from '../../api/datasets';
import { useI18n } from '../../i18n';

interface Props {
  accounting: ColumnAccounting;
  /** In the preview: map a column to a suggested field. Left out in the import's result. */
  onMap?: (header: string, field: string) => void;
}

/**
 * Every column of the file accounted for: the columns that feed no field, each with the
 * fields it might feed (selectable in the preview), the fields left empty, and the enabled
 * models those leave blind. Field labels in the reader's language, never keys.
 */
export function ColumnAccountingPanel({ accounting, onMap }: Props) {
  const { t, lang } = useI18n();
  const { unusedColumns, emptyFields, blindModels } = accounting;
  const labelOf = new Map(emptyFields.map((f) => [f.field, f.label[lang]]));
  const nothingLeft = unusedColumns.length === 0 && emptyFields.length === 0;

  return (
    <Flex vertical gap={8} data-testid="column-accounting">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('columns.title')}
      </Typography.Title>
      <Typography.Text type="secondary" data-testid="columns-matched">
        {t('columns.matched', { columns: accounting.columns, matched: accounting.matchedColumns })}
      </Typography.Text>
      {nothingLeft && <Alert type="success" showIcon title={t('columns.allAccounted')} />}
      {unusedColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="unused-columns"
          title={t('columns.unused', { count: unusedColumns.length })}
          description={
            <Flex vertical gap={4}>
              {unusedColumns.map((column) => (
                <Space key={column.index} wrap data-testid={`unused-column-${column.index}`}>
                  <Tag>{column.header}</Tag>
                  {column.duplicateOf !== null && (
                    <Typography.Text type="secondary">
                      {t('columns.repeats', { field: labelOf.get(column.duplicateOf) ?? column.duplicateOf })}
                    </Typography.Text>
                  )}
                  {column.suggestions.length === 0 ? (
                    <Typography.Text type="secondary">{t('columns.noSuggestion')}</Typography.Text>
                  ) : (
                    <>
                      <Typography.Text type="secondary">{t('columns.suggest')}</Typography.Text>
                      {column.suggestions.map((s) =>
                        onMap ? (
                          <Button
                            key={s.field}
                            size="small"
                            onClick={() => onMap(column.header, s.field)}
                            data-testid={`suggest-${column.index}-${s.field}`}
                          >
                            {t('columns.mapTo', { field: s.label[lang] })}
                          </Button>
                        ) : (
                          <Tag key={s.field} color="blue">
                            {s.label[lang]}
                          </Tag>
                        ),
                      )}
                    </>
                  )}
                </Space>
              ))}
            </Flex>
          }
        />
      )}
      {emptyFields.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="empty-fields"
          title={t('columns.empty', { count: emptyFields.length })}
          description={
            <Flex wrap gap={4}>
              {emptyFields.map((f) => (
                <Tag key={f.field} color={f.reason === 'all_empty' ? 'orange' : undefined}>
                  {f.label[lang]} ·{' '}
                  {f.reason === 'all_empty'
                    ? t('columns.reason.all_empty', { header: f.header ?? '' })
                    : t('columns.reason.no_column')}
                </Tag>
              ))}
            </Flex>
          }
        />
      )}
      {blindModels.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="blind-models"
          title={t('columns.blind', { count: blindModels.length })}
          description={
            <Flex vertical gap={2}>
              {blindModels.map((m) => (
                <Typography.Text key={m.id}>
                  {m.id} {m.name[lang]} —{' '}
                  {t('columns.blindReads', {
                    fields: m.fields.map((f) => labelOf.get(f) ?? f).join(lang === 'zh' ? '、' : ', '),
                  })}
                </Typography.Text>
              ))}
            </Flex>
          }
        />
      )}
    </Flex>
  );
}
