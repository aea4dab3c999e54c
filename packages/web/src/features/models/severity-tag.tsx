import { Tag } from 'antd';
import type { Severity } from '../../api/models';
import { useT } from '../../i18n';

const COLOURS: Record<Severity, string> = { red: 'red', orange: 'orange', yellow: 'gold' };

/** 红色 / 橙色 / 黄色 as a coloured tag. */
export function SeverityTag({ severity }: { severity: Severity }) {
  const t = useT();
  return (
    <Tag color={COLOURS[severity]} data-testid={`severity-${severity}`}>
      {t(`models.severity.${severity}`)}
    </Tag>
  );
}
