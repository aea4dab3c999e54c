import { AlertOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shared/nav-item';

/** Menu entry of the warning pages. */
export const WARNING_NAV_ITEMS: readonly NavItem[] = [
  { path: '/warnings', label: 'nav.warnings', icon: <AlertOutlined />, permission: 'warning.read', quickLink: true },
];
