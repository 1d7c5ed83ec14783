import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fakeApi';
import { shopifyDetail, templates } from '../test/fixtures';
import { renderAt } from '../test/render';

function platform() {
  return fakeApi({
    'GET /api/templates': (req) => ({ json: templates.filter((t) => !req.search.get('industry') || t.industry === req.search.get('industry')) }),
    'GET /api/templates/shopify': { json: shopifyDetail },
    'POST /api/provision/quick': { status: 202, json: { job_id: 'job_9', demo_id: 'demo_9', status: 'queued', status_url: '/api/provision/status/job_9' } },
    'GET /api/provision/status/job_9': { json: { job_id: 'job_9', demo_id: 'demo_9', type: 'quick', status: 'queued', progress: 0, logs: [], current_phase: 'queued' } },
    'GET /api/provision/status/job_9/events': { sse: [] },
    'GET /api/demos/demo_9': { json: { customer_name: 'Acme Outdoor' } },
  });
}

describe('the template library', () => {
  it('shows a card per template with tables, rows, time and tags', async () => {
    platform();
    const { container } = renderAt('/templates');
    await screen.findByText('Shopify E-commerce Analytics');
    const card = container.querySelector('[data-template="shopify"]') as HTMLElement;
    expect(card).toHaveTextContent('Shopify E-commerce Analytics');
    expect(card).toHaveTextContent('Retail & E-commerce');
    expect(card).toHaveTextContent('15');
    expect(card).toHaveTextContent('145K');
    // Measured here (the median of recent quick starts), not the template's 45 s estimate.
    expect(card).toHaveTextContent('~1 s');
    expect(card).not.toHaveTextContent('~45 s');
    expect(card.querySelector('[data-ready-in]')).toHaveAttribute('title', 'median of the last 12 quick starts on this platform');
    expect(card).toHaveTextContent('#ecommerce');
    const banking = container.querySelector('[data-template="banking"]') as HTMLElement;
    expect(banking).toHaveTextContent('~40 s (estimate)');
    expect(container.querySelectorAll('[data-template]')).toHaveLength(2);
  });

  it('filters by industry through the API', async () => {
    const api = platform();
    const { container } = renderAt('/templates');
    await screen.findByText('Retail Banking Analytics');
    await userEvent.selectOptions(screen.getByLabelText('Industry'), 'Financial Services');
    await waitFor(() => expect(container.querySelectorAll('[data-template]')).toHaveLength(1));
    expect(container.querySelector('[data-template="banking"]')).not.toBeNull();
    expect(api.calls.some((c) => c.search.get('industry') === 'Financial Services')).toBe(true);
  });

  it('quick-starts a template with the customer name and opens the job', async () => {
    const api = platform();
    const { router } = renderAt('/templates');
    await userEvent.click(await screen.findByRole('button', { name: 'Quick start Shopify E-commerce Analytics' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Customer name'), 'Acme Outdoor');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create demo' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/jobs/job_9'));
    expect(api.to('POST', '/api/provision/quick')[0].body).toEqual({ template_id: 'shopify', customer_name: 'Acme Outdoor' });
  });

  it('shows a template with its tables and golden questions', async () => {
    platform();
    const { container } = renderAt('/templates/shopify');
    expect(await screen.findByRole('heading', { name: 'Shopify E-commerce Analytics' })).toBeInTheDocument();
    expect(container.querySelector('[data-table-rows="customers"]')).toHaveTextContent('80,000');
    const questions = container.querySelector('[data-golden-questions]') as HTMLElement;
    expect(within(questions).getAllByRole('listitem')).toHaveLength(2);
    expect(questions).toHaveTextContent('How many orders were placed in 2024?');
    expect(questions).toHaveTextContent('single value');
  });
});
