import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Radio, Select, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useDatasets } from '../../datasets/use-datasets';
import { type Draft, type DraftSource, aliasOf } from './draft';
import { fieldChoices } from './fields';
import { KeyPairsEditor } from './key-pairs-editor';
import { AddButton } from './add-button';

interface Props {
  draft: Draft;
  onChange: (sources: DraftSource[]) => void;
}

/** The datasets the model reads, and how each joins the ones before it. */
export function SourcesEditor({ draft, onChange }: Props) {
  const { t, lang } = useI18n();
  const datasets = useDatasets();
  const update = (index: number, patch: Partial<DraftSource>) =>
    onChange(draft.sources.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  return (
    <Flex vertical gap={12}>
      {draft.sources.map((source, index) => {
        const alias = aliasOf(index);
        const earlier = fieldChoices(draft, index);
        return (
          <Card
            key={index}
            size="small"
            data-testid={`source-${index}`}
            title={
              <Flex gap={8} align="center">
                <Tag color="blue">{alias}</Tag>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('builder.dataset')}
                  style={{ minWidth: 320 }}
                  value={source.dataset || undefined}
                  data-testid={`source-dataset-${index}`}
                  onChange={(dataset: string) => update(index, { dataset, on: [] })}
                  options={(datasets.data ?? []).map((d) => ({
                    value: d.key,
                    label: `${d.name[lang]} (${d.key}) · ${d.rowCount.toLocaleString()}`,
                  }))}
                />
              </Flex>
            }
            extra={
              index > 0 && (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('builder.remove')}
                  onClick={() => onChange(draft.sources.filter((_, i) => i !== index))}
                />
              )
            }
          >
            {index === 0 ? (
              <Typography.Text type="secondary">{t('builder.rootHint')}</Typography.Text>
            ) : (
              <Flex vertical gap={8}>
                <Radio.Group
                  value={source.join}
                  onChange={(e) => update(index, { join: e.target.value as DraftSource['join'] })}
                  options={[
                    { value: 'inner', label: t('builder.join.inner') },
                    { value: 'left', label: t('builder.join.left') },
                  ]}
                />
                <KeyPairsEditor
                  dataset={source.dataset}
                  alias={alias}
                  pairs={source.on}
                  earlier={earlier}
                  onChange={(on) => update(index, { on })}
                  testId={String(index)}
                />
              </Flex>
            )}
          </Card>
        );
      })}
      <AddButton
        block
        testId="add-source"
        onClick={() => onChange([...draft.sources, { dataset: '', join: 'inner', on: [] }])}
      >
        {t('builder.addSource')}
      </AddButton>
    </Flex>
  );
}
