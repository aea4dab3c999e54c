import { Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import type { ModelDetail } from '../../api/models';
import { useT } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { useCan } from '../auth/use-me';
import { useModelActions } from './use-models';

/** The model's schedule ('@daily', '@monthly' or a 5-field cron), editable with model.manage. */
export function ModelSchedule({ model }: { model: ModelDetail }) {
  const t = useT();
  const can = useCan();
  const { ok, fail } = useNotify();
  const { schedule } = useModelActions(model.id);
  const [value, setValue] = useState(model.schedule ?? '');
  if (!can('model.manage')) return <span>{model.schedule ?? t('models.schedule.none')}</span>;
  const save = (next: string | null) =>
    schedule.mutate(next, { onSuccess: () => ok(t('common.saved')), onError: fail });
  return (
    <Flex gap={8} align="center" wrap>
      <Input
        style={{ width: 200 }}
        value={value}
        placeholder="@daily"
        data-testid="schedule-input"
        onChange={(e) => setValue(e.target.value)}
      />
      <Button loading={schedule.isPending} onClick={() => save(value.trim() || null)}>
        {t('common.save')}
      </Button>
      {model.schedule && <Button onClick={() => (setValue(''), save(null))}>{t('models.schedule.clear')}</Button>}
      <Typography.Text type="secondary">{t('models.schedule.hint')}</Typography.Text>
    </Flex>
  );
}
