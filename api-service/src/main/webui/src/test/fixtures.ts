/** Answers shaped like the platform's (copied from a running platform, shortened). */
import type { ChatReply, Demo, DemoListItem, InsightFigures, Insights, Job, PipelineRun, TemplateDetail, TemplateSummary } from '../api/client';

export const templates: TemplateSummary[] = [
  { template_id: 'shopify', name: 'Shopify E-commerce Analytics', industry: 'Retail & E-commerce', description: 'Orders, customers and refunds.',
    table_count: 15, total_rows: 145000, estimated_seconds: 45, golden_query_count: 22, tags: ['retail', 'ecommerce'],
    ready_in: { seconds: 1, source: 'measured', provisions: 12 } },
  { template_id: 'banking', name: 'Retail Banking Analytics', industry: 'Financial Services', description: 'Accounts and loans.',
    table_count: 7, total_rows: 110224, estimated_seconds: 40, golden_query_count: 16, tags: ['banking'],
    ready_in: { seconds: 40, source: 'estimate', provisions: 0 } },
];

export const shopifyDetail: TemplateDetail = {
  ...templates[0], tables: { customers: 80000, orders: 11000, refunds: 450 },
  golden_queries: [
    { question: 'How many orders were placed in 2024?', sql: 'SELECT count(*) AS orders_2024 FROM orders', complexity: 'simple', expected_result_type: 'single_value' },
    { question: 'What was gross revenue by month in 2024?', sql: 'SELECT month, gross_revenue FROM m', complexity: 'simple', expected_result_type: 'time_series' },
  ],
};

export function job(over: Partial<Job> = {}): Job {
  return {
    job_id: 'job_1', demo_id: 'demo_1', tenant_id: 'acme', type: 'quick', status: 'running', progress: 10,
    current_phase: 'loading_tables', logs: [{ ts: '2026-12-03T11:37:32.527Z', level: 'INFO', message: 'Job accepted and queued' }],
    error: null, result: null, attempts: 1, created_at: '2026-12-03T11:37:32.527Z', started_at: null, updated_at: null,
    completed_at: null, ...over,
  };
}

export function demo(over: Partial<Demo> = {}): Demo {
  return {
    demo_id: 'demo_1', tenant_id: 'acme', created_by: 'ce@acme.test', customer_name: 'Northwind', industry: 'Retail & E-commerce',
    template_id: 'shopify', dataset_id: 'demo_1', agent_id: 'agent_demo_1', status: 'ready', created_at: '2026-12-03T11:37:32.527Z',
    last_used: '2026-12-03T11:37:32.527Z', is_pinned: false, golden_queries: shopifyDetail.golden_queries,
    metadata: { table_count: 3, total_rows: 91450, tables: shopifyDetail.tables },
    readiness: { score: 100, passed: 22, total: 22, failed: [], checked_at: '2026-12-03T11:37:36Z' }, ...over,
  };
}

/** POST /api/demos/{id}/pin and …/unpin as api-service answers them. */
export const pinState = (demoId: string, pinned: boolean) =>
  ({ demo_id: demoId, is_pinned: pinned, pinned_at: pinned ? '2026-12-03T12:00:00Z' : null });

export function listItem(i: number, over: Partial<DemoListItem> = {}): DemoListItem {
  return {
    demo_id: `demo_${i}`, customer_name: `Customer ${i}`, template_id: 'shopify', industry: 'Retail & E-commerce', status: 'ready',
    is_pinned: false, created_by: 'ce@acme.test', created_at: '2026-12-01T10:00:00Z', last_used: '2026-12-02T10:00:00Z',
    table_count: 15, total_rows: 145000, readiness_score: 95, ...over,
  };
}

/** GET /api/dashboard as api-service answers it: the caller's own demos; by_status has every live status, zero too. */
export const dashboard = {
  user: 'ce@acme.test',
  role: 'admin',
  stats: { total_demos: 25, demos_this_month: 7, pinned_count: 1,
    by_status: { provisioning: 0, ready: 24, failed: 1, archived: 0 }, by_template: { shopify: 25 } },
  pinned_demos: [listItem(1, { customer_name: 'Pinned Co', is_pinned: true })],
  recent_demos: [listItem(2, { customer_name: 'Recent Co' })],
};

const chartSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  data: { values: [{ month: '2024-01-01', gross_revenue: 30900.84 }, { month: '2024-02-01', gross_revenue: 29006.05 },
    { month: '2024-03-01', gross_revenue: 34821.81 }] },
  mark: { type: 'line', tooltip: true, point: true },
  encoding: { x: { field: 'month', type: 'temporal' }, y: { field: 'gross_revenue', type: 'quantitative' } },
  width: 400,
};

export const answers: Record<'value' | 'table' | 'chart' | 'declined', ChatReply> = {
  value: {
    answer: 'This is one of the demo\'s golden questions, answered with its curated SQL. Orders 2024: 3,270.',
    sql: 'SELECT count(*) AS orders_2024 FROM orders', columns: ['orders_2024'], rows: [[3270]], truncated: false, chart: null,
    conversation_id: 'conv_1', turn: 1, outcome: 'golden', follow_up_questions: ['What was gross revenue by month in 2024?'],
  },
  table: {
    answer: 'Top customers by spend.', sql: 'SELECT name, spend FROM customers ORDER BY spend DESC',
    columns: ['name', 'spend'], rows: Array.from({ length: 100 }, (_, i) => [`Customer ${i}`, 1000 - i]), truncated: true,
    chart: null, conversation_id: 'conv_1', turn: 2, outcome: 'planned', follow_up_questions: [],
  },
  chart: {
    answer: 'It returns 3 rows.', sql: 'SELECT month, gross_revenue FROM m', columns: ['month', 'gross_revenue'],
    rows: [['2024-01-01', 30900.84], ['2024-02-01', 29006.05], ['2024-03-01', 34821.81]], truncated: false, chart: chartSpec,
    conversation_id: 'conv_1', turn: 3, outcome: 'golden', follow_up_questions: ['Which cities generated the most revenue?'],
  },
  declined: {
    answer: 'I can\'t answer that with confidence from this demo\'s data: I don\'t know what "joke" refers to in this dataset. '
      + 'I only answer from the data and never guess numbers. Here are questions I can answer:\n'
      + '- How many orders were placed in 2024?\n- What was gross revenue by month in 2024?',
    sql: null, columns: [], rows: [], truncated: false, chart: null, conversation_id: 'conv_1', turn: 4, outcome: 'declined',
    follow_up_questions: ['How many orders were placed in 2024?', 'What was gross revenue by month in 2024?'],
  },
};

/** GET /api/v1/pipelines/runs/{id} of the billing sample: two steps done, one pending, one DQ check failed. */
export const pipelineRun = (over: Partial<PipelineRun> = {}): PipelineRun => ({
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

const figures = (demos: number, over: Partial<InsightFigures> = {}): InsightFigures => ({
  demos_created: demos, quick: demos, custom: 0, clones: 0, template_usage_rate: demos ? 1 : null,
  reuse_rate: demos ? 0 : null, share_links_created: 0, share_links_opened: 0, shared_demos: 0,
  sharing_rate: demos ? 0 : null, questions_asked: 0, questions_declined: 0, ...over,
});

/** GET /api/insights?months=3 as api-service answers it for a team of two. */
export const insights: Insights = {
  month_count: 3,
  from: '2026-10-01T00:00:00Z',
  to: '2027-01-01T00:00:00Z',
  targets: { demos_per_user_per_month: 25, template_usage_rate: 0.7, reuse_rate: 0.5, sharing_rate: 0.4 },
  months: [
    { month: '2026-10', from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z', active_users: 0, demos_per_user: null,
      totals: figures(0), users: [] },
    { month: '2026-11', from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', active_users: 1, demos_per_user: 4,
      totals: figures(4, { quick: 2, custom: 1, clones: 1, template_usage_rate: 0.5, reuse_rate: 0.25, shared_demos: 2,
        sharing_rate: 0.5, share_links_created: 3, share_links_opened: 2, questions_asked: 10, questions_declined: 2 }),
      users: [] },
    { month: '2026-12', from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z', active_users: 2, demos_per_user: 30,
      totals: figures(60, { quick: 50, clones: 10, template_usage_rate: 50 / 60, reuse_rate: 10 / 60 }), users: [] },
  ],
  users: [
    { user: 'ce@acme.test', figures: figures(40, { quick: 30, clones: 10, template_usage_rate: 0.75, reuse_rate: 0.25, questions_asked: 10, questions_declined: 2 }) },
    { user: 'admin@acme.test', figures: figures(0) },
  ],
};
