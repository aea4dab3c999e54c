import type { NotificationKind, NotificationParams, NotificationSubject } from '@qingfeng/core';
import { api } from './client';
import type { ClueSummary } from './clues';
import type { Localised } from './datasets';

/** A notification as codes and values; core's describeNotification words it in the reader's language. */
export interface AppNotification {
  id: number;
  kind: NotificationKind;
  subjectType: NotificationSubject;
  subjectId: number;
  divisionCode: string;
  params: NotificationParams;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: AppNotification[];
  nextBefore: number | null;
  unreadCount: number;
}

/** The signed-in user's own live notifications (Server-Sent Events, event `notification`). */
export const NOTIFICATION_STREAM_URL = '/api/v1/notifications/stream';

export function listNotifications(query: { unread?: boolean; before?: number; limit: number }) {
  return api.get<NotificationPage>('/api/v1/notifications', {
    unread: query.unread ? 'true' : undefined,
    before: query.before,
    limit: query.limit,
  });
}

export function markNotificationsRead(ids: number[]) {
  return api.post<{ unreadCount: number }>('/api/v1/notifications/read', { ids });
}

export function markAllNotificationsRead() {
  return api.post<{ unreadCount: number }>('/api/v1/notifications/read-all');
}

/** One matter awaiting the reader: the clue, the steps they may take, whether it awaits their approval. */
export interface InboxItem {
  subjectType: 'clue';
  clue: ClueSummary;
  actions: { action: string; label: Localised }[];
  awaitingApproval: boolean;
}

export function getInbox() {
  return api.get<{ items: InboxItem[]; truncated: boolean }>('/api/v1/inbox');
}
