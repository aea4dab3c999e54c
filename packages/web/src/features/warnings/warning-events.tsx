import { Empty, Timeline } from 'antd';
import type { RetiredReason, WarningDetail, WarningEvent, WarningStatus } from '../../api/warnings';
import { WARNING_STATUSES } from '../../api/warnings';
import { type Translate, useT } from '../../i18n';
import { useDateTime } from '../datasets/localised';

function statusLabel(t: Translate, s: string): string {
  return (WARNING_STATUSES as readonly string[]).includes(s) ? t(`warnings.status.${s as WarningStatus}`) : s;
}

/** What happened: a handler's from → to, or the platform's retirement, restoration or miss. */
function describe(t: Translate, e: WarningEvent): string {
  switch (e.kind) {
    case 'status':
      return `${statusLabel(t, e.from)} → ${statusLabel(t, e.to)}`;
    case 'retired':
      return t('warnings.event.retired', { reason: t(`warnings.retiredReason.${e.reason as RetiredReason}`) });
    case 'restored':
      return t('warnings.event.restored');
    case 'not_found':
      return t('warnings.event.not_found');
    case 'evidence_added':
      return t('warnings.event.evidence_added');
  }
}

/** The run or batch behind a platform event. */
function cause(t: Translate, e: WarningEvent): string | null {
  if (e.batchId !== null) return t('warnings.event.batch', { batch: e.batchId });
  if (e.runId !== null) return t('warnings.event.run', { run: e.runId });
  return null;
}

/** The warning's history: every status change (who, when, why) and what the data did to it. */
export function WarningEvents({ events }: { events: WarningDetail['events'] }) {
  const t = useT();
  const formatTime = useDateTime();
  if (events.length === 0) return <Empty description={t('warnings.noEvents')} />;
  return (
    <Timeline
      data-testid="warning-events"
      items={events.map((e) => ({
        color: e.kind === 'status' ? 'blue' : 'gray',
        content: (
          <>
            <div>
              {[describe(t, e), cause(t, e), e.by ?? '—', formatTime(e.at)].filter((part) => part !== null).join(' · ')}
            </div>
            {e.kind === 'status' && e.reason && <div style={{ color: '#666' }}>{e.reason}</div>}
          </>
        ),
      }))}
    />
  );
}
