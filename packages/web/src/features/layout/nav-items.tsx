import {
  ApartmentOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { NavItem } from '../../shared/nav-item';
import { DATASET_NAV_ITEMS } from '../datasets/dataset-nav';
import { MODEL_NAV_ITEMS } from '../models/model-nav';
import { WARNING_NAV_ITEMS } from '../warnings/warning-nav';
import { CASE_NAV_ITEMS } from '../cases/case-nav';
import { CLUE_NAV_ITEMS } from '../clues/clue-nav';

/**
 * The console's pages, in menu order. The side menu and the home page's quick links both
 * read this list; each feature declares its own entries and only this file composes them.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  ...DATASET_NAV_ITEMS,
  ...WARNING_NAV_ITEMS,
  ...CLUE_NAV_ITEMS,
  ...CASE_NAV_ITEMS,
  ...MODEL_NAV_ITEMS,
  {
    path: '/organisations',
    label: 'nav.organisations',
    icon: <ApartmentOutlined />,
    permission: 'org.read',
    quickLink: true,
  },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read', quickLink: true },
  { path: '/roles', label: 'nav.roles', icon: <UserSwitchOutlined />, permission: 'role.read', quickLink: true },
  {
    path: '/security-policies',
    label: 'nav.policies',
    icon: <SafetyCertificateOutlined />,
    permission: 'policy.manage',
    quickLink: true,
  },
  // Everyone may ask for a sensitive query and follow their requests; approvers decide there too.
  { path: '/approvals', label: 'nav.approvals', icon: <CheckSquareOutlined /> },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read', quickLink: true },
  { path: '/account', label: 'nav.account', icon: <UserOutlined /> },
];

/** The items a user with these permissions may see. */
export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.includes(item.permission));
}
