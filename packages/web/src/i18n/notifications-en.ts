import type { notificationsZh } from './notifications-zh';

/** English for notifications and the inbox of tasks. */
export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
  'nav.inbox': 'My tasks',
  'nav.notifications': 'Notifications',
  'notifications.title': 'Notifications',
  'notifications.bell': 'Notifications ({count} unread)',
  'notifications.unreadOnly': 'Unread only',
  'notifications.unread': 'Unread',
  'notifications.markRead': 'Mark read',
  'notifications.markAllRead': 'Mark all read',
  'notifications.empty': 'No notifications',
  'notifications.viewAll': 'See all notifications',
  'notifications.more': 'Load more',
  'inbox.title': 'My tasks',
  'inbox.intro': 'The clues and cases awaiting a step of yours now, soonest due first.',
  'inbox.kind.clue': 'Clue',
  'inbox.kind.case': 'Case',
  'inbox.empty': 'Nothing awaits you now',
  'inbox.awaitingApproval': 'Awaiting your approval',
  'inbox.actions': 'Steps you can take',
  'inbox.deadline': 'Deadline',
  'inbox.noDeadline': 'No deadline',
  'inbox.truncated': 'Many tasks: only the {count} soonest due are listed',
  'inbox.summary': 'You have {count} task(s)',
  'inbox.open': 'Open my tasks',
};
