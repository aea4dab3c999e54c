import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n';
import { DRAFT_PARAM_TYPES, type DraftParam, type DraftParamType } from './draft';
import { AddButton } from './add-button';

const UNITS = ['days', 'yuan', 'count', 'percent'] as const;
const isNumeric = (type: DraftParamType) => type !== 'date' && type !== 'text';

/** A control with its name above it: a placeholder alone is gone once the field is filled. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  );
}

/** The model's parameters: key, type, default, range and labels; conditions refer to them by key. */
export function ParamsEditor({ params, onChange }: { params: DraftParam[]; onChange: (p: DraftParam[]) => void }) {
  const t = useT();
  const update = (index: number, patch: Partial<DraftParam>) =>
    onChange(params.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  return (
    <Flex vertical gap={8}>
      {params.map((p, i) => (
        <Flex key={i} gap={8} wrap align="end" data-testid={`param-${i}`}>
          <Field label={t('builder.param.key')}>
            <Input
              style={{ width: 140 }}
              placeholder={t('builder.param.key')}
              aria-label={t('builder.param.key')}
              value={p.key}
              onChange={(e) => update(i, { key: e.target.value.trim() })}
            />
          </Field>
          <Field label={t('builder.param.type')}>
            <Select
              style={{ width: 110 }}
              aria-label={t('builder.param.type')}
              value={p.type}
              onChange={(type: DraftParamType) => update(i, { type, default: null, min: undefined, max: undefined })}
              options={DRAFT_PARAM_TYPES.map((type) => ({ value: type, label: t(`builder.paramType.${type}`) }))}
            />
          </Field>
          <Field label={t('builder.param.default')}>
            {isNumeric(p.type) ? (
              <InputNumber
                style={{ width: 110 }}
                placeholder={t('builder.param.default')}
                aria-label={t('builder.param.default')}
                value={typeof p.default === 'number' ? p.default : null}
                onChange={(v) => update(i, { default: v })}
              />
            ) : (
              <Input
                style={{ width: 130 }}
                placeholder={p.type === 'date' ? 'YYYY-MM-DD' : t('builder.param.default')}
                aria-label={t('builder.param.default')}
                value={typeof p.default === 'string' ? p.default : ''}
                onChange={(e) => update(i, { default: e.target.value || null })}
              />
            )}
          </Field>
          {isNumeric(p.type) && (
            <>
              <Field label={t('builder.param.min')}>
                <InputNumber
                  style={{ width: 90 }}
                  placeholder={t('builder.param.min')}
                  aria-label={t('builder.param.min')}
                  value={p.min ?? null}
                  onChange={(v) => update(i, { min: v ?? undefined })}
                />
              </Field>
              <Field label={t('builder.param.max')}>
                <InputNumber
                  style={{ width: 90 }}
                  placeholder={t('builder.param.max')}
                  aria-label={t('builder.param.max')}
                  value={p.max ?? null}
                  onChange={(v) => update(i, { max: v ?? undefined })}
                />
              </Field>
              <Field label={t('builder.param.unit')}>
                <Select
                  allowClear
                  style={{ width: 100 }}
                  placeholder={t('builder.param.unit')}
                  aria-label={t('builder.param.unit')}
                  value={p.unit}
                  onChange={(unit?: DraftParam['unit']) => update(i, { unit })}
                  options={UNITS.map((u) => ({ value: u, label: t(`builder.unit.${u}`) }))}
                />
              </Field>
            </>
          )}
          <Field label={t('builder.param.labelZh')}>
            <Input
              style={{ width: 150 }}
              placeholder={t('builder.param.labelZh')}
              aria-label={t('builder.param.labelZh')}
              value={p.label.zh}
              onChange={(e) => update(i, { label: { ...p.label, zh: e.target.value } })}
            />
          </Field>
          <Field label={t('builder.param.labelEn')}>
            <Input
              style={{ width: 150 }}
              placeholder={t('builder.param.labelEn')}
              aria-label={t('builder.param.labelEn')}
              value={p.label.en}
              onChange={(e) => update(i, { label: { ...p.label, en: e.target.value } })}
            />
          </Field>
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('builder.remove')}
            onClick={() => onChange(params.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <AddButton
        testId="add-param"
        onClick={() => onChange([...params, { key: '', type: 'int', default: null, label: { zh: '', en: '' } }])}
      >
        {t('builder.addParam')}
      </AddButton>
    </Flex>
  );
}
