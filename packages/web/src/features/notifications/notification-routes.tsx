import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/auth-gate';
import { InboxPage } from './inbox-page';
import { NotificationsPage } from './notifications-page';

/** The notifications page (everyone's) and the inbox of tasks (for those who read clues). */
export const NOTIFICATION_ROUTES: RouteObject[] = [
  { path: 'notifications', element: <NotificationsPage /> },
  {
    path: 'inbox',
    element: (
      <RequirePermission permission="clue.read">
        <InboxPage />
      </RequirePermission>
    ),
  },
];
