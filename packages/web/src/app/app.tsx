import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { I18nProvider, useI18n } from '../i18n';
import { createQueryClient } from './query-client';
import { router } from './router';

/** System fonts only (nothing downloaded), with the common Chinese faces of each platform. */
const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"WenQuanYi Micro Hei"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

function LocalisedApp() {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#b71c1c', fontFamily: FONT_FAMILY } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

/** The console: data cache, language, Ant Design locale and theme, routes. */
export function App() {
  const queryClient = useMemo(createQueryClient, []);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}
