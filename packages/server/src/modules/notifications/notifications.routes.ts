import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/access-control.js';
import type { NotificationServices } from './notification-services.js';
import { registerNotificationStream } from './notifications-stream.js';
import { ZMarkRead, ZNotificationPage, ZNotificationQuery, ZUnreadCount } from './notifications.schemas.js';
import { listNotifications, markAllRead, markRead } from './notifications.service.js';

/** The signed-in user's notifications: the list, marking read, and the live stream. */
export function registerNotificationRoutes(app: FastifyInstance, services: NotificationServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  api.get(
    '/api/v1/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Your notifications, newest first, by keyset (before = the last id seen), with the unread count',
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationPage },
      },
    },
    async (request) => listNotifications(services, requireAuth(request), request.query),
  );

  api.post(
    '/api/v1/notifications/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark some of your notifications read',
        body: ZMarkRead,
        response: { 200: ZUnreadCount },
      },
    },
    async (request) => markRead(services, requireAuth(request), request.body.ids),
  );

  api.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Mark all your notifications read', response: { 200: ZUnreadCount } },
    },
    async (request) => markAllRead(services, requireAuth(request)),
  );

  registerNotificationStream(app, services);
}
