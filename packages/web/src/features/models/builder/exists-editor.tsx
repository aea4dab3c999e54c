import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Radio, Select, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useDatasets } from '../../datasets/use-datasets';
import { ConditionRow } from './condition-row';
import { newCondition, useConditionOptions } from './conditions-editor';
import { type Draft, type DraftExists, existsAliasOf, removeExists } from './draft';
import { checkFieldChoices, fieldChoices } from './fields';
import { KeyPairsEditor } from './key-pairs-editor';
import { AddButton } from './add-button';

/**
 * Checks against another dataset: the hit requires that a matching row exists (or that none
 * does: "no death on record before the payment"), matched by join keys and, optionally, a
 * date window or other conditions on its fields.
 */
export function ExistsEditor({ draft, onChange }: { draft: Draft; onChange: (exists: DraftExists[]) => void }) {
  const { t, lang } = useI18n();
  const datasets = useDatasets();
  const { fieldOptions, params } = useConditionOptions(draft);
  const sources = fieldChoices(draft);
  const update = (index: number, patch: Partial<DraftExists>) =>
    onChange(draft.exists.map((e, i) => (i === index ? { ...e, ...patch } : e)));

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('builder.exists.hint')}</Typography.Text>
      {draft.exists.map((check, index) => {
        const alias = existsAliasOf(index);
        const fields = fieldOptions([...checkFieldChoices(draft, index), ...sources]);
        return (
          <Card
            key={index}
            size="small"
            data-testid={`exists-${index}`}
            title={
              <Flex gap={8} align="center" wrap>
                <Tag color="purple">{alias}</Tag>
                <Radio.Group
                  value={check.negate}
                  data-testid={`exists-negate-${index}`}
                  onChange={(e) => update(index, { negate: e.target.value as boolean })}
                  options={[
                    { value: false, label: t('builder.exists.some') },
                    { value: true, label: t('builder.exists.none') },
                  ]}
                />
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('builder.dataset')}
                  style={{ minWidth: 280 }}
                  value={check.dataset || undefined}
                  data-testid={`exists-dataset-${index}`}
                  onChange={(dataset: string) => update(index, { dataset, on: [], conditions: [] })}
                  options={(datasets.data ?? []).map((d) => ({ value: d.key, label: `${d.name[lang]} (${d.key})` }))}
                />
              </Flex>
            }
            extra={
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('builder.remove')}
                onClick={() => onChange(removeExists(draft.exists, index))}
              />
            }
          >
            <Flex vertical gap={8}>
              <KeyPairsEditor
                dataset={check.dataset}
                alias={alias}
                pairs={check.on}
                earlier={sources}
                onChange={(on) => update(index, { on })}
                testId={alias}
              />
              {check.conditions.map((c, k) => (
                <ConditionRow
                  key={k}
                  condition={c}
                  fields={fields}
                  params={params}
                  testId={`${alias}-${k}`}
                  onChange={(patch) =>
                    update(index, { conditions: check.conditions.map((x, j) => (j === k ? { ...x, ...patch } : x)) })
                  }
                  onRemove={() => update(index, { conditions: check.conditions.filter((_, j) => j !== k) })}
                />
              ))}
              <AddButton
                small
                disabled={!check.dataset}
                testId={`exists-add-condition-${index}`}
                onClick={() => update(index, { conditions: [...check.conditions, newCondition()] })}
              >
                {t('builder.exists.addCondition')}
              </AddButton>
            </Flex>
          </Card>
        );
      })}
      <AddButton
        block
        testId="add-exists"
        onClick={() => onChange([...draft.exists, { negate: true, dataset: '', on: [], conditions: [] }])}
      >
        {t('builder.exists.add')}
      </AddButton>
    </Flex>
  );
}
