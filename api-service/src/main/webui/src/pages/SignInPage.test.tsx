import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { loadSession } from '../api/session';
import { fakeApi, problem } from '../test/fakeApi';
import { renderAt } from '../test/render';

const GOOD = 'acme_api_goodgoodgoodgood';

function platform() {
  return fakeApi({
    'GET /api/templates': (req) => (req.headers['x-api-key'] === GOOD ? { json: [] } : problem(401, 'unknown or revoked API key')),
    'GET /api/dashboard': { json: { user: 'ce@acme.test', stats: { total_demos: 0, demos_this_month: 0, pinned_count: 0, by_status: {}, by_template: {} }, pinned_demos: [], recent_demos: [] } },
    'GET /api/demos': { json: { demos: [], next_cursor: null } },
  });
}

describe('sign-in', () => {
  it('sends a visitor without a session to sign-in first', async () => {
    platform();
    renderAt('/templates', { signedIn: false });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('says clearly when the key is not accepted, and keeps nothing', async () => {
    platform();
    renderAt('/sign-in', { signedIn: false });
    await userEvent.type(await screen.findByLabelText(/API key/), 'acme_api_wrongwrongwrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/This API key was not accepted/)).toBeInTheDocument();
    expect(screen.getByLabelText(/API key/)).toHaveAttribute('aria-invalid', 'true');
    expect(loadSession()).toBeNull();
  });

  it('keeps a good key for the tab and goes where the visitor was heading', async () => {
    platform();
    const { router } = renderAt('/sign-in?next=%2Fpipelines', { signedIn: false });
    await userEvent.type(await screen.findByLabelText(/API key/), GOOD);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/pipelines'));
    expect(loadSession()).toEqual({ mode: 'key', apiKey: GOOD, tenantId: 'acme' });
    expect(sessionStorage.getItem('capi.session')).toContain(GOOD);
  });

  it('is skipped when the API already knows the caller (identity header in front of it)', async () => {
    fakeApi({ 'GET /api/templates': { json: [] }, 'GET /api/dashboard': problem(404, 'x'), 'GET /api/demos': { json: { demos: [], next_cursor: null } } });
    const { router } = renderAt('/sign-in', { signedIn: false });
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(loadSession()).toEqual({ mode: 'identity', tenantId: null });
  });

  it('sends the user back to sign-in when the key stops being accepted', async () => {
    fakeApi({ 'GET /api/templates': problem(401, 'unknown or revoked API key') });
    const { router } = renderAt('/templates');
    expect(await screen.findByText(/no longer accepted/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(loadSession()).toBeNull();
  });
});
