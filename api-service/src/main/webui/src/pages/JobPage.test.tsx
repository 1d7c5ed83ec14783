import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../api/client';
import { fakeApi, problem } from '../test/fakeApi';
import { demo, job } from '../test/fixtures';
import { renderAt } from '../test/render';

const log = (message: string) => ({ ts: '2026-12-03T11:37:34.000Z', level: 'INFO', message });

describe('the job page', () => {
  it('follows the job live over SSE to 100 % and then links to the demo', async () => {
    const stream = [
      job({ progress: 40, current_phase: 'loading_tables', logs: [log('Job accepted and queued'), log('Loaded table orders (11000 rows)')] }),
      job({ progress: 100, status: 'completed', current_phase: 'completed', result: { demo_id: 'demo_1' },
        logs: [log('Job accepted and queued'), log('Loaded table orders (11000 rows)'), log('Demo ready')] }),
    ];
    const api = fakeApi({
      'GET /api/provision/status/job_1': { json: job({ progress: 5, status: 'queued', current_phase: 'queued' }) },
      'GET /api/provision/status/job_1/events': { sse: stream },
      'GET /api/demos/demo_1': { json: demo() },
    });
    const { container } = renderAt('/jobs/job_1');
    const open = await screen.findByRole('link', { name: /Open the demo/ });
    expect(open).toHaveAttribute('href', '/demos/demo_1');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(container.querySelector('[data-progress]')).toHaveTextContent('100%');
    expect(container.querySelector('[data-logs]')).toHaveTextContent('Loaded table orders (11000 rows)');
    expect(container.querySelector('[data-logs]')).toHaveTextContent('Demo ready');
    expect(screen.getByRole('heading', { name: 'Demo for Northwind' })).toBeInTheDocument();
    expect(api.to('GET', '/api/provision/status/job_1/events')).toHaveLength(1);
  });

  it('reads the demo again when the job completes, so it is shown ready with its readiness', async () => {
    let reads = 0;
    fakeApi({
      'GET /api/provision/status/job_1': { json: job({ progress: 5, status: 'queued', current_phase: 'queued' }) },
      'GET /api/provision/status/job_1/events': { sse: [job({ progress: 100, status: 'completed', current_phase: 'completed',
        result: { demo_id: 'demo_1' } })] },
      'GET /api/demos/demo_1': () => (++reads === 1 ? { json: demo({ status: 'provisioning', readiness: null, golden_queries: [] }) }
        : { json: demo() }),
    });
    renderAt('/jobs/job_1');
    expect(await screen.findByText(/The demo is ready — readiness 100%/)).toBeInTheDocument();
    expect(reads).toBeGreaterThanOrEqual(2);
  });

  it('shows the error of a failed job', async () => {
    fakeApi({
      'GET /api/provision/status/job_1': { json: job({ status: 'failed', progress: 30, error: 'table orders: expected 11000 rows, found 10' }) },
      'GET /api/demos/demo_1': { json: demo({ status: 'failed' }) },
    });
    renderAt('/jobs/job_1');
    expect(await screen.findByText('The job failed')).toBeInTheDocument();
    expect(screen.getByText('table orders: expected 11000 rows, found 10')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Open the demo/ })).toBeNull();
  });

  it('shows the seven stage checkpoints of a custom job, pending ones included', async () => {
    const steps: StepRecord[] = [
      { step_id: 'research', position: 0, type: 'demo_research', status: 'completed', attempts: 1, started_at: null, ended_at: null,
        duration_ms: 353, logs: [log('research: Blue Harbor: Insurance, 5 regions'), log('research: finished in 351 ms')], error: null },
      { step_id: 'use_cases', position: 1, type: 'demo_use_cases', status: 'running', attempts: 2, started_at: null, ended_at: null,
        duration_ms: null, logs: [], error: null },
    ];
    fakeApi({
      'GET /api/provision/status/job_1': { json: job({ type: 'custom', progress: 20 }) },
      'GET /api/provision/status/job_1/events': { sse: [] },
      'GET /api/provision/status/job_1/steps': { json: steps },
      'GET /api/demos/demo_1': { json: demo({ status: 'provisioning' }) },
    });
    const { container } = renderAt('/jobs/job_1');
    await waitFor(() => expect(container.querySelector('[data-stage="research"]')).toHaveAttribute('data-stage-status', 'completed'));
    expect(container.querySelectorAll('[data-stage]')).toHaveLength(7);
    expect(container.querySelector('[data-stage="research"]')).toHaveTextContent('353 ms');
    // the stage's telling line, not its closing "finished in" (the duration is shown beside it)
    expect(container.querySelector('[data-stage="research"] p')).toHaveTextContent(/^Blue Harbor: Insurance, 5 regions$/);
    expect(container.querySelector('[data-stage="use_cases"]')).toHaveAttribute('data-stage-status', 'running');
    expect(container.querySelector('[data-stage="use_cases"]')).toHaveTextContent('attempt 2');
    expect(container.querySelector('[data-stage="data_agent"]')).toHaveAttribute('data-stage-status', 'pending');
  });

  it('says so when the job does not exist', async () => {
    fakeApi({ 'GET /api/provision/status/job_x': problem(404, 'job job_x not found') });
    renderAt('/jobs/job_x');
    expect(await screen.findByText('Job job_x not found.')).toBeInTheDocument();
  });
});
