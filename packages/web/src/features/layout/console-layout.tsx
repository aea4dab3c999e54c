import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Typography, theme } from 'antd';
import { useState } from 'react';
import { Outlet } from 'react-router';
import { PageWatermark } from './page-watermark';
import { useT } from '../../i18n';
import { NotificationBell } from '../notifications/notification-bell';
import { NotificationListener } from '../notifications/notification-listener';
import { LanguageSwitch } from '../../shared/language-switch';
import { SideMenu } from './side-menu';
import { UserMenu } from './user-menu';

const { Header, Sider, Content } = Layout;

function Brand({ compact }: { compact?: boolean }) {
  const t = useT();
  return (
    <Flex align="center" gap={8} style={{ height: 64, paddingInline: compact ? 0 : 20 }}>
      <Typography.Title level={4} style={{ margin: 0, color: '#b71c1c', whiteSpace: 'nowrap' }}>
        {t('app.name')}
      </Typography.Title>
    </Flex>
  );
}

/**
 * The signed-in frame: a side menu on wide screens, a drawer menu behind a button on
 * phones and narrow windows (below antd's `lg` breakpoint).
 */
export function ConsoleLayout() {
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const t = useT();
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide && (
        <Sider width={220} theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
          <Brand />
          <SideMenu />
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            paddingInline: wide ? 24 : 12,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={8}>
            {wide ? (
              <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
            ) : (
              <Flex align="center" gap={4}>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('common.menu')}
                  data-testid="menu-button"
                  onClick={() => setDrawerOpen(true)}
                />
                <Brand compact />
              </Flex>
            )}
            <Flex align="center" gap={4} style={{ minWidth: 0 }}>
              <NotificationBell />
              <LanguageSwitch compact={!screens.sm} />
              <UserMenu />
            </Flex>
          </Flex>
        </Header>
        <Content style={{ padding: wide ? 24 : 12 }}>
          <PageWatermark>
            <Outlet />
          </PageWatermark>
          <NotificationListener />
        </Content>
      </Layout>
      {!wide && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={t('app.name')}
          styles={{ body: { padding: 0 } }}
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
