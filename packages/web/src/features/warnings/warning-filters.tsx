import { DatePicker, Flex, Select } from 'antd';
import { BUILTIN_MODELS } from '@qingfeng/core';
import dayjs from 'dayjs';
import { SEVERITIES, type Severity } from '../../api/models';
import {
  RETIRED_FILTERS,
  type RetiredFilter,
  WARNING_STATUSES,
  type WarningFilter,
  type WarningStatus,
} from '../../api/warnings';
import { useI18n } from '../../i18n';
import { useModels } from '../models/use-models';
import { useCan } from '../auth/use-me';

/** Model, severity, status, retired or live, and first-seen date range. */
export function WarningFilters({ filter, onChange }: { filter: WarningFilter; onChange: (f: WarningFilter) => void }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const models = useModels({}, can('model.read'));
  // Handlers without model.read still filter by the built-in models, named from the shipped library.
  const modelOptions = (can('model.read') ? (models.data ?? []) : BUILTIN_MODELS).map((m) => ({
    value: m.id,
    label: `${m.id} ${m.name[lang]}`,
  }));
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="warning-filters">
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('warnings.model')}
        style={{ minWidth: 260 }}
        value={filter.model}
        data-testid="filter-model"
        onChange={(model?: string) => onChange({ ...filter, model })}
        options={modelOptions}
      />
      <Select
        allowClear
        placeholder={t('models.severity')}
        style={{ minWidth: 120 }}
        value={filter.severity}
        onChange={(severity?: Severity) => onChange({ ...filter, severity })}
        options={SEVERITIES.map((s) => ({ value: s, label: t(`models.severity.${s}`) }))}
      />
      <Select
        allowClear
        placeholder={t('warnings.statusLabel')}
        style={{ minWidth: 140 }}
        value={filter.status}
        data-testid="filter-status"
        onChange={(status?: WarningStatus) => onChange({ ...filter, status })}
        options={WARNING_STATUSES.map((s) => ({ value: s, label: t(`warnings.status.${s}`) }))}
      />
      <Select
        style={{ minWidth: 140 }}
        // The server leaves retired warnings out unless asked, so that is what "no choice" shows.
        value={filter.retired ?? 'exclude'}
        data-testid="filter-retired"
        onChange={(retired: RetiredFilter) => onChange({ ...filter, retired })}
        options={RETIRED_FILTERS.map((r) => ({ value: r, label: t(`warnings.retiredFilter.${r}`) }))}
      />
      <DatePicker.RangePicker
        value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
        onChange={(range) =>
          onChange({
            ...filter,
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
      />
    </Flex>
  );
}
