import { Empty, Timeline } from 'antd';
import type { WarningDetail, WarningStatus } from '../../api/warnings';
import { WARNING_STATUSES } from '../../api/warnings';
import { useT } from '../../i18n';
import { useDateTime } from '../datasets/localised';

/** Every status change of the warning: from, to, who, when and why. */
export function WarningEvents({ events }: { events: WarningDetail['events'] }) {
  const t = useT();
  const formatTime = useDateTime();
  const label = (s: string) =>
    (WARNING_STATUSES as readonly string[]).includes(s) ? t(`warnings.status.${s as WarningStatus}`) : s;
  if (events.length === 0) return <Empty description={t('warnings.noEvents')} />;
  return (
    <Timeline
      data-testid="warning-events"
      items={events.map((e) => ({
        content: (
          <>
            <div>
              {label(e.from)} → {label(e.to)} · {e.by ?? '—'} · {formatTime(e.at)}
            </div>
            {e.reason && <div style={{ color: '#666' }}>{e.reason}</div>}
          </>
        ),
      }))}
    />
  );
}
