import { Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import type { DatasetField } from '../../api/datasets';
import { useI18n } from '../../i18n';

/**
 * One "field = value" condition on the browser. The server normalises the value as it does
 * on import, so an identity number may be typed in any accepted form.
 */
export function RowsFilter({
  fields,
  onChange,
}: {
  fields: DatasetField[];
  onChange: (filters: Record<string, string>) => void;
}) {
  const { t, lang } = useI18n();
  const [field, setField] = useState<string>();
  const [value, setValue] = useState('');
  const apply = () => onChange(field && value.trim() ? { [field]: value.trim() } : {});
  return (
    <Space.Compact data-testid="rows-filter">
      <Select
        allowClear
        placeholder={t('datasets.rows.filterField')}
        style={{ width: 180 }}
        value={field}
        onChange={(key?: string) => setField(key)}
        options={fields.map((f) => ({ value: f.key, label: f.label[lang] }))}
      />
      <Input
        allowClear
        placeholder={t('datasets.rows.filterValue')}
        style={{ width: 200 }}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onPressEnter={apply}
      />
      <Button type="primary" onClick={apply}>
        {t('common.search')}
      </Button>
    </Space.Compact>
  );
}
