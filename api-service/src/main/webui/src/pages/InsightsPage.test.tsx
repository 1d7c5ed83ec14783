import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '../test/fakeApi';
import { dashboard, insights } from '../test/fixtures';
import { renderAt } from '../test/render';

describe('the insights page', () => {
  it('draws one chart per figure and a row per user, for the months asked', async () => {
    const api = fakeApi({ 'GET /api/dashboard': { json: dashboard }, 'GET /api/insights': { json: insights } });
    const { container } = renderAt('/insights');
    await waitFor(() => expect(container.querySelectorAll('[data-chart]')).toHaveLength(6));
    for (const label of ['Demos per CE per month', 'Template usage rate per month', 'Reuse rate per month',
      'Sharing rate per month', 'Demos created per month by origin', 'Chat questions per month']) {
      expect(container.querySelector(`figure[aria-label="${label}"]`)).not.toBeNull();
    }
    expect(api.to('GET', '/api/insights')[0].search.get('months')).toBe('6');
    expect(container.querySelector('[data-stat="Demos created"]')).toHaveTextContent('64');
    expect(container.querySelector('[data-stat="Template usage"]')).toHaveTextContent('81 %');
    const row = container.querySelector('[data-insights-user="ce@acme.test"]') as HTMLElement;
    expect(row).toHaveTextContent('40');
    expect(row).toHaveTextContent('75 %');
    expect(within(row).getByText('25 %')).toHaveClass('text-amber-700'); // reuse below its 50 % target
    expect(container.querySelector('[data-insights-user="admin@acme.test"]')).toHaveTextContent('–');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Months' }), '12');
    await waitFor(() => expect(api.to('GET', '/api/insights').at(-1)!.search.get('months')).toBe('12'));
  });

  it('is in the navigation for admins only', async () => {
    fakeApi({ 'GET /api/dashboard': { json: dashboard }, 'GET /api/insights': { json: insights } });
    const admin = renderAt('/templates');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'Insights' })).toHaveAttribute('href', '/insights');
    admin.unmount();

    fakeApi({ 'GET /api/dashboard': { json: { ...dashboard, role: 'member' } }, 'GET /api/templates': { json: [] } });
    const { client } = renderAt('/templates');
    await waitFor(() => expect(client.getQueryData(['dashboard'])).toBeDefined());
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Insights' })).toBeNull();
  });

  it('tells a member who opens it that it is for admins', async () => {
    fakeApi({ 'GET /api/dashboard': { json: { ...dashboard, role: 'member' } },
      'GET /api/insights': problem(403, 'the team insights are for tenant admins') });
    renderAt('/insights');
    expect(await screen.findByText('For tenant admins')).toBeInTheDocument();
  });
});
