import { Flex } from 'antd';
import { useI18n } from '../../../i18n';
import { ConditionRow, type Option } from './condition-row';
import type { Draft, DraftCondition } from './draft';
import { type FieldChoice, fieldChoices } from './fields';
import { AddButton } from './add-button';

/** A new condition row: "<field> after <field>", to be filled in. */
export const newCondition = (): DraftCondition => ({ left: '', op: '>', right: { kind: 'field', field: '' } });

/** Field and parameter options for condition rows, labelled in the current language. */
export function useConditionOptions(draft: Draft) {
  const { lang } = useI18n();
  return {
    fieldOptions: (choices: FieldChoice[]): Option[] =>
      choices.map((c) => ({ value: c.ref, label: `${c.ref} ${c.field.label[lang]}` })),
    params: draft.params.filter((p) => p.key).map((p) => ({ value: p.key, label: `{${p.key}}` })),
  };
}

/** Conditions every hit meets: field against field, parameter or value, with an optional days window. */
export function ConditionsEditor({ draft, onChange }: { draft: Draft; onChange: (c: DraftCondition[]) => void }) {
  const { t } = useI18n();
  const { fieldOptions, params } = useConditionOptions(draft);
  const fields = fieldOptions(fieldChoices(draft));
  return (
    <Flex vertical gap={8}>
      {draft.conditions.map((c, i) => (
        <ConditionRow
          key={i}
          condition={c}
          fields={fields}
          params={params}
          testId={String(i)}
          onChange={(patch) => onChange(draft.conditions.map((x, j) => (j === i ? { ...x, ...patch } : x)))}
          onRemove={() => onChange(draft.conditions.filter((_, j) => j !== i))}
        />
      ))}
      <AddButton testId="add-condition" onClick={() => onChange([...draft.conditions, newCondition()])}>
        {t('builder.addCondition')}
      </AddButton>
    </Flex>
  );
}
