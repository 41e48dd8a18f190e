import './a11y.css';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { type Locale, LocaleProvider, useLocale } from '../i18n/i18n';

interface MountOptions {
  /** The bundle's theme tokens (the brand colour, its corners, its font size). */
  token: ThemeConfig['token'];
  /** Runs whenever the user's language is set or changes (e.g. to switch dayjs along). */
  onLocale?: (locale: Locale) => void;
  /** What the app shows inside the providers. */
  children: ReactNode;
}

/**
 * Greys dark enough for WCAG 2.1 AA (4.5:1 on white and on the portal's #f7f7f7): Ant Design's
 * defaults for hints, counts and placeholders (45 % and 25 % black) fall below it.
 */
export const ACCESSIBLE_TOKENS: ThemeConfig['token'] = {
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  // Links in a blue that reads at 4.5:1 (Ant Design's #1677ff gives 4.1:1).
  colorLink: '#0958d9',
  // Danger buttons and error texts in a red that reads at 5.6:1 (Ant Design's #ff4d4f gives 3.3:1).
  colorError: '#cf1322',
};

function Localized({ token, onLocale, children }: MountOptions) {
  const { locale } = useLocale();
  useEffect(() => {
    onLocale?.(locale);
  }, [locale, onLocale]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { ...ACCESSIBLE_TOKENS, ...token } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/**
 * Mounts a bundle (console or portal) on `#root`: strict mode, the user's language, Ant Design in
 * that language with the bundle's theme, and Ant Design's App context (messages, modals).
 */
export function mountApp(options: MountOptions) {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LocaleProvider>
        <Localized {...options} />
      </LocaleProvider>
    </StrictMode>,
  );
}
