import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fakeApi';
import { dashboard, demo } from '../test/fixtures';
import { renderAt } from '../test/render';

describe('the share dialog', () => {
  it('creates a password link, shows it to copy, lists the links and revokes one', async () => {
    let shares = [{ token: 'old_token_12345678', share_url: '/shared/old', expires_at: '2030-01-01T00:00:00Z', access_count: 3, has_password: false }];
    const api = fakeApi({
      'GET /api/demos/demo_1': { json: demo() },
      'GET /api/dashboard': { json: dashboard },
      'GET /api/demos/demo_1/shares': () => ({ json: { shares } }),
      'POST /api/demos/demo_1/share': (req) => {
        shares = [...shares, { token: 'new_token_abcdefgh', share_url: '/shared/new', expires_at: '2030-02-01T00:00:00Z', access_count: 0, has_password: true }];
        return { status: 201, json: { token: 'new_token_abcdefgh', share_url: '/shared/new_token_abcdefgh', expires_at: '2030-02-01T00:00:00Z', echo: req.body } };
      },
      'DELETE /api/demos/demo_1/shares/:token': (_req, p) => {
        shares = shares.filter((s) => s.token !== p.token);
        return { status: 204 };
      },
    });
    renderAt('/demos/demo_1');
    await userEvent.click(await screen.findByRole('button', { name: 'Share' }));
    const dialog = screen.getByRole('dialog');
    await waitFor(() => expect(within(dialog).getByText('3 views')).toBeInTheDocument());

    const days = within(dialog).getByLabelText('Expires after');
    await userEvent.clear(days);
    await userEvent.type(days, '14');
    await userEvent.type(within(dialog).getByLabelText('Password (optional)'), 's3cret!');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create link' }));

    const link = await within(dialog).findByLabelText('Share link');
    expect(link).toHaveValue(`${window.location.origin}/shared/new_token_abcdefgh`);
    expect(api.to('POST', '/api/demos/demo_1/share')[0].body).toEqual({ expires_in_days: 14, password: 's3cret!' });
    await waitFor(() => expect(dialog.querySelectorAll('[data-share]')).toHaveLength(2));
    expect(within(dialog.querySelector('[data-share="new_token_abcdefgh"]') as HTMLElement).getByText('Password')).toBeInTheDocument();

    await userEvent.click(within(dialog.querySelector('[data-share="old_token_12345678"]') as HTMLElement).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(dialog.querySelectorAll('[data-share]')).toHaveLength(1));
    expect(api.to('DELETE', '/api/demos/demo_1/shares/old_token_12345678')).toHaveLength(1);
  });

  it('reads the links again on every opening, so the access counts are current', async () => {
    let views = 0;
    const api = fakeApi({
      'GET /api/demos/demo_1': { json: demo() },
      'GET /api/dashboard': { json: dashboard },
      'GET /api/demos/demo_1/shares': () => ({ json: [{ token: 'tok_12345678', share_url: null, expires_at: '2030-01-01T00:00:00Z',
        access_count: views, has_password: false }] }),
    });
    renderAt('/demos/demo_1');
    await userEvent.click(await screen.findByRole('button', { name: 'Share' }));
    expect(await within(screen.getByRole('dialog')).findByText('0 views')).toBeInTheDocument();
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Done' }));
    views = 1;
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    expect(await within(screen.getByRole('dialog')).findByText('1 view')).toBeInTheDocument();
    expect(api.to('GET', '/api/demos/demo_1/shares')).toHaveLength(2);
  });

  it('refuses an expiry outside 1 to 90 days before asking the API', async () => {
    const api = fakeApi({ 'GET /api/demos/demo_1': { json: demo() }, 'GET /api/dashboard': { json: dashboard },
      'GET /api/demos/demo_1/shares': { json: [] } });
    renderAt('/demos/demo_1');
    await userEvent.click(await screen.findByRole('button', { name: 'Share' }));
    const dialog = screen.getByRole('dialog');
    const days = within(dialog).getByLabelText('Expires after');
    await userEvent.clear(days);
    await userEvent.type(days, '120');
    expect(within(dialog).getByText('1 to 90 days')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Create link' })).toBeDisabled();
    expect(api.to('POST', '/api/demos/demo_1/share')).toHaveLength(0);
  });
});
