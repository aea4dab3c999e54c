import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Radio, Select } from 'antd';
import { useState } from 'react';
import { type RunKind, startRun } from '../../api/model-runs';
import { useI18n } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { RUNS_KEY, useModels } from './use-models';

/** Starts a run: chosen models or every enabled one, in full or for new batches only. */
export function StartRunForm({ initialModels = [] }: { initialModels?: string[] }) {
  const { t, lang } = useI18n();
  const { ok, fail } = useNotify();
  const client = useQueryClient();
  const models = useModels();
  const [chosen, setChosen] = useState<string[]>(initialModels);
  const [all, setAll] = useState(false);
  const [kind, setKind] = useState<RunKind>('full');
  const start = useMutation({
    mutationFn: () => startRun(all ? { all: true, kind } : { models: chosen, kind }),
    onSuccess: (run) => {
      ok(t('runs.started', { id: run.id }));
      void client.invalidateQueries({ queryKey: RUNS_KEY });
    },
    onError: fail,
  });

  return (
    <Flex gap={12} wrap align="center" data-testid="start-run">
      <Select
        mode="multiple"
        allowClear
        disabled={all}
        placeholder={t('runs.chooseModels')}
        style={{ minWidth: 'min(360px, 100%)', flex: 1 }}
        value={chosen}
        onChange={setChosen}
        data-testid="run-models"
        optionFilterProp="label"
        options={(models.data ?? []).map((m) => ({
          value: m.id,
          label: `${m.id} ${m.name[lang]}`,
          disabled: !m.enabled,
        }))}
      />
      <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
        {t('runs.all')}
      </Checkbox>
      <Radio.Group
        value={kind}
        onChange={(e) => setKind(e.target.value as RunKind)}
        optionType="button"
        options={[
          { value: 'full', label: t('runs.kind.full') },
          { value: 'incremental', label: t('runs.kind.incremental') },
        ]}
      />
      <Button
        type="primary"
        disabled={!all && chosen.length === 0}
        loading={start.isPending}
        onClick={() => start.mutate()}
        data-testid="run-start"
      >
        {t('runs.start')}
      </Button>
    </Flex>
  );
}
