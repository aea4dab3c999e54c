/** What other modules and the app may use of the notifications module. */
export { registerInboxRoutes } from './inbox/inbox.routes.js';
export { DeadlineSweep, sweepDeadlines } from './deadline-sweep.js';
export { NotificationFeed } from './notification-feed.js';
export { type NotificationServices } from './notification-services.js';
export { registerNotificationRoutes } from './notifications.routes.js';
export { notifyCaseStepped } from './case-notify.js';
export { followNewWarnings, notifyClueAssigned, notifyClueStepped } from './notify.service.js';
