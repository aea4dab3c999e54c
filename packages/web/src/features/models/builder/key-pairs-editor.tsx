import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Select } from 'antd';
import { findDataset } from '@qingfeng/core';
import { useI18n } from '../../../i18n';
import type { KeyPair } from './draft';
import { type FieldChoice, JOIN_PRESETS, presetPair } from './fields';
import { AddButton } from './add-button';

interface Props {
  /** The dataset joined and its alias. */
  dataset: string;
  alias: string;
  pairs: KeyPair[];
  /** The fields it may be joined to (earlier sources). */
  earlier: FieldChoice[];
  onChange: (pairs: KeyPair[]) => void;
  /** Prefix of the test ids (`join-preset-<prefix>-subject`, `join-key-<prefix>-0`). */
  testId: string;
}

/** Join keys by name (subject, household, account…) or as pairs of equal fields. */
export function KeyPairsEditor({ dataset, alias, pairs, earlier, onChange, testId }: Props) {
  const { t, lang } = useI18n();
  const own = findDataset(dataset)?.fields ?? [];
  const set = (k: number, patch: Partial<KeyPair>) => onChange(pairs.map((p, j) => (j === k ? { ...p, ...patch } : p)));
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        {JOIN_PRESETS.map(({ key }) => {
          const pair = presetPair(dataset, earlier, key);
          return pair ? (
            <Button
              key={key}
              size="small"
              data-testid={`join-preset-${testId}-${key}`}
              onClick={() => onChange([...pairs, pair])}
            >
              {t(`builder.preset.${key}`)}
            </Button>
          ) : null;
        })}
      </Flex>
      {pairs.map((pair, k) => (
        <Flex key={k} gap={8} align="center" data-testid={`join-key-${testId}-${k}`}>
          <Select
            style={{ minWidth: 260 }}
            value={pair.left}
            onChange={(left: string) => set(k, { left })}
            options={earlier.map((c) => ({ value: c.ref, label: `${c.ref} ${c.field.label[lang]}` }))}
          />
          <span>=</span>
          <Select
            style={{ minWidth: 220 }}
            value={pair.right}
            onChange={(right: string) => set(k, { right })}
            options={own.map((f) => ({ value: f.key, label: `${alias}.${f.key} ${f.label[lang]}` }))}
          />
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('builder.remove')}
            onClick={() => onChange(pairs.filter((_, j) => j !== k))}
          />
        </Flex>
      ))}
      <AddButton
        small
        disabled={!dataset || earlier.length === 0}
        onClick={() => onChange([...pairs, { left: earlier[0]?.ref ?? '', right: own[0]?.key ?? '' }])}
      >
        {t('builder.addJoinKey')}
      </AddButton>
    </Flex>
  );
}
