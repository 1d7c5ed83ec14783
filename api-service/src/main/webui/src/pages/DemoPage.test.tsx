import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fakeApi';
import { answers, dashboard, demo } from '../test/fixtures';
import { renderAt } from '../test/render';

describe('the demo page', () => {
  it('shows readiness, tables with row counts and the talk track', async () => {
    fakeApi({ 'GET /api/demos/demo_1': { json: demo() } });
    const { container } = renderAt('/demos/demo_1');
    expect(await screen.findByRole('heading', { name: 'Northwind' })).toBeInTheDocument();
    expect(container.querySelector('[data-readiness]')).toHaveTextContent('Readiness 100% (22/22)');
    expect(container.querySelector('[data-table-rows="customers"]')).toHaveTextContent('80,000');
    expect(container.querySelectorAll('[data-golden-question]')).toHaveLength(2);
  });

  it('asks a talk-track question, shows the answer and follows a chip in the same conversation', async () => {
    const api = fakeApi({
      'GET /api/demos/demo_1': { json: demo() },
      'POST /api/chat': (req) => ({ json: (req.body as { conversation_id?: string }).conversation_id ? { ...answers.chart, turn: 2 } : answers.value }),
    });
    const { container, router } = renderAt('/demos/demo_1');
    await userEvent.click(await screen.findByRole('button', { name: /How many orders were placed in 2024/ }));
    const first = await waitFor(() => {
      const el = container.querySelector('[data-turn="1"] [data-answer]');
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    expect(first).toHaveTextContent('3,270');
    expect(api.to('POST', '/api/chat')[0].body).toEqual({ demo_id: 'demo_1', message: 'How many orders were placed in 2024?' });
    await waitFor(() => expect(router.state.location.search).toBe('?c=conv_1'));

    await userEvent.click(within(first).getByRole('button', { name: 'What was gross revenue by month in 2024?' }));
    await waitFor(() => expect(container.querySelector('[data-turn="2"] [data-answer]')).not.toBeNull());
    expect(api.to('POST', '/api/chat')[1].body).toEqual({ demo_id: 'demo_1', message: 'What was gross revenue by month in 2024?', conversation_id: 'conv_1' });
    expect(container.querySelector('[data-turn="2"] [data-chart]')).not.toBeNull();
  });

  it('restores the conversation after a reload from ?c=', async () => {
    fakeApi({
      'GET /api/demos/demo_1': { json: demo() },
      'GET /api/chat/conversations/conv_1': { json: { conversation_id: 'conv_1', demo_id: 'demo_1', created_at: '', updated_at: '',
        turns: [{ ...answers.value, question: 'How many orders were placed in 2024?', created_at: '' }] } },
    });
    const { container } = renderAt('/demos/demo_1?c=conv_1');
    await waitFor(() => expect(container.querySelector('[data-turn="1"] [data-question]')).toHaveTextContent('How many orders were placed in 2024?'));
    expect(container.querySelector('[data-turn="1"] [data-single-value]')).toHaveTextContent('3,270');
  });

  it('keeps the chat closed while the demo is provisioning', async () => {
    fakeApi({ 'GET /api/demos/demo_1': { json: demo({ status: 'provisioning', readiness: null }) } });
    renderAt('/demos/demo_1');
    expect(await screen.findByText(/still being provisioned; the chat opens/)).toBeInTheDocument();
    expect(screen.getByLabelText('Your question')).toBeDisabled();
  });

  it('shows a readable message when a question fails', async () => {
    fakeApi({
      'GET /api/demos/demo_1': { json: demo() },
      'POST /api/chat': { status: 409, headers: { 'Content-Type': 'application/problem+json' }, json: { status: 409, detail: 'demo demo_1 is not ready' } },
    });
    renderAt('/demos/demo_1');
    await userEvent.type(await screen.findByLabelText('Your question'), 'revenue by city{enter}');
    expect(await screen.findByText('Demo demo_1 is not ready.')).toBeInTheDocument();
  });

  it('offers pin, share, clone and delete', async () => {
    fakeApi({ 'GET /api/demos/demo_1': { json: demo() }, 'GET /api/dashboard': { json: dashboard } });
    renderAt('/demos/demo_1');
    expect(await screen.findByRole('button', { name: '☆ Pin' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Share' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Clone' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeEnabled();
  });
});
