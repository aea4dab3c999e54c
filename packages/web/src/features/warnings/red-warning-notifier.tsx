import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { WARNING_STREAM_URL, type WarningNotice } from '../../api/warnings';
import { useI18n } from '../../i18n';
import { useCan } from '../auth/use-me';
import { WARNINGS_KEY } from './use-warnings';

/**
 * Listens to the live feed of new red warnings (Server-Sent Events) while the user holds
 * warning.read, and shows a notification for each with a link to it. The browser
 * reconnects by itself after a dropped connection (the server asks for 5 s).
 */
export function RedWarningNotifier() {
  const can = useCan();
  const { notification } = App.useApp();
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const allowed = can('warning.read');
  // The latest language and translations, without reconnecting when they change.
  const text = useRef({ t, lang });
  text.current = { t, lang };
  const navigate = useRef(useNavigate());

  useEffect(() => {
    if (!allowed || typeof EventSource === 'undefined') return;
    const source = new EventSource(WARNING_STREAM_URL);
    source.addEventListener('warning', (event: MessageEvent<string>) => {
      const notice = JSON.parse(event.data) as WarningNotice;
      const { t: tr, lang: current } = text.current;
      notification.error({
        key: `red-warning-${notice.id}`,
        title: tr('warnings.live.title', { model: notice.modelId }),
        description: (
          <>
            <div>{current === 'zh' ? notice.explanationZh : notice.explanationEn}</div>
            {/* The notification renders outside the router, so the link navigates through the hook. */}
            <a
              href={`/warnings/${notice.id}`}
              data-testid="live-warning-link"
              onClick={(e) => (e.preventDefault(), void navigate.current(`/warnings/${notice.id}`))}
            >
              {tr('warnings.live.open')}
            </a>
          </>
        ),
        placement: 'topRight',
        duration: 10,
      });
      void client.invalidateQueries({ queryKey: WARNINGS_KEY });
    });
    return () => source.close();
  }, [allowed, notification, client]);

  return null;
}
