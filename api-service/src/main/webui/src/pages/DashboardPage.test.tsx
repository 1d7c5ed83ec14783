import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DemoListItem } from '../api/client';
import { fakeApi } from '../test/fakeApi';
import { dashboard, listItem, pinState, templates } from '../test/fixtures';
import { renderAt } from '../test/render';

function platform(all: DemoListItem[] = Array.from({ length: 25 }, (_, i) => listItem(i + 1))) {
  return fakeApi({
    'GET /api/dashboard': { json: dashboard },
    'GET /api/templates': { json: templates },
    'GET /api/demos': (req) => {
      const q = req.search.get('q');
      const rows = all.filter((d) => !q || d.customer_name.toLowerCase().includes(q.toLowerCase()));
      // The cursor is opaque to the UI (the API's: url-safe base64 of the last item's created_at and demo_id).
      const cursor = req.search.get('cursor');
      const start = cursor ? rows.findIndex((d) => btoa(`v1.${d.demo_id}`) === cursor) + 1 : 0;
      const limit = Number(req.search.get('limit'));
      const page = rows.slice(start, start + limit);
      return { json: { demos: page, next_cursor: start + limit < rows.length ? btoa(`v1.${page.at(-1)!.demo_id}`) : null } };
    },
    'POST /api/demos/:id/pin': (_req, p) => ({ json: pinState(p.id, true) }),
    'POST /api/demos/:id/unpin': (_req, p) => ({ json: pinState(p.id, false) }),
    'DELETE /api/demos/:id': { status: 204 },
    'POST /api/demos/:id/clone': { status: 202, json: { job_id: 'job_clone', demo_id: 'demo_99', status: 'queued', status_url: '' } },
    'GET /api/provision/status/job_clone': { json: { job_id: 'job_clone', type: 'clone', status: 'queued', progress: 0, logs: [] } },
    'GET /api/provision/status/job_clone/events': { sse: [] },
    'GET /api/demos/demo_99': { json: { customer_name: 'Copy' } },
  });
}

const list = (container: HTMLElement) => container.querySelector('[data-demo-list]') as HTMLElement;

