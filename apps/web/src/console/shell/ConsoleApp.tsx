import { Button, Result } from 'antd';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Link, RouterProvider } from 'react-router';
import { useT } from '../../i18n/i18n';
import { PageLoading } from '../../shared/PageState';
import { CONSOLE_ROUTES, type ConsoleRoute } from '../routes';
import { AppLayout } from './AppLayout';
import { hasRole, useMe } from './session';
import { shellMessages } from './shell.messages';

function NotFound() {
  const t = useT(shellMessages);
  return <Result status="404" title={t('notFound')} extra={<Link to="/"><Button type="primary">{t('backHome')}</Button></Link>} />;
}

function RoutePage({ route }: { route: ConsoleRoute }) {
  const me = useMe();
  const t = useT(shellMessages);
  if (route.roles && !hasRole(me, ...route.roles)) return <Result status="403" title={t('noAccess')} />;
  const Page = pages.get(route)!;
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

const pages = new Map(CONSOLE_ROUTES.map((route) => [route, lazy(route.load)]));

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [...CONSOLE_ROUTES.map((route) => ({ path: route.path, element: <RoutePage route={route} /> })), { path: '*', element: <NotFound /> }],
  },
]);

/** The console behind sign-in: the frame and every page, each loaded on first visit. */
export default function ConsoleApp() {
  return <RouterProvider router={router} />;
}
