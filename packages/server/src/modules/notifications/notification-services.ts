import type { RoleServices } from '../roles/index.js';
import type { NotificationFeed } from './notification-feed.js';

/** What the notifications module needs: the platform with role permissions, and the live feed. */
export interface NotificationServices extends RoleServices {
  readonly notificationFeed: NotificationFeed;
}
