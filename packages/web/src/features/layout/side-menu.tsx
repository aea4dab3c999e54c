import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { useSignedInUser } from '../auth/use-me';
import { visibleNavItems } from './nav-items';

/** The console menu: only the pages the user's permissions allow. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useSignedInUser();
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = visibleNavItems(me.permissions);
  const selected = items
    .filter((item) => (item.path === '/' ? pathname === '/' : pathname.startsWith(item.path)))
    .map((item) => item.path);
  return (
    <Menu
      mode="inline"
      selectedKeys={selected}
      data-testid="side-menu"
      items={items.map((item) => ({ key: item.path, icon: item.icon, label: t(item.label) }))}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
