import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { LocaleProvider, useLocale } from '../i18n/i18n';
import { PageLoading } from '../shared/PageState';
import { SessionProvider, useSession } from './shell/session';
import { SignInPage } from './shell/SignInPage';

// Everything behind sign-in loads only after it, so the sign-in page stays small.
const ConsoleApp = lazy(() => import('./shell/ConsoleApp'));

function Gate() {
  const { me, loading } = useSession();
  if (loading) return <PageLoading />;
  if (!me) return <SignInPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <ConsoleApp />
    </Suspense>
  );
}

function Localized() {
  const { locale } = useLocale();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#c0392b', borderRadius: 6 } }}>
      <AntApp>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <Localized />
    </LocaleProvider>
  </StrictMode>,
);
