import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useT } from '../../../i18n';
import { DRAFT_OPS, type DraftCondition, type DraftOp, type Operand } from './draft';

const UNARY = new Set<DraftOp>(['is_null', 'not_null']);

export interface Option {
  value: string;
  label: string;
}

interface Props {
  condition: DraftCondition;
  /** Fields either side may name, and the model's parameters. */
  fields: Option[];
  params: Option[];
  onChange: (patch: Partial<DraftCondition>) => void;
  onRemove: () => void;
  /** Suffix of the test ids (`condition-left-<testId>`…). */
  testId: string;
}

/** One condition: a field against a field, parameter or value, with an optional days window. */
export function ConditionRow({ condition: c, fields, params, onChange, onRemove, testId }: Props) {
  const t = useT();
  return (
    <Flex gap={8} wrap align="center" data-testid={`condition-${testId}`}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 240 }}
        value={c.left || undefined}
        placeholder={t('builder.condition.field')}
        data-testid={`condition-left-${testId}`}
        onChange={(left: string) => onChange({ left })}
        options={fields}
      />
      <Select
        style={{ width: 150 }}
        value={c.op}
        data-testid={`condition-op-${testId}`}
        onChange={(op: DraftOp) => onChange({ op })}
        options={DRAFT_OPS.map((op) => ({ value: op, label: t(`builder.op.${op}`) }))}
      />
      {!UNARY.has(c.op) && (
        <>
          <Select
            style={{ width: 110 }}
            value={c.right.kind}
            onChange={(kind: Operand['kind']) =>
              onChange({
                right:
                  kind === 'field' ? { kind, field: '' } : kind === 'param' ? { kind, key: '' } : { kind, value: '' },
              })
            }
            options={(['field', 'param', 'value'] as const).map((k) => ({
              value: k,
              label: t(`builder.operand.${k}`),
            }))}
          />
          {c.right.kind === 'value' ? (
            <Input
              style={{ width: 160 }}
              value={c.right.value}
              aria-label={t('builder.operand.value')}
              onChange={(e) => onChange({ right: { kind: 'value', value: e.target.value } })}
            />
          ) : (
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 220 }}
              data-testid={`condition-right-${testId}`}
              value={(c.right.kind === 'field' ? c.right.field : c.right.key) || undefined}
              onChange={(v: string) =>
                onChange({ right: c.right.kind === 'field' ? { kind: 'field', field: v } : { kind: 'param', key: v } })
              }
              options={c.right.kind === 'field' ? fields : params}
            />
          )}
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t(c.op === 'within_days' ? 'builder.condition.window' : 'builder.condition.plusDays')}
            data-testid={`condition-days-${testId}`}
            value={c.days}
            onChange={(days?: string) => onChange({ days })}
            options={params.map((p) => ({ ...p, label: `+ ${p.label} ${t('builder.unit.days')}` }))}
          />
        </>
      )}
      <Button type="text" icon={<DeleteOutlined />} aria-label={t('builder.remove')} onClick={onRemove} />
    </Flex>
  );
}
