import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { mountApp } from '../shared/mount-app';
import { registerServiceWorker } from '../shared/register-sw';
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

// The field pages work without signal (issue 17): the worker comes after the first page has loaded.
registerServiceWorker('/sw.js', '/');

mountApp({
  token: { colorPrimary: '#c0392b', borderRadius: 6 },
  onLocale: (locale) => void dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en'),
  children: (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  ),
});
