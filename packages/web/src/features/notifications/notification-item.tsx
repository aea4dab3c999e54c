import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '@qingfeng/core';
import { Badge, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { AppNotification } from '../../api/notifications';
import { useI18n } from '../../i18n';
import { useDateTime } from '../datasets/localised';
import { notificationPath, useNotificationWords } from './notification-words';

const KIND_COLOURS: Record<NotificationKind, string> = {
  assigned: 'blue',
  approval_waiting: 'purple',
  deadline_close: 'gold',
  overdue: 'orange',
  red_warning: 'red',
};

/** One notification: its kind, heading and line in words, when, unread or not, linking to its matter. */
export function NotificationItem({ item, onOpen }: { item: AppNotification; onOpen: (item: AppNotification) => void }) {
  const { lang } = useI18n();
  const words = useNotificationWords();
  const formatTime = useDateTime();
  const { title, body } = words(item);
  return (
    <Link
      to={notificationPath(item)}
      onClick={() => onOpen(item)}
      data-testid="notification-item"
      style={{ display: 'block', minWidth: 0, color: 'inherit' }}
    >
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Flex align="center" gap={6} wrap>
          {item.readAt === null && <Badge status="processing" />}
          <Tag color={KIND_COLOURS[item.kind]} style={{ marginInlineEnd: 0 }}>
            {NOTIFICATION_KIND_LABELS[item.kind][lang]}
          </Tag>
          <Typography.Text strong={item.readAt === null} style={{ minWidth: 0 }} ellipsis>
            {title}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
          {body}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTime(item.createdAt)}
        </Typography.Text>
      </Flex>
    </Link>
  );
}
