import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, Grid, List, Popover } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AppNotification } from '../../api/notifications';
import { useI18n } from '../../i18n';
import { NotificationItem } from './notification-item';
import { useMarkRead, useNotifications } from './use-notifications';

/**
 * The header's bell: the unread count, and the latest notifications in a panel beneath it
 * (a drawer on a phone, where a panel hung from the bell would run off the window);
 * opening one marks it read and goes to its matter.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const narrow = !(Grid.useBreakpoint().sm ?? false);
  const latest = useNotifications({ limit: 8 });
  const markRead = useMarkRead();
  const unread = latest.data?.unreadCount ?? 0;
  const items = latest.data?.items ?? [];
  const onOpen = (item: AppNotification) => {
    setOpen(false);
    if (item.readAt === null) markRead.mutate([item.id]);
  };

  const panel = (
    <Flex
      vertical
      gap={8}
      style={{ width: narrow ? '100%' : 'min(360px, calc(100vw - 32px))' }}
      data-testid="notification-panel"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          style={{ maxHeight: 'min(420px, 60vh)', overflowY: 'auto' }}
          renderItem={(item) => (
            <List.Item style={{ paddingInline: 0 }}>
              <NotificationItem item={item} onOpen={onOpen} />
            </List.Item>
          )}
        />
      )}
      <Flex justify="space-between" gap={8} wrap>
        <Button size="small" disabled={unread === 0} onClick={() => markRead.mutate('all')}>
          {t('notifications.markAllRead')}
        </Button>
        <Link to="/notifications" onClick={() => setOpen(false)}>
          {t('notifications.viewAll')}
        </Link>
      </Flex>
    </Flex>
  );

  const bell = (
    <Button
      type="text"
      aria-label={t('notifications.bell', { count: unread })}
      data-testid="notification-bell"
      onClick={narrow ? () => setOpen(true) : undefined}
      icon={
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );
  if (narrow) {
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          title={t('notifications.title')}
          placement="right"
          size={340}
        >
          {panel}
        </Drawer>
      </>
    );
  }
  return (
    <Popover content={panel} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight" arrow={false}>
      {bell}
    </Popover>
  );
}
