import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '../test/fakeApi';
import { pipelineRun } from '../test/fixtures';
import { renderAt } from '../test/render';

describe('the pipeline run page', () => {
  it('shows a finished run: its template, pipeline id, steps with rows and timing, and every DQ result', async () => {
    fakeApi({ 'GET /api/v1/pipelines/runs/job_p': { json: pipelineRun() } });
    const { container } = renderAt('/pipelines/runs/job_p');
    expect(await screen.findByRole('heading', { name: 'Cloud Billing export sample' })).toBeInTheDocument();
    expect(container.querySelector('[data-pipeline-id]')).toHaveTextContent('acme-gcp-cost-bill-sample-export-template');
    expect(container.querySelector('[data-progress]')).toHaveTextContent('100%');
    const load = container.querySelector('[data-step="load_billing_export"]') as HTMLElement;
    expect(load).toHaveAttribute('data-step-status', 'COMPLETED');
    expect(load).toHaveTextContent('1,488 rows');
    expect(container.querySelector('[data-step="aggregate"]')).toHaveAttribute('data-step-status', 'PENDING');
    await userEvent.click(within(load).getByText('Load billing export'));
    expect(within(load).getByText(/loaded 1488 rows/)).toBeVisible();
    const dq = container.querySelector('[data-dq-results]') as HTMLElement;
    expect(within(dq).getAllByRole('row')).toHaveLength(3);
    expect(dq).toHaveTextContent('currency_usd');
    expect(screen.getByText('1 failed')).toBeInTheDocument();
  });

  it('follows a running run until it completes', async () => {
    let calls = 0;
    fakeApi({ 'GET /api/v1/pipelines/runs/job_p': () => {
      calls += 1;
      return { json: calls === 1
        ? pipelineRun({ status: 'RUNNING', progress: 33, current_step: 'check_raw', dq_results: [] })
        : pipelineRun({ dq_results: pipelineRun().dq_results.slice(0, 1) }) };
    } });
    const { container } = renderAt('/pipelines/runs/job_p');
    await waitFor(() => expect(container.querySelector('[data-progress]')).toHaveTextContent('33%'));
    expect(container.querySelector('[data-current-step]')).toHaveTextContent('Check raw');
    expect(screen.getByText('No checks have run yet.')).toBeInTheDocument();
    await waitFor(() => expect(container.querySelector('[data-progress]')).toHaveTextContent('100%'), { timeout: 3000 });
    expect(screen.getByText('all 1 passed')).toBeInTheDocument();
    const seen = calls;
    await new Promise((r) => setTimeout(r, 1200));
    expect(calls).toBe(seen); // a finished run is not asked for again
  });

  it('says so when the run does not exist', async () => {
    fakeApi({ 'GET /api/v1/pipelines/runs/job_x': problem(404, 'pipeline run job_x not found') });
    renderAt('/pipelines/runs/job_x');
    expect(await screen.findByText('This run could not be loaded')).toBeInTheDocument();
    expect(screen.getByText('Pipeline run job_x not found.')).toBeInTheDocument();
  });
});
