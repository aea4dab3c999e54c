import { describeNotification } from '@qingfeng/core';
import type { AppNotification } from '../../api/notifications';
import { useI18n } from '../../i18n';

/** Where a notification leads: the clue, case or warning it is about. */
export function notificationPath(n: Pick<AppNotification, 'subjectType' | 'subjectId'>): string {
  const base = { clue: '/clues', case: '/cases', warning: '/warnings' }[n.subjectType];
  return `${base}/${n.subjectId}`;
}

/** A notification's heading and line in the reader's language, worded by core from its codes. */
export function useNotificationWords(): (n: AppNotification) => { title: string; body: string } {
  const { lang } = useI18n();
  return (n) => {
    const { title, body } = describeNotification(n.kind, n.subjectType, n.params);
    return { title: title[lang], body: body[lang] };
  };
}
