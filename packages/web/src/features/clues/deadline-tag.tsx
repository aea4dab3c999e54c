import { Tag } from 'antd';
import type { ClueDeadline } from '../../api/clues';
import { useI18n } from '../../i18n';

const COLOURS: Record<ClueDeadline['status'], string> = {
  running: 'default',
  reminding: 'gold',
  due_today: 'orange',
  overdue: 'red',
};

/** A running deadline: what it is for, when it falls due, and whether it has passed. */
export function DeadlineTag({ deadline }: { deadline: ClueDeadline | null }) {
  const { t, lang } = useI18n();
  if (!deadline) return null;
  const when =
    deadline.daysLeft < 0
      ? t('clues.deadline.overdue', { days: -deadline.daysLeft })
      : t('clues.deadline.left', { days: deadline.daysLeft });
  return (
    <Tag color={COLOURS[deadline.status]} data-testid="deadline-tag">
      {deadline.label[lang]} · {deadline.dueOn} · {when}
    </Tag>
  );
}
