import { BellOutlined, CarryOutOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shared/nav-item';

/** Menu entries: the inbox of tasks, first of the casework pages, and every notification. */
export const INBOX_NAV_ITEMS: readonly NavItem[] = [
  { path: '/inbox', label: 'nav.inbox', icon: <CarryOutOutlined />, permission: 'clue.read', quickLink: true },
];

export const NOTIFICATION_NAV_ITEMS: readonly NavItem[] = [
  { path: '/notifications', label: 'nav.notifications', icon: <BellOutlined /> },
];
