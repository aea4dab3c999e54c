import { AuditOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shared/nav-item';

/** Menu entry of the case registry. */
export const CASE_NAV_ITEMS: readonly NavItem[] = [
  { path: '/cases', label: 'nav.cases', icon: <AuditOutlined />, permission: 'case.read' },
];
