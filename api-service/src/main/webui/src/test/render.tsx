/** Renders the app's routes at a path, signed in or not, with a fresh query cache. */
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient, routes } from '../App';
import { setUnauthorizedHandler } from '../api/client';
import { clearSession, saveSession } from '../api/session';

export const TEST_KEY = 'acme_api_0123456789abcdef';

export function renderAt(path: string, { signedIn = true }: { signedIn?: boolean } = {}) {
  if (signedIn) saveSession({ mode: 'key', apiKey: TEST_KEY, tenantId: 'acme' });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  setUnauthorizedHandler(() => clearSession('expired'));
  const view = render(<QueryClientProvider client={client}><RouterProvider router={router} /></QueryClientProvider>);
  return { ...view, router, client };
}
