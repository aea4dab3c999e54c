import type { AuthContext } from '../../http/auth-context.js';
import type { Platform } from '../../platform/platform.js';
import { presentNotification } from './notifications.presenter.js';
import { type NotificationScope, NotificationsRepository } from './notifications.repository.js';
import type { TNotificationQuery } from './notifications.schemas.js';
import { readableSubjects } from './staff.js';

/** What the reader may see of their notifications: inside their jurisdiction, about what they may read. */
export const scopeOf = (auth: AuthContext): NotificationScope => ({
  userId: auth.userId,
  prefix: auth.jurisdictionPrefix,
  subjects: readableSubjects(auth.permissions),
});

/** A page of the reader's notifications, newest first, by keyset, with their unread count. */
export async function listNotifications(platform: Platform, auth: AuthContext, query: TNotificationQuery) {
  const repository = new NotificationsRepository(platform.database.db);
  const scope = scopeOf(auth);
  const [rows, unreadCount] = await Promise.all([
    repository.findPage(scope, query.unread === 'true', query.limit, query.before),
    repository.countUnread(scope),
  ]);
  return {
    items: rows.map(presentNotification),
    nextBefore: rows.length === query.limit ? rows.at(-1)!.id : null,
    unreadCount,
  };
}

/** Marks the reader's own notifications among `ids` read (others' ids change nothing); answers the new count. */
export async function markRead(platform: Platform, auth: AuthContext, ids: readonly number[]) {
  const repository = new NotificationsRepository(platform.database.db);
  await repository.markRead(auth.userId, ids, platform.clock.now());
  return { unreadCount: await repository.countUnread(scopeOf(auth)) };
}

/** Marks every notification the reader can see read. */
export async function markAllRead(platform: Platform, auth: AuthContext) {
  const repository = new NotificationsRepository(platform.database.db);
  await repository.markAllRead(scopeOf(auth), platform.clock.now());
  return { unreadCount: 0 };
}
