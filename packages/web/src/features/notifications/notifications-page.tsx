import { Button, Card, Checkbox, Flex, List, Space } from 'antd';
import { useState } from 'react';
import type { AppNotification } from '../../api/notifications';
import { useI18n } from '../../i18n';
import { NotificationItem } from './notification-item';
import { useMarkRead, useNotifications } from './use-notifications';

const PAGE = 20;

/** All of the user's notifications, newest first, a page at a time (keyset), unread only on request. */
export function NotificationsPage() {
  const { t } = useI18n();
  const [unread, setUnread] = useState(false);
  const [before, setBefore] = useState<number | undefined>();
  // The ids the pages began at, so "previous" walks back the way "next" came.
  const [trail, setTrail] = useState<(number | undefined)[]>([]);
  const page = useNotifications({ unread, before, limit: PAGE });
  const markRead = useMarkRead();
  const onOpen = (item: AppNotification) => {
    if (item.readAt === null) markRead.mutate([item.id]);
  };

  return (
    <Card
      title={t('notifications.title')}
      extra={
        <Button
          size="small"
          disabled={(page.data?.unreadCount ?? 0) === 0}
          onClick={() => markRead.mutate('all')}
          data-testid="mark-all-read"
        >
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Checkbox checked={unread} onChange={(e) => (setUnread(e.target.checked), setBefore(undefined), setTrail([]))}>
          {t('notifications.unreadOnly')}
        </Checkbox>
        <List
          loading={page.isLoading}
          dataSource={page.data?.items ?? []}
          locale={{ emptyText: t('notifications.empty') }}
          renderItem={(item) => (
            <List.Item>
              <NotificationItem item={item} onOpen={onOpen} />
            </List.Item>
          )}
        />
        <Flex justify="flex-end" gap={8}>
          <Button disabled={trail.length === 0} onClick={() => (setBefore(trail.at(-1)), setTrail(trail.slice(0, -1)))}>
            {t('clues.previous')}
          </Button>
          <Button
            disabled={!page.data?.nextBefore}
            onClick={() => (setTrail([...trail, before]), setBefore(page.data?.nextBefore ?? undefined))}
          >
            {t('clues.next')}
          </Button>
        </Flex>
      </Space>
    </Card>
  );
}
