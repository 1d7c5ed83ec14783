import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '../test/fakeApi';
import { renderAt } from '../test/render';

describe('the custom demo form', () => {
  it('shows the API\'s field errors next to the fields they name', async () => {
    fakeApi({
      'POST /api/provision/custom': problem(422, 'customer_name: must not be blank; website: must be a web address', [
        { field: 'customer_name', message: 'must not be blank' }, { field: 'website', message: 'must be a web address' }]),
    });
    renderAt('/custom');
    await userEvent.type(await screen.findByLabelText(/Industry/), 'insurance');
    await userEvent.type(screen.getByLabelText('Website'), 'not a web address');
    await userEvent.click(screen.getByRole('button', { name: 'Design the demo' }));
    const name = screen.getByLabelText(/Customer name/);
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/must not be blank/i);
    expect(screen.getByLabelText('Website')).toHaveAccessibleDescription(/must be a web address/i);
    expect(screen.getByLabelText(/Industry/)).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need attention');
  });

  it('sends the brief with one use case per line and opens the job', async () => {
    const api = fakeApi({
      'POST /api/provision/custom': { status: 202, json: { job_id: 'job_c', demo_id: 'demo_c', status: 'queued', status_url: '' } },
      'GET /api/provision/status/job_c': { json: { job_id: 'job_c', type: 'custom', status: 'queued', progress: 0, logs: [] } },
      'GET /api/provision/status/job_c/events': { sse: [] },
      'GET /api/provision/status/job_c/steps': { json: [] },
      'GET /api/demos/demo_c': { json: { customer_name: 'Blue Harbor' } },
    });
    const { router } = renderAt('/custom');
    await userEvent.type(await screen.findByLabelText(/Customer name/), 'Blue Harbor');
    await userEvent.type(screen.getByLabelText(/Industry/), 'insurance');
    await userEvent.type(screen.getByLabelText('Use cases'), 'claims fraud{enter}{enter}agent performance ');
    await userEvent.click(screen.getByRole('button', { name: 'Design the demo' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/jobs/job_c'));
    expect(api.to('POST', '/api/provision/custom')[0].body).toEqual({
      customer_name: 'Blue Harbor', industry: 'insurance', use_cases: ['claims fraud', 'agent performance'] });
  });
});
