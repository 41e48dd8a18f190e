import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { LocaleProvider, useLocale } from '../i18n/i18n';
import { PortalLayout } from './PortalLayout';
import { PortalLoading } from './PortalState';

const page = (load: () => Promise<{ default: React.ComponentType }>) => {
  const Page = lazy(load);
  return (
    <Suspense fallback={<PortalLoading />}>
      <Page />
    </Suspense>
  );
};

// Each page loads on first visit; a resident on a slow phone network downloads only what they open.
const router = createBrowserRouter(
  [
    {
      element: <PortalLayout />,
      children: [
        { path: '/', element: page(() => import('./HomePage')) },
        { path: '/submit', element: page(() => import('./submit/SubmitPage')) },
        { path: '/track', element: page(() => import('./track/TrackPage')) },
        { path: '/track/:token', element: page(() => import('./track/TrackPage')) },
        { path: '/evaluate/:token', element: page(() => import('./EvaluatePage')) },
        { path: '/board', element: page(() => import('./board/BoardPage')) },
        { path: '/policies', element: page(() => import('./PoliciesPage')) },
        { path: '/reception', element: page(() => import('./ReceptionPage')) },
        { path: '*', element: page(() => import('./NotFoundPage')) },
      ],
    },
  ],
  { basename: '/m' },
);

function Localized() {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#c0392b', borderRadius: 8, fontSize: 15 } }}>
      <AntApp>
        <RouterProvider router={router} />
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
