import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { NOTIFICATION_STREAM_URL, type AppNotification } from '../../api/notifications';
import { useI18n } from '../../i18n';
import { CLUES_KEY } from '../clues/use-clues';
import { WARNINGS_KEY } from '../warnings/use-warnings';
import { notificationPath, useNotificationWords } from './notification-words';
import { INBOX_KEY, NOTIFICATIONS_KEY } from './use-notifications';

/**
 * The user's one live connection (Server-Sent Events): each new notification refreshes
 * the bell, the lists and the inbox; a red warning also pops up with a link to it, as it
 * always has. The browser reconnects by itself after a dropped connection (the server asks for 5 s).
 */
export function NotificationListener() {
  const { notification } = App.useApp();
  const { t } = useI18n();
  const words = useNotificationWords();
  const client = useQueryClient();
  // The latest wording, without reconnecting when the language changes.
  const text = useRef({ t, words });
  text.current = { t, words };
  const navigate = useRef(useNavigate());

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(NOTIFICATION_STREAM_URL);
    source.addEventListener('notification', (event: MessageEvent<string>) => {
      const notice = JSON.parse(event.data) as AppNotification;
      void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
      void client.invalidateQueries({ queryKey: INBOX_KEY });
      if (notice.subjectType === 'clue') void client.invalidateQueries({ queryKey: CLUES_KEY });
      if (notice.kind !== 'red_warning') return;
      void client.invalidateQueries({ queryKey: WARNINGS_KEY });
      const { t: tr, words: word } = text.current;
      const { title, body } = word(notice);
      const path = notificationPath(notice);
      notification.error({
        key: `red-warning-${notice.subjectId}`,
        title,
        description: (
          <>
            <div>{body}</div>
            {/* The notification renders outside the router, so the link navigates through the hook. */}
            <a
              href={path}
              data-testid="live-warning-link"
              onClick={(e) => (e.preventDefault(), void navigate.current(path))}
            >
              {tr('warnings.live.open')}
            </a>
          </>
        ),
        placement: 'topRight',
        duration: 10,
      });
    });
    return () => source.close();
  }, [notification, client]);

  return null;
}
