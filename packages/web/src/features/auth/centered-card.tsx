import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { LanguageSwitch } from '../../shared/language-switch';

/** The frame of the pages before the console: sign-in, forced password change, enrolment. */
export function CenteredCard({ title, children, width = 420 }: { title: string; children: ReactNode; width?: number }) {
  const t = useT();
  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Flex justify="space-between" align="center" style={{ padding: '12px 16px' }}>
        <Typography.Title level={3} style={{ margin: 0, color: '#b71c1c' }}>
          {t('app.name')}
          <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12, fontWeight: 'normal' }}>
            {t('app.subtitle')}
          </Typography.Text>
        </Typography.Title>
        <LanguageSwitch />
      </Flex>
      <Flex justify="center" align="flex-start" style={{ flex: 1, padding: '5vh 12px' }}>
        <Card title={title} style={{ width: '100%', maxWidth: width }}>
          {children}
        </Card>
      </Flex>
    </Flex>
  );
}
