/**
 * The one place the UI talks to the platform: every call of the public HTTP API and the shapes it answers with.
 * Pages never call fetch themselves, so a changed shape is changed here.
 *
 * The demo-management endpoints (the compact list with its opaque keyset `next_cursor`, the dashboard,
 * pin/unpin answering {demo_id, is_pinned, pinned_at}, DELETE answering 204, clone, share links, /api/shared/*) are
 * api-service's.
 */
import { createParser } from 'eventsource-parser';
import { authHeaders, clearSession, loadSession } from './session';

// ---------------------------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------------------------

export interface FieldError {
  field: string;
  message: string;
}

export interface TemplateSummary {
  template_id: string;
  name: string;
  industry: string;
  description: string;
  table_count: number;
  total_rows: number;
  estimated_seconds: number;
  golden_query_count: number;
  tags: string[];
  /** How soon a quick start is ready: the median of recent quick provisions here, or the template's estimate. */
  ready_in: ReadyIn;
}

export interface ReadyIn {
  seconds: number;
  source: 'measured' | 'estimate';
  /** Quick provisions the median was taken over (0 for an estimate). */
  provisions: number;
}

export interface GoldenQuery {
  question: string;
  sql: string;
  complexity?: string;
  expected_result_type?: string;
}

export interface TemplateDetail extends Omit<TemplateSummary, 'golden_query_count'> {
  tables: Record<string, number>;
  golden_queries: GoldenQuery[];
  parquet_location?: string;
}

export interface Accepted {
  job_id: string;
  demo_id: string;
  status: string;
  status_url: string;
}

export interface CustomBrief {
  customer_name: string;
  industry: string;
  website?: string;
  description?: string;
  use_cases?: string[];
}

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface LogLine {
  ts: string;
  level: string;
  message: string;
}

export interface Job {
  job_id: string;
  demo_id: string | null;
  tenant_id: string;
  type: 'quick' | 'custom' | 'clone' | 'pipeline' | string;
  status: JobStatus;
  progress: number;
  current_phase: string | null;
  logs: LogLine[];
  error: string | null;
  result: ({ demo_id?: string } & Record<string, unknown>) | null;
  attempts: number;
  created_at: string;
  started_at: string | null;
  updated_at: string | null;
  completed_at: string | null;
}

export interface StepRecord {
  step_id: string;
  position: number;
  type: string;
  status: 'running' | 'completed' | 'failed' | string;
  attempts: number;
  started_at: string | null;
  ended_at: string | null;
  duration_ms: number | null;
  logs: LogLine[];
  error: string | null;
}

export interface Readiness {
  score: number;
  passed: number;
  total: number;
  failed: unknown[];
  checked_at: string;
}

export type DemoStatus = 'provisioning' | 'ready' | 'failed' | 'archived' | 'deleted';

export interface Demo {
  demo_id: string;
  tenant_id: string;
  created_by: string;
  customer_name: string;
  industry: string;
  template_id: string | null;
  dataset_id: string | null;
  agent_id: string | null;
  status: DemoStatus;
  created_at: string;
  last_used: string | null;
  is_pinned: boolean;
  pinned_at?: string | null;
  deleted_at?: string | null;
  source_demo_id?: string | null;
  golden_queries: GoldenQuery[];
  metadata: {
    table_count?: number; total_rows?: number; tables?: Record<string, number>;
    /** A custom demo's resolved industry ("Airlines"), what its design rests on, and requested use cases no knowledge serves. */
    industry_label?: string; design_basis?: string; unserved_use_cases?: string[];
  } & Record<string, unknown>;
  readiness: Readiness | null;
}

/** A compact list item of GET /api/demos. */
export interface DemoListItem {
  demo_id: string;
  customer_name: string;
  template_id: string | null;
  industry: string;
  status: DemoStatus;
  is_pinned: boolean;
  created_by: string;
  created_at: string;
  last_used: string | null;
  table_count: number;
  total_rows: number;
  readiness_score: number | null;
}

/** The longest `q` GET /api/demos accepts (a longer one is 422). */
export const MAX_DEMO_QUERY = 40;

/** What POST …/pin and …/unpin answer (pinned_at null once unpinned). */
export interface PinState {
  demo_id: string;
  is_pinned: boolean;
  pinned_at: string | null;
}

export interface DemoPage {
  demos: DemoListItem[];
  next_cursor: string | null;
}

