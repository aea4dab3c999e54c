import { Tag } from 'antd';
import type { RetiredReason } from '../../api/warnings';
import { useT } from '../../i18n';

/** Marks a warning the data no longer supports: 已失效 / Retired, with why. */
export function RetiredTag({ reason }: { reason: RetiredReason | null }) {
  const t = useT();
  if (!reason) return null;
  return (
    <Tag color="default" data-testid="warning-retired">
      {t('warnings.retired')} · {t(`warnings.retiredReason.${reason}`)}
    </Tag>
  );
}
