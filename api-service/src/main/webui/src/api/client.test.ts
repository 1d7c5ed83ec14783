import { describe, expect, it, vi } from 'vitest';
import { fakeApi, problem } from '../test/fakeApi';
import { job } from '../test/fixtures';
import {
  ApiError, createShare, describeError, getShared, listDemos, listShares, listTemplates, provisionCustom, setUnauthorizedHandler,
  sharedChat, streamJob, toSharedDemo, verifyApiKey,
} from './client';
import { loadSession, saveSession, tenantOfKey } from './session';

const signIn = () => saveSession({ mode: 'key', apiKey: 'acme_api_secret', tenantId: 'acme' });

describe('the API client', () => {
  it('sends the session key as X-API-Key on authenticated calls', async () => {
    signIn();
    const api = fakeApi({ 'GET /api/templates': { json: [] } });
    await listTemplates('Retail & E-commerce');
    expect(api.calls[0].headers['x-api-key']).toBe('acme_api_secret');
    expect(api.calls[0].search.get('industry')).toBe('Retail & E-commerce');
  });

  it('checks a key being signed in with that key, not the session', async () => {
    const api = fakeApi({ 'GET /api/templates': problem(401, 'unknown or revoked API key') });
    await expect(verifyApiKey('bad_api_key')).rejects.toMatchObject({ status: 401 });
    expect(api.calls[0].headers['x-api-key']).toBe('bad_api_key');
  });

  it('sends no API key to share links, and the share password in X-Share-Password', async () => {
    signIn();
    const api = fakeApi({
      'GET /api/shared/:token': { json: { demo: { customer_name: 'Acme', template_id: null, industry: 'Retail', status: 'ready', tables: [], golden_questions: [], readiness: null }, read_only: true, shared_by: 'ce@acme.test', expires_at: null } },
      'POST /api/shared/:token/chat': { json: { answer: 'ok' } },
    });
    await getShared('tok/en', 'pw');
    await sharedChat('tok/en', 'How many?', 'conv_1', 'pw');
    expect(api.calls[0].path).toBe('/api/shared/tok%2Fen');
    expect(api.calls.every((c) => c.headers['x-api-key'] === undefined)).toBe(true);
    expect(api.calls.every((c) => c.headers['x-share-password'] === 'pw')).toBe(true);
    expect(api.calls[1].body).toEqual({ message: 'How many?', conversation_id: 'conv_1' });
  });

  it('turns problem+json into an ApiError with its field errors', async () => {
    signIn();
    fakeApi({
      'POST /api/provision/custom': problem(422, 'customer_name: must not be blank', [
        { field: 'customer_name', message: 'must not be blank' }, { field: 'use_cases[1]', message: 'must not be blank' }]),
    });
    const error = await provisionCustom({ customer_name: '', industry: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(422);
    expect(e.fieldMessage('customer_name')).toBe('must not be blank');
    expect(e.fieldMessage('use_cases')).toBe('must not be blank');
    expect(e.fieldMessage('industry')).toBeUndefined();
  });

  it('describes errors as sentences, never as the raw body', async () => {
    signIn();
    fakeApi({
      'GET /api/templates': { status: 502, text: '<html><body>Bad Gateway</body></html>', headers: { 'Content-Type': 'text/html' } },
      'GET /api/shared/:token': { ...problem(429, 'too many wrong passwords for this link'), headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '42' } },
    });
    const gateway = await listTemplates().catch((e: unknown) => e);
    expect(describeError(gateway)).toBe('The server had a problem (HTTP 502). Try again in a moment.');
    const limited = await getShared('t', 'wrong').catch((e: unknown) => e);
    expect(describeError(limited)).toBe('too many wrong passwords for this link. Try again in 42 s.');
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/could not be reached/);
    expect(describeError(new ApiError(404, { detail: 'demo demo_x not found' }))).toBe('Demo demo_x not found.');
  });

  it('tells the app when a signed-in call is answered 401', async () => {
    signIn();
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    fakeApi({ 'GET /api/templates': problem(401, 'unknown or revoked API key') });
    await expect(listTemplates()).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('reads the job stream event by event, even when events are split across chunks', async () => {
    signIn();
    const versions = [job({ progress: 20 }), job({ progress: 60, current_phase: 'verifying' }), job({ progress: 100, status: 'completed' })];
    const api = fakeApi({ 'GET /api/provision/status/:id/events': { sse: versions } });
    const seen: number[] = [];
    const last = await streamJob('job_1', (j) => seen.push(j.progress));
    expect(seen).toEqual([20, 60, 100]);
    expect(last?.status).toBe('completed');
    expect(api.calls[0].headers['x-api-key']).toBe('acme_api_secret');
    expect(api.calls[0].headers.accept).toBe('text/event-stream');
  });

  it('asks for a page of demos with the filters and the cursor', async () => {
    signIn();
    const api = fakeApi({ 'GET /api/demos': { json: { demos: [], next_cursor: 'c2' } } });
    const page = await listDemos({ status: 'ready', pinned: true, q: 'acme', limit: 20, cursor: 'c1', template_id: undefined });
    expect(page.next_cursor).toBe('c2');
    const s = api.calls[0].search;
    expect(Object.fromEntries(s)).toEqual({ status: 'ready', pinned: 'true', q: 'acme', limit: '20', cursor: 'c1' });
  });

  it('creates a share link with its expiry and only a given password', async () => {
    signIn();
    const api = fakeApi({ 'POST /api/demos/:id/share': { status: 201, json: { token: 't', share_url: '/shared/t', expires_at: 'x' } } });
    await createShare('demo_1', 7);
    await createShare('demo_1', 30, 'secret');
    expect(api.calls.map((c) => c.body)).toEqual([{ expires_in_days: 7 }, { expires_in_days: 30, password: 'secret' }]);
  });

  it('lists share links whether the API answers an array or {shares}', async () => {
    signIn();
    fakeApi({ 'GET /api/demos/a/shares': { json: [{ token: 't1', access_count: 2, has_password: true }] },
      'GET /api/demos/b/shares': { json: { shares: [{ share_token: 't2', password_protected: false }] } } });
    expect((await listShares('a'))[0]).toMatchObject({ token: 't1', access_count: 2, has_password: true });
    expect((await listShares('b'))[0]).toMatchObject({ token: 't2', access_count: 0, has_password: false });
  });

  it("takes a listed link's token from its share_url when the item has no token field", async () => {
    signIn();
    fakeApi({ 'GET /api/demos/c/shares': { json: [{ share_id: 'share_ab', share_url: 'http://h/shared/Tok-_9?x=1', access_count: 1 },
      { share_id: 'share_cd', share_url: null }] } });
    expect(await listShares('c')).toEqual([expect.objectContaining({ token: 'Tok-_9', access_count: 1 })]);
  });

  it('reads the compact page of GET /api/demos with its cursor', async () => {
    signIn();
    fakeApi({ 'GET /api/demos': (req) => (req.search.get('cursor') === 'c1'
      ? { json: { demos: [{ demo_id: 'demo_2' }], next_cursor: null } }
      : { json: { demos: [{ demo_id: 'demo_1' }], next_cursor: 'c1' } }) });
    expect(await listDemos()).toEqual({ demos: [{ demo_id: 'demo_1' }], next_cursor: 'c1' });
    expect(await listDemos({ cursor: 'c1' })).toEqual({ demos: [{ demo_id: 'demo_2' }], next_cursor: null });
  });

  it('reads a shared demo in the shape the server sends: tables as {name, row_count}, readiness as an object', () => {
    expect(toSharedDemo({ demo: { customer_name: 'A', template_id: 'shopify', industry: 'Retail', status: 'ready',
      tables: [{ name: 'orders', row_count: 10 }, { name: 'customers', row_count: 5 }], golden_questions: ['Q1'],
      readiness: { score: 95, passed: 19, total: 20, failed: [], checked_at: '2026-01-01T00:00:00Z' } },
      read_only: true, shared_by: 'ce', expires_at: null }))
      .toEqual({ customer_name: 'A', template_id: 'shopify', industry: 'Retail', tables: { orders: 10, customers: 5 },
        golden_questions: ['Q1'], readiness: 95, read_only: true, shared_by: 'ce' });
    expect(toSharedDemo({ demo: { customer_name: 'B', template_id: null, industry: 'SaaS', status: 'ready', tables: [],
      golden_questions: [], readiness: null }, read_only: true, shared_by: null, expires_at: null }))
      .toMatchObject({ template_id: null, tables: {}, readiness: null });
  });
});

describe('the session', () => {
  it('takes the tenant from the key and keeps the key in sessionStorage only', () => {
    expect(tenantOfKey('default_tenant_api_8Xw4Gg1or0M-w2nr')).toBe('default_tenant');
    expect(tenantOfKey('garbage')).toBeNull();
    signIn();
    expect(loadSession()).toMatchObject({ mode: 'key', tenantId: 'acme' });
    expect(JSON.stringify(localStorage)).not.toContain('acme_api_secret');
  });
});
