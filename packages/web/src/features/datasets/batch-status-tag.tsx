import { Tag } from 'antd';
import type { BatchStatus } from '../../api/datasets';
import { useT } from '../../i18n';

const COLOURS: Record<BatchStatus, string> = {
  loading: 'processing',
  loaded: 'success',
  failed: 'error',
  rolled_back: 'default',
};

export function BatchStatusTag({ status }: { status: BatchStatus }) {
  const t = useT();
  return <Tag color={COLOURS[status]}>{t(`datasets.status.${status}`)}</Tag>;
}
