import { CASE_STATE_LABELS } from '../procedure/case-labels.js';
import { CLUE_STATE_LABELS } from '../procedure/clue-labels.js';
import type { CaseState } from '../procedure/case-types.js';
import type { ClueState } from '../procedure/clue-types.js';
import { DEADLINE_STEP_LABELS } from '../procedure/deadline-labels.js';
import type { DeadlineStep } from '../procedure/deadlines.js';
import type { LocalisedText } from '../standard/result.js';

/** What a notification tells its reader. */
export const NOTIFICATION_KINDS = ['assigned', 'approval_waiting', 'deadline_close', 'overdue', 'red_warning'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, LocalisedText> = {
  assigned: { zh: '新分派', en: 'New assignment' },
  approval_waiting: { zh: '待审批', en: 'Awaiting approval' },
  deadline_close: { zh: '期限临近', en: 'Deadline close' },
  overdue: { zh: '已超期', en: 'Overdue' },
  red_warning: { zh: '红色预警', en: 'Red warning' },
};

/** What a notification is about. */
export type NotificationSubject = 'clue' | 'case' | 'warning';

/**
 * The values a notification keeps instead of words: the matter's own title (a person wrote
 * it, in one language), its number, and the codes of its state or deadline.
 */
export interface NotificationParams {
  readonly title?: string;
  readonly number?: string | null;
  readonly state?: string;
  readonly step?: string;
  readonly dueOn?: string;
  readonly daysLeft?: number;
  readonly modelId?: string;
  readonly explanation?: LocalisedText;
}

const SUBJECT_WORDS: Record<NotificationSubject, LocalisedText> = {
  clue: { zh: '线索', en: 'Clue' },
  case: { zh: '案件', en: 'Case' },
  warning: { zh: '预警', en: 'Warning' },
};

const stepWords = (step: string | undefined): LocalisedText =>
  DEADLINE_STEP_LABELS[step as DeadlineStep] ?? { zh: step ?? '', en: step ?? '' };

const stateWords = (subject: NotificationSubject, state: string | undefined): LocalisedText =>
  (subject === 'case' ? CASE_STATE_LABELS[state as CaseState] : CLUE_STATE_LABELS[state as ClueState]) ?? {
    zh: state ?? '',
    en: state ?? '',
  };

/**
 * A notification in both languages, from its kind and values: the heading and one line.
 * Words are made where they are read, so a reader switching language sees every stored
 * notice in the new one.
 */
export function describeNotification(
  kind: NotificationKind,
  subject: NotificationSubject,
  params: NotificationParams,
): { title: LocalisedText; body: LocalisedText } {
  const what = SUBJECT_WORDS[subject];
  const name = params.number ? `${params.number} ${params.title ?? ''}`.trim() : (params.title ?? '');
  switch (kind) {
    case 'assigned':
      return {
        title: { zh: `${what.zh}已分派给您`, en: `${what.en} assigned to you` },
        body: { zh: name, en: name },
      };
    case 'approval_waiting': {
      const state = stateWords(subject, params.state);
      return {
        title: { zh: `${what.zh}待您审批`, en: `${what.en} awaits your approval` },
        body: { zh: `${name}（${state.zh}）`, en: `${name} (${state.en})` },
      };
    }
    case 'deadline_close': {
      const step = stepWords(params.step);
      const days = params.daysLeft ?? 0;
      return {
        title: { zh: `期限临近：${step.zh}`, en: `Deadline close: ${step.en}` },
        body: {
          zh: `${name}，${params.dueOn ?? ''}到期（剩${days}天）`,
          en: `${name}, due ${params.dueOn ?? ''} (${days} ${days === 1 ? 'day' : 'days'} left)`,
        },
      };
    }
    case 'overdue': {
      const step = stepWords(params.step);
      return {
        title: { zh: `已超期：${step.zh}`, en: `Overdue: ${step.en}` },
        body: { zh: `${name}，${params.dueOn ?? ''}已到期`, en: `${name}, was due ${params.dueOn ?? ''}` },
      };
    }
    case 'red_warning':
      return {
        title: { zh: `新的红色预警（${params.modelId ?? ''}）`, en: `New red warning (${params.modelId ?? ''})` },
        body: params.explanation ?? { zh: '', en: '' },
      };
  }
}
