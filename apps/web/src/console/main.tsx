import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { mountApp } from '../shared/mount-app';
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

mountApp({
  token: { colorPrimary: '#c0392b', borderRadius: 6 },
  onLocale: (locale) => void dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en'),
  children: (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  ),
});
