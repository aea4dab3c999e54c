import { Timeline, Typography } from 'antd';
import type { ProcedureStep } from '../../api/clues';
import { useI18n } from '../../i18n';
import { useDateTime } from '../datasets/localised';

/** Every step of a clue or a case: what was done, by whom, when, from which state to which, why, with what. */
export function ProcedureTimeline({ steps, testId }: { steps: ProcedureStep[]; testId: string }) {
  const { t, lang } = useI18n();
  const formatTime = useDateTime();
  const colon = lang === 'zh' ? '：' : ': ';
  return (
    <Timeline
      data-testid={testId}
      items={steps.map((s) => ({
        color: s.from === s.to ? 'gray' : 'blue',
        content: (
          <div data-testid="timeline-entry" style={{ overflowWrap: 'anywhere' }}>
            <div>
              <Typography.Text strong>{s.actionLabel[lang]}</Typography.Text> · {s.actorName} · {formatTime(s.at)}
            </div>
            {s.from !== s.to && (
              <div>
                {s.fromLabel[lang]} → {s.toLabel[lang]}
              </div>
            )}
            {s.details.map((d) => (
              <div key={d.label.en}>
                {d.label[lang]}
                {colon}
                {d.value[lang]}
              </div>
            ))}
            {s.reason && (
              <div style={{ color: '#666' }}>
                {t('clues.step.reason')}
                {colon}
                {s.reason}
              </div>
            )}
            {s.attachments.map((a) => (
              <div key={a.hash + a.name} style={{ color: '#666' }}>
                {a.name} · {a.hash}
              </div>
            ))}
            {s.deadline && (
              <div style={{ color: '#666' }}>
                {t('clues.deadline.started', { step: s.deadline.label[lang], due: s.deadline.dueOn })}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
