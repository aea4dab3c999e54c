import type { NotificationKind, NotificationParams, NotificationSubject } from '@qingfeng/core';
import { api } from './client';
import type { ClueDeadline, ClueSummary } from './clues';
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

/** What the inbox shows of a case (the cases' own list gives more). */
export interface InboxCase {
  id: number;
  caseNumber: string | null;
  title: string;
  stateLabel: Localised;
  deadline: ClueDeadline | null;
}

interface Duty {
  actions: { action: string; label: Localised }[];
  awaitingApproval: boolean;
}

/** One matter awaiting the reader: the clue or case, the steps they may take, whether it awaits their approval. */
export type InboxItem = ({ subjectType: 'clue'; clue: ClueSummary } | { subjectType: 'case'; case: InboxCase }) & Duty;

export function getInbox() {
  return api.get<{ items: InboxItem[]; truncated: boolean }>('/api/v1/inbox');
}
