import { DatePicker, Flex, Select, Tag } from 'antd';
import { BUILTIN_MODELS, MODEL_CATEGORIES } from '@qingfeng/core';
import dayjs from 'dayjs';
import { SEVERITIES, type Severity } from '../../api/models';
import {
  RETIRED_FILTERS,
  type RetiredFilter,
  WARNING_STATUSES,
  type WarningFilter,
  type WarningStatusFilter,
} from '../../api/warnings';
import { useI18n } from '../../i18n';
import { useModels } from '../models/use-models';
import { useCan } from '../auth/use-me';

/** Model, its category, severity, status, division (from a link), retired or live, and first-seen date range. */
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
        value={filter.modelId}
        data-testid="filter-model"
        onChange={(modelId?: string) => onChange({ ...filter, modelId })}
        options={modelOptions}
      />
      <Select
        allowClear
        placeholder={t('models.category')}
        style={{ minWidth: 160 }}
        value={filter.category}
        data-testid="filter-category"
        onChange={(category?: string) => onChange({ ...filter, category })}
        options={MODEL_CATEGORIES.map((c) => ({ value: c.code, label: c.label[lang] }))}
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
        onChange={(status?: WarningStatusFilter) => onChange({ ...filter, status })}
        options={[
          { value: 'open', label: t('warnings.statusOpen') },
          ...WARNING_STATUSES.map((s) => ({ value: s, label: t(`warnings.status.${s}`) })),
        ]}
      />
      <Select
        style={{ minWidth: 140 }}
        // The server leaves retired warnings out unless asked, so that is what "no choice" shows.
        value={filter.retired ?? 'exclude'}
        data-testid="filter-retired"
        onChange={(retired: RetiredFilter) => onChange({ ...filter, retired })}
        options={RETIRED_FILTERS.map((r) => ({ value: r, label: t(`warnings.retiredFilter.${r}`) }))}
      />
      {filter.division && (
        // Set by a link (the overview's town or village); cleared here, not chosen.
        <Tag
          closable
          data-testid="filter-division"
          style={{ alignSelf: 'center' }}
          onClose={() => onChange({ ...filter, division: undefined })}
        >
          {t('warnings.division')}: {filter.division}
        </Tag>
      )}
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
