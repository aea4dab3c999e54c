import { Alert, Button, Flex, Select, Space, Tag, Typography } from 'antd';
import type { DatasetField, UnknownValue, ValueMappings } from '../../api/datasets';
import { useI18n } from '../../i18n';
import { pendingUnknownValues, withValue, withoutValue } from './value-mapping';

interface Props {
  unknownValues: readonly UnknownValue[];
  fields: readonly DatasetField[];
  rowsScanned: number;
  values: ValueMappings;
  onChange: (values: ValueMappings) => void;
  /** True while the preview is read again for a newly mapped coded column. */
  checking: boolean;
}

/**
 * The values of coded fields the standard does not know, each with the codes it might mean
 * (the one whose label or term it contains, else codes alike by characters). Nothing is
 * mapped until the person presses a suggestion or chooses a code; the mappings set are
 * listed, each removable, and go with the import.
 */
export function ValueMappingPanel({ unknownValues, fields, rowsScanned, values, onChange, checking }: Props) {
  const { t, lang } = useI18n();
  const pending = pendingUnknownValues(unknownValues, values);
  const codeLabel = (field: string, code: string) =>
    fields.find((f) => f.key === field)?.values?.find((v) => v.code === code)?.label[lang] ?? code;
  const fieldLabel = (field: string) => fields.find((f) => f.key === field)?.label[lang] ?? field;
  const mapped = Object.entries(values).flatMap(([field, words]) =>
    Object.entries(words).map(([word, code]) => ({ field, word, code })),
  );

  return (
    <Flex vertical gap={8} data-testid="value-mappings">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('values.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('values.scanned', { rows: rowsScanned })}</Typography.Text>
      {checking && <Alert type="info" showIcon title={t('values.checking')} data-testid="values-checking" />}
      {!checking && pending.length === 0 && <Alert type="success" showIcon title={t('values.allKnown')} />}
      {pending.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="unknown-values"
          title={t('values.unknown', { count: pending.length })}
          description={
            <Flex vertical gap={4}>
              {pending.map((u) => (
                <Space key={`${u.field}\u0000${u.value}`} wrap data-testid={`unknown-value-${u.field}`}>
                  <Typography.Text strong>{u.label[lang]}</Typography.Text>
                  <Tag>{u.value}</Tag>
                  <Typography.Text type="secondary">
                    {t('values.count', { count: u.count })} ·{' '}
                    {u.required ? t('values.rejectHint') : t('values.keptHint')}
                  </Typography.Text>
                  {u.suggestions.length === 0 ? (
                    <Typography.Text type="secondary">{t('values.noSuggestion')}</Typography.Text>
                  ) : (
                    <Typography.Text type="secondary">{t('values.suggest')}</Typography.Text>
                  )}
                  {u.suggestions.map((s) => (
                    <Button
                      key={s.code}
                      size="small"
                      title={s.how === 'contains' ? t('values.contains', { word: s.word }) : undefined}
                      onClick={() => onChange(withValue(values, u.field, u.value, s.code))}
                      data-testid={`value-suggest-${u.field}-${s.code}`}
                    >
                      {t('values.mapTo', { code: s.label[lang] })}
                    </Button>
                  ))}
                  <Select
                    size="small"
                    style={{ minWidth: 140 }}
                    placeholder={t('values.choose')}
                    aria-label={`${t('values.choose')} ${u.value}`}
                    options={(fields.find((f) => f.key === u.field)?.values ?? []).map((v) => ({
                      value: v.code,
                      label: v.label[lang],
                    }))}
                    onChange={(code: string) => onChange(withValue(values, u.field, u.value, code))}
                  />
                </Space>
              ))}
            </Flex>
          }
        />
      )}
      {mapped.length > 0 && (
        <Flex vertical gap={4} data-testid="value-mappings-set">
          <Typography.Text>{t('values.mapped')}</Typography.Text>
          {mapped.map((m) => (
            <Space key={`${m.field}\u0000${m.word}`} wrap>
              <Typography.Text type="secondary">{fieldLabel(m.field)}</Typography.Text>
              <Tag color="blue">{t('values.mappedLine', { word: m.word, code: codeLabel(m.field, m.code) })}</Tag>
              <Button size="small" type="link" onClick={() => onChange(withoutValue(values, m.field, m.word))}>
                {t('values.remove')}
              </Button>
            </Space>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