export interface DemoFilter {
  status?: string;
  template_id?: string;
  pinned?: boolean;
  created_by?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** One user's, or the team's, figures in a period; a rate is null when no demo was created. */
export interface InsightFigures {
  demos_created: number;
  quick: number;
  custom: number;
  clones: number;
  template_usage_rate: number | null;
  reuse_rate: number | null;
  share_links_created: number;
  share_links_opened: number;
  shared_demos: number;
  sharing_rate: number | null;
  questions_asked: number;
  questions_declined: number;
}

export interface UserFigures {
  user: string;
  figures: InsightFigures;
}

export interface InsightMonth {
  /** "2026-12" */
  month: string;
  from: string;
  to: string;
  active_users: number;
  demos_per_user: number | null;
  totals: InsightFigures;
  users: UserFigures[];
}

/** GET /api/insights: the team's numbers per month (oldest first) and per user over the window, and the targets. */
export interface Insights {
  month_count: number;
  from: string;
  to: string;
  targets: { demos_per_user_per_month: number; template_usage_rate: number; reuse_rate: number; sharing_rate: number };
  months: InsightMonth[];
  users: UserFigures[];
}

export interface Dashboard {
  user: string;
  /** The caller's role in the tenant: admins also see the team insights. */
  role: 'admin' | 'member';
  stats: {
    total_demos: number;
    demos_this_month: number;
    pinned_count: number;
    by_status: Record<string, number>;
    by_template: Record<string, number>;
  };
  pinned_demos: DemoListItem[];
  recent_demos: DemoListItem[];
}

export interface ShareCreated {
  token: string;
  share_url: string;
  expires_at: string;
}

export interface ShareLink {
  token: string;
  share_url: string | null;
  expires_at: string | null;
  access_count: number;
  last_accessed: string | null;
  has_password: boolean;
  created_at: string | null;
}

/** What a share link shows: the demo without its ids or data access. */
export interface SharedDemo {
  customer_name: string;
  template_id: string | null;
  industry: string;
  tables: Record<string, number>;
  golden_questions: string[];
  readiness: number | null;
  read_only: boolean;
  shared_by: string | null;
}

export type ChatOutcome = 'golden' | 'planned' | 'declined' | string;

export interface ChatReply {
  answer: string;
  sql: string | null;
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
  chart: Record<string, unknown> | null;
  conversation_id: string;
  turn: number;
  outcome: ChatOutcome;
  follow_up_questions: string[];
}

export interface ConversationTurn extends Omit<ChatReply, 'conversation_id'> {
  question: string;
  created_at: string;
}

export interface Conversation {
  conversation_id: string;
  demo_id: string;
  created_at: string;
  updated_at: string;
  turns: ConversationTurn[];
}

export interface PipelineTriggered {
  pipeline_logging_id: string;
  pipeline_id: string;
  status: string;
  status_url: string;
  message: string;
}

export type PipelineStatus = 'PENDING' | 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface PipelineStep {
  step_id: string;
  type: string;
  status: PipelineStatus | string;
  attempts: number;
  started_at: string | null;
  ended_at: string | null;
  duration_ms: number | null;
  rows_processed: number | null;
  error: string | null;
  logs: LogLine[];
}

export interface DqResult {
  table_name: string;
  check_name: string;
  check_type: string;
  status: 'PASSED' | 'FAILED' | string;
  observed_value: string;
  expected_value: string;
  checked_at?: string;
}

export interface PipelineRun {
  pipeline_logging_id: string;
  pipeline_id: string;
  tenant_id: string;
  provider: string;
  domain: string;
  template_name: string;
  status: PipelineStatus;
  progress: number;
  current_step: string | null;
  trigger_by: string | null;
  run_date: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  error: string | null;
  steps: PipelineStep[];
  dq_results: DqResult[];
}

// ---------------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------------

/** An answer that was not 2xx: the problem+json fields when the server sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string | null;
  readonly title: string | null;
  readonly detail: string | null;
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds: number | null;

  constructor(status: number, init: { type?: string | null; title?: string | null; detail?: string | null;
    fieldErrors?: FieldError[]; retryAfterSeconds?: number | null } = {}) {
    super(init.detail || init.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = init.type ?? null;
    this.title = init.title ?? null;
    this.detail = init.detail ?? null;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** The message for one field (`use_cases[2]` counts for `use_cases`). */
  fieldMessage(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field || e.field.startsWith(field + '[')
      || e.field.startsWith(field + '.'))?.message;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The request was not understood',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Too large',
  415: 'Unsupported content type',
  422: 'Some fields need attention',
  429: 'Too many requests',
};

