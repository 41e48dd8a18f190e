import '../shared/a11y.css';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLocale } from '../i18n/i18n';
import { ACCESSIBLE_TOKENS } from '../shared/mount-app';

/** The portal's theme: its red, rounder corners and a larger type for phones. */
const TOKENS = { ...ACCESSIBLE_TOKENS, colorPrimary: '#c0392b', borderRadius: 8, fontSize: 15 };

/**
 * Ant Design for the portal's pages past the first: loaded with the first of them, so the home
 * page a QR code or an SMS opens needs none of it (issue 17: ≤ 150 KB of JavaScript on a phone).
 */
export default function AntdFrame({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: TOKENS }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
