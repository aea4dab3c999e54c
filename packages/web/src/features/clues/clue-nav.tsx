import { FileSearchOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shared/nav-item';

/** Menu entry of the clue registry. */
export const CLUE_NAV_ITEMS: readonly NavItem[] = [
  { path: '/clues', label: 'nav.clues', icon: <FileSearchOutlined />, permission: 'clue.read', quickLink: true },
];
