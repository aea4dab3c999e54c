import type { NotificationSubject } from '@qingfeng/core';
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../../http/access-control.js';
import { openEventStream } from '../../http/event-stream.js';
import type { NotificationServices } from './notification-services.js';
import { presentNotification } from './notifications.presenter.js';
import { SUBJECT_PERMISSION } from './staff.js';

/**
 * `GET /api/v1/notifications/stream`: Server-Sent Events carrying each new notification of
 * the signed-in user (event `notification`, as the list answers it). Each is checked again
 * as it is sent: it lies in the user's jurisdiction, and their role still holds the
 * permission that reads its subject (a change of the role's permissions takes effect on
 * open streams too).
 */
export function registerNotificationStream(app: FastifyInstance, services: NotificationServices): void {
  app.get(
    '/api/v1/notifications/stream',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Live feed of your new notifications (text/event-stream)',
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const stream = openEventStream(request, reply);
      const unsubscribe = services.notificationFeed.subscribe(auth.userId, (row) => {
        void services.rolePermissions.getPermissions(auth.role).then((permissions) => {
          const needs = SUBJECT_PERMISSION[row.subject_type as NotificationSubject];
          if (!permissions.has(needs) || !row.division_code.startsWith(auth.jurisdictionPrefix)) return;
          stream.send('notification', row.id, presentNotification(row));
        });
      });
      stream.onClose(unsubscribe);
    },
  );
}
