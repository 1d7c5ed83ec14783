import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LogLine, StepRecord } from '../api/client';
import { fakeApi } from '../test/fakeApi';
import { demo, job } from '../test/fixtures';
import { renderAt } from '../test/render';
import { basisFromSteps, headline, industryFromSteps } from './DesignBasis';

const log = (message: string): LogLine => ({ ts: '2026-12-03T11:37:33Z', level: 'INFO', message });
const step = (step_id: string, position: number, messages: string[]): StepRecord => ({
  step_id, position, type: `demo_${step_id}`, status: 'completed', attempts: 1, started_at: null, ended_at: null,
  duration_ms: 12, logs: messages.map(log), error: null,
});

const AIRLINE = 'Designed from the knowledge of Airlines. Use cases no knowledge serves: pilot fatigue scoring (pointed at the closest tables).';
const COMPOSED = "No knowledge for 'ski resorts'; composed from the brief with generic building blocks (customers, locations, staff,"
  + ' products, sales) and tables named after its use cases. Use cases no knowledge serves: lift ticket sales, snowmaking costs'
  + ' (composed from their wording).';

describe('the design basis', () => {
  it('reads the research stage: the knowledge used or the composition, the industry and the unserved use cases', () => {
    const steps = [
      step('research', 0, ['research: SkyBridge Airlines: Airlines, 5 regions, currency USD', `research: ${AIRLINE}`]),
      step('use_cases', 1, ['use_cases: Use cases no industry knowledge serves: pilot fatigue scoring']),
    ];
    expect(basisFromSteps(steps)).toEqual({ text: AIRLINE, unserved: ['pilot fatigue scoring'] });
    expect(industryFromSteps(steps)).toBe('Airlines');
    expect(headline(AIRLINE)).toBe('Knowledge for Airlines');
    expect(headline(COMPOSED)).toBe("Composed from the brief; no knowledge for 'ski resorts'");
    expect(basisFromSteps([step('research', 0, ['research: Acme: Retail, 5 regions, currency USD'])])).toBeNull();
  });

  it('shows on the demo page the resolved industry, the knowledge it rests on and the use cases no knowledge serves', async () => {
    fakeApi({ 'GET /api/demos/demo_1': { json: demo({ template_id: null, industry: 'airline', customer_name: 'SkyBridge Airlines',
      metadata: { table_count: 9, total_rows: 190000, tables: { flights: 40000 }, industry_label: 'Airlines',
        design_basis: AIRLINE, unserved_use_cases: ['pilot fatigue scoring'] } }) } });
    const { container } = renderAt('/demos/demo_1');
    expect(await screen.findByRole('heading', { name: 'SkyBridge Airlines' })).toBeInTheDocument();
    expect(container.querySelector('[data-industry]')).toHaveTextContent(/^Airlines$/);
    const basis = container.querySelector('[data-design-basis]');
    expect(basis).toHaveAttribute('data-design-basis', 'knowledge');
    expect(basis).toHaveTextContent('Knowledge for Airlines');
    expect(container.querySelector('[data-unserved]')).toHaveTextContent('pilot fatigue scoring');
  });

  it('says on the job page, while it runs, that a design was composed from the brief and for which use cases', async () => {
    const steps = [
      step('research', 0, ['research: Alpine Crest: ski resorts, 7 regions, currency EUR', `research: ${COMPOSED}`]),
      step('use_cases', 1, ['use_cases: Use cases no industry knowledge serves: lift ticket sales, snowmaking costs']),
    ];
    fakeApi({
      'GET /api/provision/status/job_1': { json: job({ type: 'custom', progress: 30 }) },
      'GET /api/provision/status/job_1/events': { sse: [] },
      'GET /api/provision/status/job_1/steps': { json: steps },
      'GET /api/demos/demo_1': { json: demo({ status: 'provisioning', template_id: null, industry: 'ski resorts', metadata: {} }) },
    });
    const { container } = renderAt('/jobs/job_1');
    await waitFor(() => expect(container.querySelector('[data-design-basis]')).toHaveAttribute('data-design-basis', 'composed'));
    expect(container.querySelector('[data-design-basis]')).toHaveTextContent("Composed from the brief; no knowledge for 'ski resorts'");
    expect(container.querySelector('[data-design-basis]')).toHaveTextContent('Built with generic building blocks');
    expect(container.querySelector('[data-unserved]')).toHaveTextContent('lift ticket sales');
    expect(container.querySelector('[data-unserved]')).toHaveTextContent('snowmaking costs');
    expect(container.querySelector('[data-industry]')).toHaveTextContent(/^ski resorts$/);
  });

  it('shows nothing of the kind for a template demo', async () => {
    fakeApi({ 'GET /api/demos/demo_1': { json: demo() } });
    const { container } = renderAt('/demos/demo_1');
    expect(await screen.findByRole('heading', { name: 'Northwind' })).toBeInTheDocument();
    expect(container.querySelector('[data-design-basis]')).toBeNull();
    expect(container.querySelector('[data-industry]')).toHaveTextContent('Retail & E-commerce');
  });
});
