import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useI18n } from '../../../i18n';
import { DRAFT_OPS, type Draft, type DraftCondition, type DraftOp, type Operand } from './draft';
import { fieldChoices } from './fields';

const UNARY = new Set<DraftOp>(['is_null', 'not_null']);

/** Conditions every hit meets: field against field, parameter or value, with an optional days window. */
export function ConditionsEditor({ draft, onChange }: { draft: Draft; onChange: (c: DraftCondition[]) => void }) {
  const { t, lang } = useI18n();
  const fields = fieldChoices(draft).map((c) => ({ value: c.ref, label: `${c.ref} ${c.field.label[lang]}` }));
  const params = draft.params.filter((p) => p.key).map((p) => ({ value: p.key, label: `{${p.key}}` }));
  const update = (index: number, patch: Partial<DraftCondition>) =>
    onChange(draft.conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  return (
    <Flex vertical gap={8}>
      {draft.conditions.map((c, i) => (
        <Flex key={i} gap={8} wrap align="center" data-testid={`condition-${i}`}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 240 }}
            value={c.left || undefined}
            placeholder={t('builder.condition.field')}
            data-testid={`condition-left-${i}`}
            onChange={(left: string) => update(i, { left })}
            options={fields}
          />
          <Select
            style={{ width: 150 }}
            value={c.op}
            data-testid={`condition-op-${i}`}
            onChange={(op: DraftOp) => update(i, { op })}
            options={DRAFT_OPS.map((op) => ({ value: op, label: t(`builder.op.${op}`) }))}
          />
          {!UNARY.has(c.op) && (
            <>
              <Select
                style={{ width: 110 }}
                value={c.right.kind}
                onChange={(kind: Operand['kind']) =>
                  update(i, {
                    right:
                      kind === 'field'
                        ? { kind, field: '' }
                        : kind === 'param'
                          ? { kind, key: '' }
                          : { kind, value: '' },
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
                  onChange={(e) => update(i, { right: { kind: 'value', value: e.target.value } })}
                />
              ) : (
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ minWidth: 220 }}
                  data-testid={`condition-right-${i}`}
                  value={(c.right.kind === 'field' ? c.right.field : c.right.key) || undefined}
                  onChange={(v: string) =>
                    update(i, {
                      right: c.right.kind === 'field' ? { kind: 'field', field: v } : { kind: 'param', key: v },
                    })
                  }
                  options={c.right.kind === 'field' ? fields : params}
                />
              )}
              <Select
                allowClear
                style={{ width: 180 }}
                placeholder={t(c.op === 'within_days' ? 'builder.condition.window' : 'builder.condition.plusDays')}
                data-testid={`condition-days-${i}`}
                value={c.days}
                onChange={(days?: string) => update(i, { days })}
                options={params.map((p) => ({ ...p, label: `+ ${p.label} ${t('builder.unit.days')}` }))}
              />
            </>
          )}
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('builder.remove')}
            onClick={() => onChange(draft.conditions.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        style={{ alignSelf: 'start' }}
        data-testid="add-condition"
        onClick={() => onChange([...draft.conditions, { left: '', op: '>', right: { kind: 'field', field: '' } }])}
      >
        {t('builder.addCondition')}
      </Button>
    </Flex>
  );
}
