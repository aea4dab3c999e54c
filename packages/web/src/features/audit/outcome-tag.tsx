import { Tag } from 'antd';
import type { AuditOutcome } from '../../api/audit';
import { useT } from '../../i18n';

const COLOURS: Record<AuditOutcome, string> = { allowed: 'green', denied: 'red', failed: 'orange' };

export function OutcomeTag({ outcome }: { outcome: AuditOutcome }) {
  const t = useT();
  return <Tag color={COLOURS[outcome]}>{t(`audit.outcome.${outcome}`)}</Tag>;
}
