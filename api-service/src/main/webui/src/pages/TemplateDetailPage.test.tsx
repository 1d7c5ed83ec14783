import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '../test/fakeApi';
import { shopifyDetail } from '../test/fixtures';
import { renderAt } from '../test/render';

function platform() {
  return fakeApi({
    'GET /api/templates/shopify': { json: shopifyDetail },
    'GET /api/templates/nope': problem(404, 'template nope not found'),
    'POST /api/provision/quick': { status: 202, json: { job_id: 'job_9', demo_id: 'demo_9', status: 'queued', status_url: '/api/provision/status/job_9' } },
    'GET /api/provision/status/job_9': { json: { job_id: 'job_9', demo_id: 'demo_9', type: 'quick', status: 'queued', progress: 0, logs: [], current_phase: 'queued' } },
    'GET /api/provision/status/job_9/events': { sse: [] },
    'GET /api/demos/demo_9': { json: { customer_name: 'Acme Outdoor' } },
  });
}

describe('the template detail page', () => {
  it('shows the figures, the tables with their rows and each golden question with its SQL', async () => {
    platform();
    const { container } = renderAt('/templates/shopify');
    expect(await screen.findByRole('heading', { name: 'Shopify E-commerce Analytics' })).toBeInTheDocument();
    expect(container.querySelector('[data-stat="Tables"]')).toHaveTextContent('15');
    expect(container.querySelector('[data-stat="Rows"]')).toHaveTextContent('145,000');
    expect(container.querySelector('[data-stat="Golden questions"]')).toHaveTextContent('2');
    expect(container.querySelector('[data-stat="Ready in (measured)"]')).toHaveTextContent('~1 s');
    expect(container.querySelector('[data-table-rows="orders"]')).toHaveTextContent('11,000');
    const first = within(container.querySelector('[data-golden-questions]') as HTMLElement).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent('How many orders were placed in 2024?');
    expect(first).toHaveTextContent('simple');
    await userEvent.click(within(first).getByText('SQL'));
    expect(within(first).getByText('SELECT count(*) AS orders_2024 FROM orders')).toBeVisible();
    expect(screen.getByRole('link', { name: '← Template library' })).toHaveAttribute('href', '/templates');
  });

  it('quick-starts the template with a customer name and opens the job', async () => {
    const api = platform();
    const { router } = renderAt('/templates/shopify');
    await userEvent.click(await screen.findByRole('button', { name: 'Quick start' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Customer name'), 'Acme Outdoor');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create demo' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/jobs/job_9'));
    expect(api.to('POST', '/api/provision/quick')[0].body).toEqual({ template_id: 'shopify', customer_name: 'Acme Outdoor' });
  });

  it('says so when the template does not exist', async () => {
    platform();
    renderAt('/templates/nope');
    expect(await screen.findByText('The template could not be loaded')).toBeInTheDocument();
    expect(screen.getByText('Template nope not found.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Quick start' })).toBeNull();
  });
});
