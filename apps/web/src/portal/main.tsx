import { lazy, Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { mountApp } from '../shared/mount-app';
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
        // — public bulletins —
        { path: '/bulletins', element: page(() => import('./BulletinsPage')) },
        // — service centre —
        { path: '/services', element: page(() => import('./services/ServicesPage')) },
        { path: '/services/:code', element: page(() => import('./services/ServicePage')) },
        { path: '/publicity', element: page(() => import('./services/PublicityPage')) },
        { path: '/service-evaluate/:token', element: page(() => import('./services/ServiceEvaluatePage')) },
        { path: '*', element: page(() => import('./NotFoundPage')) },
      ],
    },
  ],
  { basename: '/m' },
);

mountApp({ token: { colorPrimary: '#c0392b', borderRadius: 8, fontSize: 15 }, children: <RouterProvider router={router} /> });
