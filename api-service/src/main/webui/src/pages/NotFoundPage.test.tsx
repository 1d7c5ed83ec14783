import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fakeApi';
import { dashboard } from '../test/fixtures';
import { renderAt } from '../test/render';

describe('the not-found page', () => {
  it('says an unknown address inside the app does not exist and leads back to the dashboard', async () => {
    const api = fakeApi({ 'GET /api/dashboard': { json: dashboard }, 'GET /api/demos': { json: { demos: [], next_cursor: null } },
      'GET /api/templates': { json: [] } });
    const { router } = renderAt('/no/such/page');
    expect(await screen.findByText('This page does not exist')).toBeInTheDocument();
    expect(screen.getByText(/mistyped, or the page has moved/)).toBeInTheDocument();
    expect(api.to('GET', '/api/demos')).toHaveLength(0);
    await userEvent.click(screen.getByRole('link', { name: 'Go to the dashboard' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
  });

  it('is behind sign-in like every page of the app', async () => {
    const { router } = renderAt('/no/such/page', { signedIn: false });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(screen.queryByText('This page does not exist')).toBeNull();
  });
});
