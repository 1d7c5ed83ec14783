/** Routes of the Web UI. Everything but sign-in and share links needs a session. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Outlet, RouterProvider, type RouteObject } from 'react-router';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { clearSession } from './api/session';
import { Layout } from './components/Layout';
import { RequireSession, SessionProvider } from './components/SessionContext';
import { CustomDemoPage } from './pages/CustomDemoPage';
import { DashboardPage } from './pages/DashboardPage';
import { DemoPage } from './pages/DemoPage';
import { InsightsPage } from './pages/InsightsPage';
import { JobPage } from './pages/JobPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PipelineRunPage } from './pages/PipelineRunPage';
import { PipelinesPage } from './pages/PipelinesPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { SharedPage } from './pages/SharedPage';
import { SignInPage } from './pages/SignInPage';
import { TemplateDetailPage } from './pages/TemplateDetailPage';
import { TemplatesPage } from './pages/TemplatesPage';

export const routes: RouteObject[] = [
  {
    element: <SessionProvider><Outlet /></SessionProvider>,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/shared/:token', element: <SharedPage /> },
      {
        element: <RequireSession><Layout /></RequireSession>,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'templates', element: <TemplatesPage /> },
          { path: 'templates/:templateId', element: <TemplateDetailPage /> },
          { path: 'custom', element: <CustomDemoPage /> },
          { path: 'jobs/:jobId', element: <JobPage /> },
          { path: 'demos/:demoId', element: <DemoPage /> },
          { path: 'pipelines', element: <PipelinesPage /> },
          { path: 'pipelines/runs/:runId', element: <PipelineRunPage /> },
          { path: 'insights', element: <InsightsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; network errors and 5xx get two more tries.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        staleTime: 15_000,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function App() {
  const router = createBrowserRouter(routes);
  const queryClient = createQueryClient();
  // A key the API stopped accepting: sign out; the signed-in routes then send the user to sign-in, which says why.
  setUnauthorizedHandler(() => {
    clearSession('expired');
    queryClient.clear();
  });
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
