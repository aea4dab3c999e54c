import { Tag } from 'antd';
import type { WarningStatus } from '../../api/warnings';
import { useT } from '../../i18n';

const COLOURS: Record<WarningStatus, string> = {
  new: 'blue',
  under_review: 'processing',
  confirmed: 'red',
  false_positive: 'default',
  not_actionable: 'default',
};

export function WarningStatusTag({ status }: { status: WarningStatus }) {
  const t = useT();
  return (
    <Tag color={COLOURS[status]} data-testid="warning-status">
      {t(`warnings.status.${status}`)}
    </Tag>
  );
}