/** A sentence a person can read, for any error a call can throw. Never a stack or a JSON dump. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429 && error.retryAfterSeconds != null) {
      return `${error.detail ?? 'Too many attempts'}. Try again in ${error.retryAfterSeconds} s.`;
    }
    if (error.detail) return sentence(error.detail);
    if (error.title) return sentence(error.title);
    if (error.status >= 500) return `The server had a problem (HTTP ${error.status}). Try again in a moment.`;
    return `${STATUS_TEXT[error.status] ?? 'Request failed'} (HTTP ${error.status}).`;
  }
  if (error instanceof TypeError) {
    return 'The platform could not be reached. Check that it is running and try again.';
  }
  if (error instanceof DOMException && error.name === 'AbortError') return 'The request was cancelled.';
  return 'Something went wrong. Try again.';
}

function sentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : capital + '.';
}

// ---------------------------------------------------------------------------------------------------------------
// Transport
// ---------------------------------------------------------------------------------------------------------------

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => clearSession('expired');

/** What happens when a signed-in call is answered 401 (the app sends the user to sign-in). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** false for the public share-link routes and for sign-in, which bring their own credentials. */
  auth?: boolean;
  signal?: AbortSignal;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retry = response.headers.get('Retry-After');
  const retryAfterSeconds = retry && /^\d+$/.test(retry) ? Number(retry) : null;
  const text = await response.text().catch(() => '');
  try {
    const problem = JSON.parse(text) as { type?: string; title?: string; detail?: string; errors?: FieldError[] };
    if (problem && typeof problem === 'object') {
      return new ApiError(response.status, {
        type: problem.type, title: problem.title, detail: problem.detail,
        fieldErrors: Array.isArray(problem.errors) ? problem.errors.filter((e) => e && typeof e.field === 'string') : [],
        retryAfterSeconds,
      });
    }
  } catch {
    // not JSON: fall through to a generic error (the body is never shown)
  }
  return new ApiError(response.status, { retryAfterSeconds });
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? true;
  const headers: Record<string, string> = { Accept: 'application/json', ...(auth ? authHeaders() : {}), ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && auth && loadSession()) onUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

// ---------------------------------------------------------------------------------------------------------------
// Sign-in
// ---------------------------------------------------------------------------------------------------------------

/** Resolves when the platform accepts the key (the template list is the cheapest authenticated call). */
export async function verifyApiKey(apiKey: string): Promise<void> {
  await request<unknown>('GET', '/api/templates', { auth: false, headers: { 'X-API-Key': apiKey } });
}

