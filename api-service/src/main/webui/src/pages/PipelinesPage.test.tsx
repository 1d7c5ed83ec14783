import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '../test/fakeApi';
import { pipelineRun as run } from '../test/fixtures';
import { renderAt } from '../test/render';

describe('the pipelines page', () => {
  it('runs the billing pipeline for the signed-in tenant and shows its steps and DQ results', async () => {
    const api = fakeApi({
      'POST /api/v1/pipelines/run/acme/gcp/cost/bill-sample-export-template': { status: 202, json: {
        pipeline_logging_id: 'job_p', pipeline_id: 'acme-gcp-cost-bill-sample-export-template', status: 'PENDING', status_url: '', message: '' } },
      'GET /api/v1/pipelines/runs/job_p': { json: run({}) },
    });
    const { container, router } = renderAt('/pipelines');
    await userEvent.click(await screen.findByRole('button', { name: 'Run pipeline' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/pipelines/runs/job_p'));
    expect(api.to('POST', '/api/v1/pipelines/run/acme/gcp/cost/bill-sample-export-template')[0].body).toEqual({ trigger_by: 'web-ui' });
    await waitFor(() => expect(container.querySelectorAll('[data-step]')).toHaveLength(3));
    expect(container.querySelector('[data-step="aggregate"]')).toHaveAttribute('data-step-status', 'PENDING');
    expect(container.querySelector('[data-step="load_billing_export"]')).toHaveTextContent('1,488 rows');
    expect(container.querySelector('[data-dq-results]')).toHaveTextContent('raw_has_rows');
    expect(screen.getByText('1 failed')).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('capi.pipelineRuns.acme')!)[0].id).toBe('job_p');
  });

  it('explains a refused run (already running)', async () => {
    fakeApi({ 'POST /api/v1/pipelines/run/:t/:p/:d/:n': problem(409, 'pipeline acme-gcp-example-dryrun is already running (job_q)') });
    renderAt('/pipelines');
    await userEvent.click(await screen.findByLabelText(/Dry run/));
    await userEvent.click(screen.getByRole('button', { name: 'Run pipeline' }));
    expect(await screen.findByText('Pipeline acme-gcp-example-dryrun is already running (job_q).')).toBeInTheDocument();
  });

  it('shows a failed run with its error', async () => {
    fakeApi({ 'GET /api/v1/pipelines/runs/job_p': { json: run({ status: 'FAILED', progress: 50, error: 'check currency_usd failed' }) } });
    renderAt('/pipelines/runs/job_p');
    expect(await screen.findByText('The run failed')).toBeInTheDocument();
    expect(screen.getByText('check currency_usd failed')).toBeInTheDocument();
  });
});
