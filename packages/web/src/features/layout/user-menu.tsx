import { DownOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Grid } from 'antd';
import { useNavigate } from 'react-router';
import { signOut } from '../../api/auth';
import { useI18n } from '../../i18n';
import { useNotify } from '../../shared/use-notify';
import { useSetMe, useSignedInUser } from '../auth/use-me';

/** The user's name and organisation, with account, sign out and sign out everywhere. */
export function UserMenu() {
  const me = useSignedInUser();
  const { t, roleLabel } = useI18n();
  const { modal } = App.useApp();
  const { fail } = useNotify();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();

  const leave = async (everywhere: boolean) => {
    try {
      await signOut(everywhere);
    } catch (error) {
      fail(error);
    }
    setMe(null);
    void navigate('/sign-in', { replace: true });
  };

  const items = [
    { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
    { type: 'divider' as const },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('nav.signOut') },
    { key: 'sign-out-everywhere', icon: <PoweroffOutlined />, label: t('nav.signOutEverywhere'), danger: true },
  ];

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'account') void navigate('/account');
          if (key === 'sign-out') void leave(false);
          if (key === 'sign-out-everywhere') {
            modal.confirm({ title: t('nav.signOutEverywhereConfirm'), onOk: () => leave(true) });
          }
        },
      }}
    >
      <Button type="text" data-testid="user-menu" title={me.displayName} style={{ minWidth: 0, maxWidth: '100%' }}>
        <UserOutlined />
        {/* A long name is cut short on a phone rather than push the header past the window. */}
        <span
          style={{
            display: 'inline-block',
            maxWidth: screens.sm ? 240 : 88,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
        >
          {me.displayName}
        </span>
        {screens.md && (
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>
            {me.orgName} · {roleLabel(me.role)}
          </span>
        )}
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
