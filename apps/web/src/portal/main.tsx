import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { LocaleProvider } from '../i18n/i18n';
import { PortalLayout, PlainLoading } from './PortalLayout';
import { registerServiceWorker } from '../shared/register-sw';

// Ant Design comes with the first page that needs it; the home page is plain markup.
const AntdFrame = lazy(() => import('./AntdFrame'));

const page = (load: () => Promise<{ default: React.ComponentType }>) => {
  const Page = lazy(load);
  return (
    <Suspense fallback={<PlainLoading />}>
      <AntdFrame>
        <Page />
      </AntdFrame>
    </Suspense>
  );
};
const plainPage = (load: () => Promise<{ default: React.ComponentType }>) => {
  const Page = lazy(load);
  return (
    <Suspense fallback={<PlainLoading />}>
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
        { path: '/', element: plainPage(() => import('./HomePage')) },
        { path: '/submit', element: page(() => import('./submit/SubmitPage')) },
        { path: '/track', element: page(() => import('./track/TrackPage')) },
        { path: '/track/:token', element: page(() => import('./track/TrackPage')) },
        { path: '/evaluate/:token', element: page(() => import('./EvaluatePage')) },
        { path: '/board', element: page(() => import('./board/BoardPage')) },
        { path: '/policies', element: page(() => import('./PoliciesPage')) },
        { path: '/reception', element: page(() => import('./ReceptionPage')) },
        // — public bulletins —
        { path: '/bulletins', element: page(() => import('./BulletinsPage')) },
        // — evaluation — the residents' survey of a cycle (群众测评)
        { path: '/survey/:id', element: page(() => import('./SurveyPage')) },
        { path: '/awards', element: page(() => import('./AwardsPage')) },
        // — projects — public pages of projects and villages, booking by code
        { path: '/projects', element: page(() => import('./projects/ProjectsPage')) },
        { path: '/projects/:id', element: page(() => import('./projects/ProjectPage')) },
        { path: '/projects/:id/booking', element: page(() => import('./projects/BookingPage')) },
        { path: '/villages/:code', element: page(() => import('./projects/VillagePage')) },
        // — consultations —
        { path: '/consultations', element: page(() => import('./consult/ConsultationsListPage')) },
        { path: '/consultations/:id', element: page(() => import('./consult/ConsultationPublicPage')) },
        { path: '/surveys/:id', element: page(() => import('./consult/SurveyPublicPage')) },
        { path: '/meetings/:meetingId/sign-in', element: page(() => import('./consult/MeetingSignInPage')) }, // the door's QR code
        // — service centre —
        { path: '/services', element: page(() => import('./services/ServicesPage')) },
        { path: '/services/:code', element: page(() => import('./services/ServicePage')) },
        { path: '/publicity', element: page(() => import('./services/PublicityPage')) },
        { path: '/service-evaluate/:token', element: page(() => import('./services/ServiceEvaluatePage')) },
        { path: '*', element: page(() => import('./NotFoundPage')) },
      ],
    },
    // — projects — the selection day's public screen, full width for the TV in the hall
    { path: '/projects/:id/screen', element: page(() => import('./projects/ScreenPage')) },
  ],
  { basename: '/m' },
);

// Installable; offline, a page in Chinese says so (issue 17). Registered after the first page has loaded.
registerServiceWorker('/m/sw.js', '/m/');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <RouterProvider router={router} />
    </LocaleProvider>
  </StrictMode>,
);