/** True when the API already knows the caller without a key (an identity header added in front of it). */
export async function probeIdentity(): Promise<boolean> {
  try {
    await request<unknown>('GET', '/api/templates', { auth: false });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Templates and provisioning
// ---------------------------------------------------------------------------------------------------------------

export const listTemplates = (industry?: string) =>
  request<TemplateSummary[]>('GET', `/api/templates${query({ industry })}`);

export const getTemplate = (templateId: string) => request<TemplateDetail>('GET', `/api/templates/${enc(templateId)}`);

export const provisionQuick = (templateId: string, customerName?: string) =>
  request<Accepted>('POST', '/api/provision/quick', {
    body: { template_id: templateId, ...(customerName?.trim() ? { customer_name: customerName.trim() } : {}) },
  });

export const provisionCustom = (brief: CustomBrief) => request<Accepted>('POST', '/api/provision/custom', { body: brief });

export const getJob = (jobId: string) => request<Job>('GET', `/api/provision/status/${enc(jobId)}`).then(toJob);

const toJob = (job: Job): Job => ({ ...job, logs: job.logs ?? [], progress: job.progress ?? 0 });

export const getJobSteps = (jobId: string) =>
  request<StepRecord[]>('GET', `/api/provision/status/${enc(jobId)}/steps`).then((steps) =>
    (steps ?? []).map((s) => ({ ...s, logs: s.logs ?? [] })));

/**
 * Follows GET …/events (Server-Sent Events, one job document per event) until the stream ends. EventSource cannot
 * send X-API-Key, so the stream is read with fetch. Resolves with the last job seen (null if none arrived).
 */
export async function streamJob(jobId: string, onJob: (job: Job) => void, signal?: AbortSignal): Promise<Job | null> {
  const response = await fetch(`/api/provision/status/${enc(jobId)}/events`, {
    headers: { Accept: 'text/event-stream', ...authHeaders() },
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && loadSession()) onUnauthorized();
    throw error;
  }
  let last: Job | null = null;
  const parser = createParser({
    onEvent(event) {
      if (!event.data) return;
      try {
        last = toJob(JSON.parse(event.data) as Job);
      } catch {
        return; // a malformed event is skipped; the next one carries the whole document again
      }
      onJob(last);
    },
  });
  const reader = response.body?.getReader();
  if (!reader) return last;
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  return last;
}

// ---------------------------------------------------------------------------------------------------------------
// Demos
// ---------------------------------------------------------------------------------------------------------------

export const getDemo = (demoId: string) => request<Demo>('GET', `/api/demos/${enc(demoId)}`);

// ---------------------------------------------------------------------------------------------------------------
// A demo's talk track (golden questions) and its agent's system instruction
// ---------------------------------------------------------------------------------------------------------------

export interface TalkTrackItem {
  id: string;
  question: string;
  sql: string;
  complexity: string | null;
  expected_result_type: string | null;
}

export interface TalkTrackBody {
  demo_id: string;
  golden_queries: TalkTrackItem[];
  system_instruction: string | null;
  readiness: Readiness | null;
}

export type TalkTrackAdded = TalkTrackItem & { readiness: Readiness | null };

const goldenPath = (demoId: string) => `/api/demos/${enc(demoId)}/golden-queries`;

export const getTalkTrack = (demoId: string) => request<TalkTrackBody>('GET', goldenPath(demoId));

/** A chat answer (its question and the SQL that answered it) saved to the talk track. */
export const addAnswerToTalkTrack = (demoId: string, conversationId: string, turn: number) =>
  request<TalkTrackAdded>('POST', goldenPath(demoId), { body: { conversation_id: conversationId, turn } });

export const addToTalkTrack = (demoId: string, question: string, sql: string) =>
  request<TalkTrackAdded>('POST', goldenPath(demoId), { body: { question, sql } });

export const reorderTalkTrack = (demoId: string, ids: string[]) =>
  request<TalkTrackBody>('PUT', goldenPath(demoId), { body: { ids } });

export const renameGoldenQuery = (demoId: string, id: string, question: string) =>
  request<TalkTrackAdded>('PATCH', `${goldenPath(demoId)}/${enc(id)}`, { body: { question } });

export const removeGoldenQuery = (demoId: string, id: string) =>
  request<unknown>('DELETE', `${goldenPath(demoId)}/${enc(id)}`);

/** One page `{demos, next_cursor}` of the tenant's demos; `next_cursor` is null on the last page. */
export const listDemos = (filter: DemoFilter = {}) =>
  request<DemoPage>('GET', `/api/demos${query({ ...filter })}`)
    .then((page): DemoPage => ({ demos: page?.demos ?? [], next_cursor: page?.next_cursor ?? null }));

export const getDashboard = () => request<Dashboard>('GET', '/api/dashboard');

/** Tenant admins only (a member: 403); `months` 1–24, the current month and the ones before it. */
export const getInsights = (months: number) => request<Insights>('GET', `/api/insights?months=${months}`);

/** Owner only (another user of the tenant: 403); 409 for a deleted demo. */
export const pinDemo = (demoId: string) => request<PinState>('POST', `/api/demos/${enc(demoId)}/pin`);

export const unpinDemo = (demoId: string) => request<PinState>('POST', `/api/demos/${enc(demoId)}/unpin`);

export const cloneDemo = (demoId: string, newCustomerName?: string) =>
  request<Accepted>('POST', `/api/demos/${enc(demoId)}/clone`, {
    body: newCustomerName?.trim() ? { new_customer_name: newCustomerName.trim() } : {},
  });

export const deleteDemo = (demoId: string) => request<unknown>('DELETE', `/api/demos/${enc(demoId)}`);

export const createShare = (demoId: string, expiresInDays: number, password?: string) =>
  request<ShareCreated>('POST', `/api/demos/${enc(demoId)}/share`, {
    body: { expires_in_days: expiresInDays, ...(password ? { password } : {}) },
  });

type RawShare = Partial<ShareLink> & { share_token?: string; password_protected?: boolean; password?: boolean };

/** The token of a listed link: its own field, else the last segment of its share_url. */
const tokenOf = (s: RawShare): string => s.token ?? s.share_token
  ?? (s.share_url ? decodeURIComponent(s.share_url.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? '') : '');

export const listShares = (demoId: string) =>
  request<RawShare[] | { shares: RawShare[] }>('GET', `/api/demos/${enc(demoId)}/shares`).then((raw) =>
    (Array.isArray(raw) ? raw : raw?.shares ?? []).map((s): ShareLink => ({
      token: tokenOf(s),
      share_url: s.share_url ?? null,
      expires_at: s.expires_at ?? null,
      access_count: s.access_count ?? 0,
      last_accessed: s.last_accessed ?? null,
      has_password: Boolean(s.has_password ?? s.password_protected ?? s.password),
      created_at: s.created_at ?? null,
    })).filter((s) => s.token),
  );

export const revokeShare = (demoId: string, token: string) =>
  request<unknown>('DELETE', `/api/demos/${enc(demoId)}/shares/${enc(token)}`);

/** The browser address of a share link: the UI's own /shared/{token} page. */
export const shareLinkFor = (token: string) => `${window.location.origin}/shared/${enc(token)}`;

// ---------------------------------------------------------------------------------------------------------------
// Shared links (no API key; the password travels in X-Share-Password)
// ---------------------------------------------------------------------------------------------------------------

const passwordHeader = (password?: string): Record<string, string> => (password ? { 'X-Share-Password': password } : {});

/** `GET /api/shared/{token}` exactly as the server sends it (ShareService.SharedView). */
export interface SharedViewBody {
  demo: {
    customer_name: string;
    template_id: string | null;
    industry: string;
    status: string;
    tables: { name: string; row_count: number }[];
    golden_questions: string[];
    readiness: Readiness | null;
  };
  read_only: boolean;
  shared_by: string | null;
  expires_at: string | null;
}

export function toSharedDemo(raw: SharedViewBody): SharedDemo {
  const d = raw.demo;
  return {
    customer_name: d.customer_name || 'Shared demo',
    template_id: d.template_id ?? null,
    industry: d.industry ?? '',
    tables: Object.fromEntries((d.tables ?? []).map((t) => [t.name, t.row_count])),
    golden_questions: d.golden_questions ?? [],
    readiness: d.readiness?.score ?? null,
    read_only: raw.read_only,
    shared_by: raw.shared_by ?? null,
  };
}

export const getShared = (token: string, password?: string) =>
  request<SharedViewBody>('GET', `/api/shared/${enc(token)}`, {
    auth: false, headers: passwordHeader(password),
  }).then(toSharedDemo);

export const sharedChat = (token: string, message: string, conversationId?: string, password?: string) =>
  request<ChatReply>('POST', `/api/shared/${enc(token)}/chat`, {
    auth: false,
    headers: passwordHeader(password),
    body: { message, ...(conversationId ? { conversation_id: conversationId } : {}) },
  });

// ---------------------------------------------------------------------------------------------------------------
// Chat
// ---------------------------------------------------------------------------------------------------------------

export const chat = (demoId: string, message: string, conversationId?: string) =>
  request<ChatReply>('POST', '/api/chat', {
    body: { demo_id: demoId, message, ...(conversationId ? { conversation_id: conversationId } : {}) },
  });

export const getConversation = (conversationId: string) =>
  request<Conversation>('GET', `/api/chat/conversations/${enc(conversationId)}`);

// ---------------------------------------------------------------------------------------------------------------
// Tenant pipelines
// ---------------------------------------------------------------------------------------------------------------

export interface PipelineRef {
  tenantId: string;
  provider: string;
  domain: string;
  templateName: string;
}

export const runPipeline = (ref: PipelineRef, triggerBy?: string, date?: string) =>
  request<PipelineTriggered>('POST',
    `/api/v1/pipelines/run/${enc(ref.tenantId)}/${enc(ref.provider)}/${enc(ref.domain)}/${enc(ref.templateName)}`, {
      body: { ...(triggerBy?.trim() ? { trigger_by: triggerBy.trim() } : {}), ...(date ? { date } : {}) },
    });

/** Steps not started yet come as {step_id, type, status: PENDING} only; they get the other fields empty. */
const toPipelineStep = (s: Partial<PipelineStep> & { step_id: string }): PipelineStep => ({
  type: '', status: 'PENDING', attempts: 0, started_at: null, ended_at: null, duration_ms: null, rows_processed: null,
  error: null, ...s, logs: s.logs ?? [],
});

export const getPipelineRun = (runId: string) =>
  request<PipelineRun>('GET', `/api/v1/pipelines/runs/${enc(runId)}`).then((run) => ({
    ...run, steps: (run.steps ?? []).map(toPipelineStep), dq_results: run.dq_results ?? [],
  }));
