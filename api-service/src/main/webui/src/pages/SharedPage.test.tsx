import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '../test/fakeApi';
import { answers } from '../test/fixtures';
import { renderAt } from '../test/render';

const shared = {
  demo: { customer_name: 'Northwind', template_id: 'shopify', industry: 'Retail & E-commerce', status: 'ready',
    tables: [{ name: 'orders', row_count: 11000 }, { name: 'customers', row_count: 80000 }],
    golden_questions: ['How many orders were placed in 2024?'],
    readiness: { score: 100, passed: 1, total: 1, failed: [], checked_at: '2026-01-01T00:00:00Z' } },
  read_only: true, shared_by: 'ce@acme.test', expires_at: '2026-02-01T00:00:00Z',
};

function platform() {
  return fakeApi({
    'GET /api/shared/good': (req) => (req.headers['x-share-password'] === 'right' ? { json: shared }
      : problem(401, req.headers['x-share-password'] ? 'wrong password' : 'password required')),
    'POST /api/shared/good/chat': (req) => (req.headers['x-share-password'] === 'right' ? { json: answers.value } : problem(401, 'password required')),
    'GET /api/shared/old': problem(410, 'share link expired'),
    'GET /api/shared/nope': problem(404, 'share link not found'),
  });
}

describe('a shared demo', () => {
  it('asks for the password, says when it is wrong, then shows the read-only demo and lets the viewer chat', async () => {
    const api = platform();
    const { container } = renderAt('/shared/good', { signedIn: false });
    await userEvent.type(await screen.findByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Open the demo' }));
    expect(await screen.findByText('That password is not right. Try again.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Password'));
    await userEvent.type(screen.getByLabelText('Password'), 'right');
    await userEvent.click(screen.getByRole('button', { name: 'Open the demo' }));
    expect(await screen.findByRole('heading', { name: 'Northwind' })).toBeInTheDocument();
    expect(screen.getByText('Shared by ce@acme.test')).toBeInTheDocument();
    expect(container.querySelector('[data-table-rows="customers"]')).toHaveTextContent('80,000');
    expect(screen.getByText('91,000 rows')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: /How many orders were placed in 2024/ }));
    await waitFor(() => expect(container.querySelector('[data-single-value]')).toHaveTextContent('3,270'));
    const chat = api.to('POST', '/api/shared/good/chat')[0];
    expect(chat.headers['x-share-password']).toBe('right');
    expect(chat.headers['x-api-key']).toBeUndefined();
  });

  it('keeps the password form after too many wrong passwords (429), says when to try again, and tries again', async () => {
    let wrong = 0;
    const api = fakeApi({
      'GET /api/shared/busy': (req) => {
        const pw = req.headers['x-share-password'];
        if (!pw) return problem(401, 'This share link needs its password');
        if (wrong >= 2) return { ...problem(429, 'Too many wrong passwords for this link'), headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '42' } };
        if (pw !== 'right') { wrong += 1; return problem(401, 'The password is not right'); }
        return { json: shared };
      },
    });
    renderAt('/shared/busy', { signedIn: false });
    for (let i = 0; i < 3; i++) {
      await userEvent.clear(await screen.findByLabelText('Password'));
      await userEvent.type(screen.getByLabelText('Password'), 'wrong');
      await userEvent.click(screen.getByRole('button', { name: 'Open the demo' }));
    }
    expect(await screen.findByText('Too many wrong passwords for this link. Try again in 42 seconds.')).toBeInTheDocument();
    wrong = 0;
    await userEvent.type(screen.getByLabelText('Password'), 'wrong'); // the same password again is a new try
    await userEvent.click(screen.getByRole('button', { name: 'Open the demo' }));
    await waitFor(() => expect(api.to('GET', '/api/shared/busy')).toHaveLength(5));
    expect(await screen.findByText('That password is not right. Try again.')).toBeInTheDocument();
  });

  it('has a clear page for an expired link', async () => {
    platform();
    const { container } = renderAt('/shared/old', { signedIn: false });
    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeInTheDocument();
    expect(container.querySelector('[data-shared-state="410"]')).not.toBeNull();
  });

  it('has a clear page for an unknown or revoked link', async () => {
    platform();
    renderAt('/shared/nope', { signedIn: false });
    expect(await screen.findByRole('heading', { name: 'This link does not exist' })).toBeInTheDocument();
  });
});
