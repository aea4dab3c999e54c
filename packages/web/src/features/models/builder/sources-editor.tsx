import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Radio, Select, Tag, Typography } from 'antd';
import { findDataset } from '@qingfeng/core';
import { useI18n } from '../../../i18n';
import { useDatasets } from '../../datasets/use-datasets';
import { type Draft, type DraftSource, aliasOf } from './draft';
import { JOIN_PRESETS, fieldChoices, presetPair } from './fields';

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
  const fieldLabel = (dataset: string, key: string) =>
    findDataset(dataset)?.fields.find((f) => f.key === key)?.label[lang] ?? key;

  return (
    <Flex vertical gap={12}>
      {draft.sources.map((source, index) => {
        const alias = aliasOf(index);
        const earlier = fieldChoices(draft, index);
        const own = findDataset(source.dataset)?.fields ?? [];
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
                <Flex gap={8} align="center" wrap>
                  <Radio.Group
                    value={source.join}
                    onChange={(e) => update(index, { join: e.target.value as DraftSource['join'] })}
                    options={[
                      { value: 'inner', label: t('builder.join.inner') },
                      { value: 'left', label: t('builder.join.left') },
                    ]}
                  />
                  {JOIN_PRESETS.map(({ key }) => {
                    const pair = presetPair(draft, index, key);
                    return pair ? (
                      <Button
                        key={key}
                        size="small"
                        data-testid={`join-preset-${index}-${key}`}
                        onClick={() => update(index, { on: [...source.on, pair] })}
                      >
                        {t(`builder.preset.${key}`)}
                      </Button>
                    ) : null;
                  })}
                </Flex>
                {source.on.map((pair, k) => (
                  <Flex key={k} gap={8} align="center" data-testid={`join-key-${index}-${k}`}>
                    <Select
                      style={{ minWidth: 260 }}
                      value={pair.left}
                      onChange={(left: string) =>
                        update(index, { on: source.on.map((p, j) => (j === k ? { ...p, left } : p)) })
                      }
                      options={earlier.map((c) => ({ value: c.ref, label: `${c.ref} ${c.field.label[lang]}` }))}
                    />
                    <span>=</span>
                    <Select
                      style={{ minWidth: 220 }}
                      value={pair.right}
                      onChange={(right: string) =>
                        update(index, { on: source.on.map((p, j) => (j === k ? { ...p, right } : p)) })
                      }
                      options={own.map((f) => ({
                        value: f.key,
                        label: `${alias}.${f.key} ${fieldLabel(source.dataset, f.key)}`,
                      }))}
                    />
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('builder.remove')}
                      onClick={() => update(index, { on: source.on.filter((_, j) => j !== k) })}
                    />
                  </Flex>
                ))}
                <Button
                  size="small"
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={!source.dataset || earlier.length === 0}
                  style={{ alignSelf: 'start' }}
                  onClick={() =>
                    update(index, { on: [...source.on, { left: earlier[0]?.ref ?? '', right: own[0]?.key ?? '' }] })
                  }
                >
                  {t('builder.addJoinKey')}
                </Button>
              </Flex>
            )}
          </Card>
        );
      })}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        data-testid="add-source"
        onClick={() => onChange([...draft.sources, { dataset: '', join: 'inner', on: [] }])}
      >
        {t('builder.addSource')}
      </Button>
    </Flex>
  );
}