describe('the dashboard', () => {
  it('shows the stats, the pinned and the recent demos', async () => {
    platform();
    const { container } = renderAt('/');
    expect(await screen.findByText('ce@acme.test')).toBeInTheDocument();
    expect(container.querySelector('[data-stat="Total demos"]')).toHaveTextContent('25');
    expect(container.querySelector('[data-stat="Last 30 days"]')).toHaveTextContent('7');
    expect(container.querySelector('[data-stat="Pinned"]')).toHaveTextContent('1');
    expect(container.querySelector('[data-stat="Ready"]')).toHaveTextContent('24');
    expect(container.querySelector('[data-pinned]')).toHaveTextContent('Pinned Co');
    expect(container.querySelector('[data-recent]')).toHaveTextContent('Recent Co');
  });

  it('pages through all demos with the cursor, forward and back', async () => {
    const api = platform();
    const { container } = renderAt('/');
    await waitFor(() => expect(list(container)?.querySelectorAll('[data-demo]')).toHaveLength(20));
    await userEvent.click(screen.getByRole('button', { name: 'Next →' }));
    await waitFor(() => expect(list(container).querySelectorAll('[data-demo]')).toHaveLength(5));
    expect(list(container)).toHaveTextContent('Customer 25');
    expect(screen.getByRole('button', { name: 'Next →' })).toBeDisabled();
    expect(api.to('GET', '/api/demos').at(-1)!.search.get('cursor')).toBe(btoa('v1.demo_20'));
    await userEvent.click(screen.getByRole('button', { name: '← Previous' }));
    await waitFor(() => expect(list(container).querySelectorAll('[data-demo]')).toHaveLength(20));
  });

  it('filters by customer text and by pinned', async () => {
    const api = platform();
    const { container } = renderAt('/');
    await waitFor(() => expect(list(container)).not.toBeNull());
    await userEvent.type(screen.getByPlaceholderText('Search customers…'), 'customer 7');
    await waitFor(() => expect(list(container).querySelectorAll('[data-demo]')).toHaveLength(1));
    await userEvent.click(screen.getByLabelText('Pinned only'));
    await waitFor(() => expect(api.to('GET', '/api/demos').at(-1)!.search.get('pinned')).toBe('true'));
    expect(api.to('GET', '/api/demos').at(-1)!.search.get('q')).toBe('customer 7');
  });

  it('pins and unpins a demo', async () => {
    const api = platform([listItem(1), listItem(2, { is_pinned: true })]);
    const { container } = renderAt('/');
    await waitFor(() => expect(list(container)).not.toBeNull());
    await userEvent.click(within(container.querySelector('[data-demo="demo_1"]') as HTMLElement).getByRole('button', { name: '☆ Pin' }));
    await userEvent.click(within(container.querySelector('[data-demo="demo_2"]') as HTMLElement).getByRole('button', { name: '★ Unpin' }));
    await waitFor(() => expect(api.to('POST', '/api/demos/demo_2/unpin')).toHaveLength(1));
    expect(api.to('POST', '/api/demos/demo_1/pin')).toHaveLength(1);
  });

  it("offers pinning only on the caller's own demos (the API refuses it for another user's: 403)", async () => {
    platform([listItem(1), listItem(2, { created_by: 'someone.else@acme.test' })]);
    const { container } = renderAt('/');
    await waitFor(() => expect(container.querySelector('[data-demo="demo_2"] button')).not.toBeNull());
    const other = within(container.querySelector('[data-demo="demo_2"]') as HTMLElement);
    expect(other.queryByRole('button', { name: '☆ Pin' })).toBeNull();
    expect(other.getByRole('button', { name: 'Share' })).toBeInTheDocument(); // owner or tenant admin: the API decides
    expect(within(container.querySelector('[data-demo="demo_1"]') as HTMLElement).getByRole('button', { name: '☆ Pin' })).toBeInTheDocument();
  });

  it('deletes a demo only after the confirmation', async () => {
    const api = platform([listItem(1)]);
    const { container } = renderAt('/');
    await waitFor(() => expect(list(container)).not.toBeNull());
    await userEvent.click(within(container.querySelector('[data-demo="demo_1"]') as HTMLElement).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Customer 1 will be removed');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(api.to('DELETE', '/api/demos/demo_1')).toHaveLength(0);
    await userEvent.click(within(container.querySelector('[data-demo="demo_1"]') as HTMLElement).getByRole('button', { name: 'Delete' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete demo' }));
    await waitFor(() => expect(api.to('DELETE', '/api/demos/demo_1')).toHaveLength(1));
  });

  it('clones a demo under a new name and opens the clone job', async () => {
    const api = platform([listItem(1)]);
    const { container, router } = renderAt('/');
    await waitFor(() => expect(list(container)).not.toBeNull());
    await userEvent.click(within(container.querySelector('[data-demo="demo_1"]') as HTMLElement).getByRole('button', { name: 'Clone' }));
    const name = within(screen.getByRole('dialog')).getByLabelText('New customer name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Globex');
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Clone demo' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/jobs/job_clone'));
    expect(api.to('POST', '/api/demos/demo_1/clone')[0].body).toEqual({ new_customer_name: 'Globex' });
  });

  it('says when there are no demos yet, with the way to make one', async () => {
    fakeApi({
      'GET /api/dashboard': { json: { ...dashboard, stats: { ...dashboard.stats, total_demos: 0 }, pinned_demos: [], recent_demos: [] } },
      'GET /api/templates': { json: templates },
      'GET /api/demos': { json: { demos: [], next_cursor: null } },
    });
    renderAt('/');
    expect(await screen.findByText('No demos yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse templates' })).toHaveAttribute('href', '/templates');
  });

  it('shows a dashboard that cannot be loaded as an error with a retry, and still lists the demos with their actions', async () => {
    fakeApi({
      'GET /api/dashboard': { status: 503, headers: { 'Content-Type': 'application/problem+json' }, json: { status: 503, detail: 'store unavailable' } },
      'GET /api/templates': { json: templates },
      'GET /api/demos': { json: { demos: [listItem(7, { customer_name: 'Legacy Co' })], next_cursor: null } },
    });
    const { container } = renderAt('/');
    expect(await screen.findByText('The dashboard could not be loaded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await waitFor(() => expect(list(container)).toHaveTextContent('Legacy Co'));
    const row = container.querySelector('[data-demo="demo_7"]') as HTMLElement;
    expect(within(row).getByRole('button', { name: 'Share' })).toBeEnabled();
    expect(screen.getByPlaceholderText('Search customers…')).toBeInTheDocument();
  });

  it('shows a failed list as a readable error, not as an empty list', async () => {
    fakeApi({
      'GET /api/dashboard': { json: dashboard },
      'GET /api/templates': { json: templates },
      'GET /api/demos': { status: 503, json: { status: 503, title: 'Service Unavailable' } },
    });
    renderAt('/');
    expect(await screen.findByText('The demos could not be loaded')).toBeInTheDocument();
    expect(screen.queryByText('No demos match')).toBeNull();
  });
});
