import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PipelineRun } from '../api/client';
import { fakeApi, problem } from '../test/fakeApi';
import { renderAt } from '../test/render';

const run = (over: Partial<PipelineRun>): PipelineRun => ({
  pipeline_logging_id: 'job_p', pipeline_id: 'acme-gcp-cost-bill-sample-export-template', tenant_id: 'acme', provider: 'gcp',
  domain: 'cost', template_name: 'bill-sample-export-template', status: 'COMPLETED', progress: 100, current_step: 'completed',
  trigger_by: 'web-ui', run_date: '2026-12-03', created_at: '2026-12-03T11:38:18Z', started_at: '2026-12-03T11:38:18Z',
  completed_at: '2026-12-03T11:38:19Z', error: null,
  steps: [
    { step_id: 'load_billing_export', type: 'load_object', status: 'COMPLETED', attempts: 1, started_at: null, ended_at: null,
      duration_ms: 197, rows_processed: 1488, error: null, logs: [{ ts: '2026-12-03T11:38:18Z', level: 'INFO', message: 'loaded 1488 rows' }] },
    { step_id: 'check_raw', type: 'dq_check', status: 'COMPLETED', attempts: 1, started_at: null, ended_at: null,
      duration_ms: 141, rows_processed: null, error: null, logs: [] },
    // A step not started yet: the API sends only these three fields.
    { step_id: 'aggregate', type: 'warehouse_sql', status: 'PENDING' } as unknown as PipelineRun['steps'][number],
  ],
  dq_results: [
    { table_name: 'billing_export_raw', check_name: 'raw_has_rows', check_type: 'row_count', status: 'PASSED', observed_value: '1488', expected_value: '>= 1' },
    { table_name: 'billing_export_raw', check_name: 'currency_usd', check_type: 'accepted_values', status: 'FAILED', observed_value: '3 rows', expected_value: 'USD' },
  ],
  ...over,
});

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
