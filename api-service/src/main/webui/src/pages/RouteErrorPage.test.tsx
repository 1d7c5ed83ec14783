import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fakeApi';
import { shopifyDetail } from '../test/fixtures';
import { renderAt } from '../test/render';

describe('the error page of a page that crashed', () => {
  // React logs the error it caught; the test only wants the page the user sees.
  beforeEach(() => { vi.spyOn(console, 'error').mockImplementation(() => {}); });
  afterEach(() => { vi.restoreAllMocks(); });

  it('replaces a page that cannot render an unexpected answer with a sentence and a way on, never a stack trace', async () => {
    // A template without its golden_queries: the detail page cannot render it.
    const { golden_queries: _omitted, ...broken } = shopifyDetail;
    fakeApi({ 'GET /api/templates/shopify': { json: broken } });
    const { container } = renderAt('/templates/shopify');
    expect(await screen.findByRole('heading', { name: 'This page ran into a problem' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Reloading usually helps');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the dashboard' })).toHaveAttribute('href', '/');
    expect(container).not.toHaveTextContent(/TypeError|undefined|at [A-Za-z]+ \(/);
  });

  it('reloads the page when asked', async () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    const { golden_queries: _omitted, ...broken } = shopifyDetail;
    fakeApi({ 'GET /api/templates/shopify': { json: broken } });
    renderAt('/templates/shopify');
    (await screen.findByRole('button', { name: 'Reload' })).click();
    expect(reload).toHaveBeenCalledOnce();
  });
});
