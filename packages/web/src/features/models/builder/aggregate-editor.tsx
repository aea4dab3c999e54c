import { DeleteOutlined } from '@ant-design/icons';
import type { CompareOp } from '@qingfeng/core';
import { Button, Flex, Input, Select, Switch, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useConditionOptions } from './conditions-editor';
import {
  DRAFT_MEASURES,
  type Draft,
  type DraftAggregate,
  type DraftGroupKey,
  type DraftMeasure,
  type DraftThreshold,
} from './draft';
import { fieldChoices, isNumericField } from './fields';
import { AddButton } from './add-button';

const COMPARE: readonly CompareOp[] = ['>=', '>', '=', '<>', '<=', '<'];
/** Measures over numbers only; a distinct count, min and max take any field. */
const NUMERIC_MEASURES = new Set<DraftMeasure>(['sum', 'avg']);

const newThreshold = (): DraftThreshold => ({ measure: 'count', op: '>=', right: { kind: 'param', key: '' } });

/**
 * Grouping and thresholds: "the same subject paid at least N times in a month", "contracts
 * of one company summing above X". Each group meeting every threshold is one hit, whose
 * evidence is all its rows.
 */
export function AggregateEditor({ draft, onChange }: { draft: Draft; onChange: (a: DraftAggregate | null) => void }) {
  const { t } = useI18n();
  const { fieldOptions, params } = useConditionOptions(draft);
  const choices = fieldChoices(draft);
  const aggregate = draft.aggregate;
  if (!aggregate) {
    return (
      <Flex gap={8} align="center">
        <Switch
          checked={false}
          data-testid="aggregate-on"
          onChange={() =>
            onChange({ groupBy: draft.subject ? [{ field: draft.subject }] : [], having: [newThreshold()] })
          }
        />
        <Typography.Text type="secondary">{t('builder.aggregate.off')}</Typography.Text>
      </Flex>
    );
  }
  const set = (patch: Partial<DraftAggregate>) => onChange({ ...aggregate, ...patch });
  const setKey = (i: number, patch: Partial<DraftGroupKey>) =>
    set({ groupBy: aggregate.groupBy.map((k, j) => (j === i ? { ...k, ...patch } : k)) });
  const setThreshold = (i: number, patch: Partial<DraftThreshold>) =>
    set({ having: aggregate.having.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const isDate = (ref: string) => choices.find((c) => c.ref === ref)?.field.type === 'date';
  const remove = (onClick: () => void) => (
    <Button type="text" icon={<DeleteOutlined />} aria-label={t('builder.remove')} onClick={onClick} />
  );

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center">
        <Switch checked data-testid="aggregate-on" onChange={() => onChange(null)} />
        <Typography.Text>{t('builder.aggregate.on')}</Typography.Text>
      </Flex>
      <Typography.Text strong>{t('builder.aggregate.groupBy')}</Typography.Text>
      {aggregate.groupBy.map((key, i) => (
        <Flex key={i} gap={8} align="center" data-testid={`group-key-${i}`}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 260 }}
            value={key.field || undefined}
            data-testid={`group-field-${i}`}
            onChange={(field: string) => setKey(i, { field, bucket: isDate(field) ? key.bucket : undefined })}
            options={fieldOptions(choices)}
          />
          {isDate(key.field) && (
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('builder.aggregate.bucket.day')}
              value={key.bucket}
              data-testid={`group-bucket-${i}`}
              onChange={(bucket?: DraftGroupKey['bucket']) => setKey(i, { bucket })}
              options={(['month', 'year'] as const).map((b) => ({
                value: b,
                label: t(`builder.aggregate.bucket.${b}`),
              }))}
            />
          )}
          {remove(() => set({ groupBy: aggregate.groupBy.filter((_, j) => j !== i) }))}
        </Flex>
      ))}
      <AddButton small testId="add-group-key" onClick={() => set({ groupBy: [...aggregate.groupBy, { field: '' }] })}>
        {t('builder.aggregate.addKey')}
      </AddButton>
      <Typography.Text strong>{t('builder.aggregate.having')}</Typography.Text>
      {aggregate.having.map((x, i) => (
        <Flex key={i} gap={8} wrap align="center" data-testid={`threshold-${i}`}>
          <Select
            style={{ width: 170 }}
            value={x.measure}
            data-testid={`threshold-measure-${i}`}
            onChange={(measure: DraftMeasure) =>
              setThreshold(i, { measure, field: measure === 'count' ? undefined : x.field })
            }
            options={DRAFT_MEASURES.map((m) => ({ value: m, label: t(`builder.measure.${m}`) }))}
          />
          {x.measure !== 'count' && (
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 220 }}
              value={x.field || undefined}
              placeholder={t('builder.condition.field')}
              data-testid={`threshold-field-${i}`}
              onChange={(field: string) => setThreshold(i, { field })}
              options={fieldOptions(
                NUMERIC_MEASURES.has(x.measure) ? choices.filter((c) => isNumericField(c.field)) : choices,
              )}
            />
          )}
          <Select
            style={{ width: 150 }}
            value={x.op}
            data-testid={`threshold-op-${i}`}
            onChange={(op: CompareOp) => setThreshold(i, { op })}
            options={COMPARE.map((op) => ({ value: op, label: t(`builder.op.${op}`) }))}
          />
          <Select
            style={{ width: 110 }}
            value={x.right.kind}
            onChange={(kind: 'param' | 'value') =>
              setThreshold(i, { right: kind === 'param' ? { kind, key: '' } : { kind, value: '' } })
            }
            options={(['param', 'value'] as const).map((k) => ({ value: k, label: t(`builder.operand.${k}`) }))}
          />
          {x.right.kind === 'param' ? (
            <Select
              style={{ minWidth: 160 }}
              value={x.right.key || undefined}
              data-testid={`threshold-param-${i}`}
              onChange={(key: string) => setThreshold(i, { right: { kind: 'param', key } })}
              options={params}
            />
          ) : (
            <Input
              style={{ width: 140 }}
              value={x.right.value}
              aria-label={t('builder.operand.value')}
              data-testid={`threshold-value-${i}`}
              onChange={(e) => setThreshold(i, { right: { kind: 'value', value: e.target.value } })}
            />
          )}
          {remove(() => set({ having: aggregate.having.filter((_, j) => j !== i) }))}
        </Flex>
      ))}
      <AddButton small testId="add-threshold" onClick={() => set({ having: [...aggregate.having, newThreshold()] })}>
        {t('builder.aggregate.addThreshold')}
      </AddButton>
    </Flex>
  );
}
