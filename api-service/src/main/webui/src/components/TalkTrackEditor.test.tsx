import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TalkTrackItem } from '../api/client';
import { fakeApi, problem } from '../test/fakeApi';
import { renderAt } from '../test/render';
import { answers, dashboard, demo } from '../test/fixtures';
import { TalkTrackEditor } from './TalkTrackEditor';

const items: TalkTrackItem[] = [
  { id: 'gq_a', question: 'How many orders?', sql: 'SELECT 1', complexity: 'simple', expected_result_type: 'single_value' },
  { id: 'gq_b', question: 'Revenue by month?', sql: 'SELECT 2', complexity: 'simple', expected_result_type: 'time_series' },
  { id: 'gq_c', question: 'Top customers?', sql: 'SELECT 3', complexity: 'medium', expected_result_type: 'table' },
];

function editor(editing = true, onAsk = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(<QueryClientProvider client={client}>
    <TalkTrackEditor demoId="demo_1" items={items} editing={editing} onAsk={onAsk} />
  </QueryClientProvider>);
  const order = () => Array.from(view.container.querySelectorAll('[data-golden-id]')).map((li) => li.getAttribute('data-golden-id'));
  return { ...view, order, onAsk };
}

describe('the talk track editor', () => {
  it('presents the questions as one-click cards outside edit mode', async () => {
    fakeApi({});
    const { onAsk, container } = editor(false);
    expect(container.querySelector('[data-talk-track-editor]')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Revenue by month/ }));
    expect(onAsk).toHaveBeenCalledWith('Revenue by month?');
  });

  it('moves a question with the arrow keys on its handle, keeps the focus on it and saves the new order', async () => {
    const api = fakeApi({ 'PUT /api/demos/demo_1/golden-queries': (req) => ({ json: { demo_id: 'demo_1',
      golden_queries: (req.body as { ids: string[] }).ids.map((id) => items.find((q) => q.id === id)), system_instruction: null, readiness: null } }) });
    const { order } = editor();
    const handle = screen.getByRole('button', { name: /Reorder “How many orders\?”/ });
    handle.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(order()).toEqual(['gq_b', 'gq_a', 'gq_c']);
    expect(screen.getByRole('button', { name: /Reorder “How many orders\?”, position 2 of 3/ })).toHaveFocus();
    await waitFor(() => expect(api.to('PUT', '/api/demos/demo_1/golden-queries')).toHaveLength(1));
    expect(api.to('PUT', '/api/demos/demo_1/golden-queries')[0].body).toEqual({ ids: ['gq_b', 'gq_a', 'gq_c'] });
    expect(screen.getByText(/moved to position 2 of 3/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Move “Top customers?” up' }));
    expect(order()).toEqual(['gq_b', 'gq_c', 'gq_a']);
    await waitFor(() => expect(api.to('PUT', '/api/demos/demo_1/golden-queries').at(-1)?.body).toEqual({ ids: ['gq_b', 'gq_c', 'gq_a'] }));
    expect(screen.getByRole('button', { name: 'Move “Revenue by month?” up' })).toBeDisabled();
  });

  it('renames a question inline (Enter saves, Escape cancels) and removes one', async () => {
    const api = fakeApi({
      'PATCH /api/demos/demo_1/golden-queries/:id': (req, p) => ({ json: { ...items.find((q) => q.id === p.id), ...(req.body as object), readiness: null } }),
      'DELETE /api/demos/demo_1/golden-queries/:id': { status: 204 },
    });
    const { order, container } = editor();
    await userEvent.click(screen.getByRole('button', { name: 'Rename “Revenue by month?”' }));
    await userEvent.keyboard('{Escape}');
    expect(api.to('PATCH', '/api/demos/demo_1/golden-queries/gq_b')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Rename “Revenue by month?”' }));
    const input = screen.getByLabelText('Question');
    await userEvent.clear(input);
    await userEvent.type(input, 'Gross revenue per month in 2024{Enter}');
    await waitFor(() => expect(api.to('PATCH', '/api/demos/demo_1/golden-queries/gq_b')).toHaveLength(1));
    expect(api.to('PATCH', '/api/demos/demo_1/golden-queries/gq_b')[0].body).toEqual({ question: 'Gross revenue per month in 2024' });
    expect(within(container.querySelector('[data-golden-id="gq_b"]') as HTMLElement).getByText('Gross revenue per month in 2024')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Remove “How many orders?”' }));
    expect(order()).toEqual(['gq_b', 'gq_c']);
    await waitFor(() => expect(api.to('DELETE', '/api/demos/demo_1/golden-queries/gq_a')).toHaveLength(1));
  });

  it('says why an edit was refused', async () => {
    fakeApi({ 'DELETE /api/demos/demo_1/golden-queries/:id': problem(403, 'only the demo\'s owner or a tenant admin may edit the talk track') });
    editor();
    await userEvent.click(screen.getByRole('button', { name: 'Remove “Top customers?”' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not be removed/);
  });
});

describe('add to talk track', () => {
  it('saves a chat answer to the talk track by conversation and turn, and marks answers already in it', async () => {
    const track = { demo_id: 'demo_1', golden_queries: items, system_instruction: null, readiness: null };
    const api = fakeApi({
      'GET /api/dashboard': { json: dashboard },
      'GET /api/demos/demo_1': { json: demo() },
      'GET /api/demos/demo_1/golden-queries': { json: track },
      'POST /api/chat': { json: { ...answers.table, sql: 'SELECT name, spend FROM top' } },
      'POST /api/demos/demo_1/golden-queries': { status: 201, json: { ...items[0], id: 'gq_new', readiness: null } },
    });
    const { container } = renderAt('/demos/demo_1');
    await userEvent.type(await screen.findByLabelText('Your question'), 'Who spends most?{Enter}');
    await userEvent.click(await screen.findByRole('button', { name: 'Add to talk track' }));
    await waitFor(() => expect(api.to('POST', '/api/demos/demo_1/golden-queries')).toHaveLength(1));
    expect(api.to('POST', '/api/demos/demo_1/golden-queries')[0].body).toEqual({ conversation_id: answers.table.conversation_id, turn: answers.table.turn });
    expect(await screen.findByText('In talk track')).toBeInTheDocument();
    expect(container.querySelector('[data-add-to-talk-track]')).toBeNull();
  });
});
