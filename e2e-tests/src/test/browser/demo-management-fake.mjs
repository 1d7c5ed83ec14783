// A test double of the demo-management API (issue 11) for the browser tests, until the platform serves it: the
// browser's requests to its routes are answered here and everything else goes to the real platform. It sits on top
// of the real data: the demos are the platform's (GET /api/demos lists them), a clone is a real quick provision of
// the source's template under the new name (so its job page and demo are real), and a viewer's question on a share
// link is asked through the real POST /api/chat.
//
// It mirrors the contract as branch h-demos implements it (DemoResource, DashboardResource, DemoService, DemoCursor,
// DemoSearch, ApiProblem): compact items; newest first by (created_at, demo_id) with an opaque url-safe keyset
// cursor; limit 1-100 (default 50); status/pinned/cursor/q checked, 422 `validation-failed` naming the parameter;
// q matching the start of a word of customer_name; deleted demos left out unless asked for by status; the dashboard
// counting the caller's own demos (this month = the last 30 days, by_status with every live status at zero);
// pin/unpin owner only (403), 409 `demo-deleted`, answering {demo_id, is_pinned, pinned_at}; DELETE 204 again and
// again; 404 `demo-not-found` "No demo 'x' is visible to you". Clone and share links are not on h-demos yet: they
// follow issue 11's text (clone 202 {job_id, demo_id, status, status_url}, 409 when the source is not ready; share
// 201 {token, share_url, expires_at}, expires_in_days 1-90; GET /api/shared/{token} 404 unknown or revoked, 410
// expired, 401 password missing or wrong, 429 with Retry-After after 5 wrong passwords in a minute).
//
// Routes: GET /api/dashboard, GET /api/demos?status&template_id&pinned&created_by&q&limit&cursor,
// GET|DELETE /api/demos/{id}, POST /api/demos/{id}/pin|unpin|clone|share, GET /api/demos/{id}/shares,
// DELETE /api/demos/{id}/shares/{token}, GET /api/shared/{token} (X-Share-Password), POST /api/shared/{token}/chat.
import { randomBytes } from 'node:crypto';

const DAY = 86_400_000;
const MONTH = 30 * DAY;
const STATUSES = ['provisioning', 'ready', 'failed', 'archived', 'deleted'];
const MAX_QUERY = 40; // DemoSearch.MAX_QUERY_LENGTH
const WRONG_PASSWORDS_PER_MINUTE = 5;
const TYPE_BASE = 'https://capi-demo.dev/problems/';

/** DemoSearch.normalize: lower-case words separated by single spaces. */
const normalize = (s) => (s ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');

/** DemoCursor.encode: url-safe base64 of "v1.{epoch seconds}.{nanos}.{demo_id}". */
function encodeCursor(d) {
  const ms = Date.parse(d.created_at);
  return Buffer.from(`v1.${Math.floor(ms / 1000)}.${(ms % 1000) * 1_000_000}.${d.demo_id}`).toString('base64url');
}

/** DemoCursor.decode: {ms, id}, or null for a string this API did not make. */
function decodeCursor(s) {
  if (s.length > 200 || !/^[A-Za-z0-9_-]+$/.test(s)) return null;
  const m = Buffer.from(s, 'base64url').toString('utf8').match(/^v1\.(-?\d{1,19})\.(\d{1,9})\.([A-Za-z0-9_]{1,64})$/);
  return m ? { ms: Number(m[1]) * 1000 + Math.floor(Number(m[2]) / 1_000_000), id: m[3] } : null;
}

/** (created_at DESC, demo_id DESC), the list's order. */
const newestFirst = (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || (a.demo_id < b.demo_id ? 1 : a.demo_id > b.demo_id ? -1 : 0);

export function createDemoManagementFake({ base, apiKey }) {
  const pinned = new Map(); // demo_id -> pinned_at
  const deleted = new Map(); // demo_id -> deleted_at
  const shares = new Map(); // token -> {demo_id, password, expires_at, access_count, last_accessed, created_at, created_by, revoked}
  const wrongPasswords = new Map(); // token -> times (ms) of wrong passwords in the last minute

  const api = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'X-API-Key': apiKey, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };

  /** A demo as the real GET /api/demos/{id} answers once issue 11 is in: pin and deletion state included. */
  const full = (d) => (deleted.has(d.demo_id)
    ? { ...d, status: 'deleted', dataset_id: null, agent_id: null, deleted_at: deleted.get(d.demo_id), is_pinned: false, pinned_at: null }
    : { ...d, is_pinned: pinned.has(d.demo_id), pinned_at: pinned.get(d.demo_id) ?? null, deleted_at: null });

  const compact = (raw) => {
    const d = full(raw);
    return {
      demo_id: d.demo_id, customer_name: d.customer_name, template_id: d.template_id, industry: d.industry, status: d.status,
      is_pinned: d.is_pinned, created_by: d.created_by, created_at: d.created_at, last_used: d.last_used,
      table_count: d.metadata?.table_count ?? 0, total_rows: d.metadata?.total_rows ?? 0, readiness_score: d.readiness?.score ?? null,
    };
  };

  async function allDemos() {
    const { json } = await api('GET', '/api/demos?limit=500'); // today's list: full records
    return (json ?? []).map(compact).sort(newestFirst);
  }

  /** The caller as the platform records them on their demos (the onboarding key's user_email). */
  async function caller() {
    const demos = await allDemos();
    return demos[0]?.created_by ?? 'unknown';
  }

  async function demoOf(id) {
    const { status, json } = await api('GET', `/api/demos/${encodeURIComponent(id)}`);
    return status === 200 ? json : null;
  }

  // ApiProblem's answers: {type: TYPE_BASE + slug, title, status, detail, instance, errors?}
  const problem = (status, slug, title, detail, { errors, headers, instance } = {}) => ({
    status, contentType: 'application/problem+json', headers,
    body: JSON.stringify({ type: TYPE_BASE + slug, title, status, detail, ...(instance ? { instance } : {}), ...(errors ? { errors } : {}) }),
  });
  const invalid = (field, message) => problem(422, 'validation-failed', 'Request is invalid', `${field}: ${message}`,
    { errors: [{ field, message }] });
  const notFound = (what, id) => problem(404, `${what}-not-found`, `${what[0].toUpperCase()}${what.slice(1)} not found`,
    `No ${what} '${id}' is visible to you`);
  const forbidden = (detail) => problem(403, 'forbidden', 'Forbidden', detail);
  const conflict = (slug, detail) => problem(409, slug, 'Conflict', detail);
  const json = (status, value) => ({ status, contentType: 'application/json', body: JSON.stringify(value) });
  const noContent = () => ({ status: 204, body: '' });

  function shareView(token, s) {
    return { token, share_url: `${base}/shared/${token}`, created_at: s.created_at, expires_at: s.expires_at,
      has_password: Boolean(s.password), access_count: s.access_count, last_accessed: s.last_accessed, read_only: true };
  }

  /** A share link before its content: 404 unknown or revoked, 410 expired, 429 too many wrong passwords, 401 password. */
  function openShare(token, request) {
    const s = shares.get(token);
    if (!s || s.revoked || deleted.has(s.demo_id)) return { error: notFound('share', token.slice(0, 8) + '…') };
    if (Date.parse(s.expires_at) <= Date.now()) {
      return { error: problem(410, 'share-expired', 'Gone', `This share link expired at ${s.expires_at}`) };
    }
    if (s.password) {
      const now = Date.now();
      const recent = (wrongPasswords.get(token) ?? []).filter((t) => now - t < 60_000);
      wrongPasswords.set(token, recent);
      if (recent.length >= WRONG_PASSWORDS_PER_MINUTE) { // checked before the password, as the real API does
        const retry = Math.max(1, Math.ceil((recent[0] + 60_000 - now) / 1000));
        return { error: problem(429, 'too-many-requests', 'Too Many Requests', 'Too many wrong passwords for this share link',
          { headers: { 'Retry-After': String(retry) } }) };
      }
      const given = request.headers()['x-share-password'];
      if (given !== s.password) {
        if (given) recent.push(now);
        return { error: problem(401, 'unauthorized', 'Unauthorized',
          given ? 'The password of this share link is not right' : 'This share link needs its password (X-Share-Password)') };
      }
    }
    return { share: s };
  }

  function listPage(rows, p) {
    const limitText = p.get('limit') ?? '';
    const limit = limitText === '' ? 50 : /^\d+$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= 100)) return { error: invalid('limit', 'must be a whole number from 1 to 100') };
    const status = p.get('status') ?? '';
    if (status && !STATUSES.includes(status)) return { error: invalid('status', `must be one of ${STATUSES.join(', ')}`) };
    const pin = p.get('pinned') ?? '';
    if (pin && pin !== 'true' && pin !== 'false') return { error: invalid('pinned', 'must be true or false') };
    const text = (name, max) => {
      const v = p.get(name) ?? '';
      if (v.length > max) throw invalid(name, `must be at most ${max} characters`);
      return v.trim();
    };
    let templateId, createdBy, q;
    try {
      templateId = text('template_id', 64);
      createdBy = text('created_by', 254);
      q = normalize(text('q', MAX_QUERY));
    } catch (error) {
      return { error };
    }
    const cursorText = p.get('cursor') ?? '';
    const after = cursorText ? decodeCursor(cursorText) : null;
    if (cursorText && !after) return { error: invalid('cursor', 'is not a cursor this API returned') };
    const matching = rows.filter((d) => (status ? d.status === status : d.status !== 'deleted')
      && (!templateId || d.template_id === templateId)
      && (!pin || String(d.is_pinned) === pin)
      && (!createdBy || d.created_by === createdBy)
      && (!q || ` ${normalize(d.customer_name)}`.includes(` ${q}`))
      && (!after || Date.parse(d.created_at) < after.ms || (Date.parse(d.created_at) === after.ms && d.demo_id < after.id)));
    const page = matching.slice(0, limit);
    return { page: { demos: page, next_cursor: matching.length > limit ? encodeCursor(page.at(-1)) : null } };
  }

  async function dashboard() {
    const me = await caller();
    const mine = (await allDemos()).filter((d) => d.created_by === me && d.status !== 'deleted');
    const byStatus = Object.fromEntries(STATUSES.filter((s) => s !== 'deleted').map((s) => [s, 0]));
    const byTemplate = {};
    for (const d of mine) {
      byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
      byTemplate[d.template_id ?? 'custom'] = (byTemplate[d.template_id ?? 'custom'] ?? 0) + 1;
    }
    const since = Date.now() - MONTH;
    return json(200, {
      user: me,
      stats: {
        total_demos: mine.length, demos_this_month: mine.filter((d) => Date.parse(d.created_at) >= since).length,
        pinned_count: mine.filter((d) => d.is_pinned).length, by_status: byStatus,
        by_template: Object.fromEntries(Object.entries(byTemplate).sort(([a], [b]) => a.localeCompare(b))),
      },
      pinned_demos: mine.filter((d) => d.is_pinned).slice(0, 10),
      recent_demos: mine.slice(0, 10),
    });
  }

  async function answer(route) {
    const request = route.request();
    const url = new URL(request.url());
    const method = request.method();
    const path = url.pathname;
    const body = request.postData() ? JSON.parse(request.postData()) : {};
    let m;

    if ((m = path.match(/^\/api\/shared\/([^/]+)(\/chat)?$/))) {
      const token = decodeURIComponent(m[1]);
      const { share, error } = openShare(token, request);
      if (error) return error;
      if (m[2] && method === 'POST') {
        const reply = await api('POST', '/api/chat', {
          demo_id: share.demo_id, message: body.message, ...(body.conversation_id ? { conversation_id: body.conversation_id } : {}),
        });
        return json(reply.status, reply.json);
      }
      if (method !== 'GET') return problem(405, 'method-not-allowed', 'Method Not Allowed', `${method} is not allowed here`);
      share.access_count += 1;
      share.last_accessed = new Date().toISOString();
      const d = await demoOf(share.demo_id);
      return json(200, {
        demo: {
          customer_name: d.customer_name, template_id: d.template_id, industry: d.industry, tables: d.metadata?.tables ?? {},
          golden_questions: (d.golden_queries ?? []).map((q) => q.question), readiness: d.readiness,
        },
        read_only: true, shared_by: share.created_by,
      });
    }

    if (request.headers()['x-api-key'] !== apiKey) return problem(401, 'unauthorized', 'Unauthorized', 'missing X-API-Key header');

    if (path === '/api/dashboard' && method === 'GET') return dashboard();

    if (path === '/api/demos' && method === 'GET') {
      const { page, error } = listPage(await allDemos(), url.searchParams);
      return error ?? json(200, page);
    }

    if ((m = path.match(/^\/api\/demos\/([^/]+)(?:\/(pin|unpin|clone|share|shares))?(?:\/([^/]+))?$/))) {
      const id = decodeURIComponent(m[1]);
      const action = m[2];
      const raw = await demoOf(id);
      if (!raw) return notFound('demo', id);
      const d = full(raw);
      const me = await caller();
      const gone = d.status === 'deleted';
      if (!action && method === 'GET') return json(200, d);
      if (!action && method === 'DELETE') {
        if (d.created_by !== me) return forbidden(`only the demo's owner or a tenant admin may delete demo '${id}'`);
        if (!gone) {
          deleted.set(id, new Date().toISOString());
          pinned.delete(id);
        }
        return noContent();
      }
      if ((action === 'pin' || action === 'unpin') && method === 'POST') {
        if (d.created_by !== me) return forbidden(`only the demo's owner may ${action} demo '${id}'`);
        if (gone) return conflict('demo-deleted', `Demo '${id}' is deleted`);
        if (action === 'pin' && !pinned.has(id)) pinned.set(id, new Date().toISOString());
        if (action === 'unpin') pinned.delete(id);
        return json(200, { demo_id: id, is_pinned: pinned.has(id), pinned_at: pinned.get(id) ?? null });
      }
      if (action === 'clone' && method === 'POST') {
        if (d.status !== 'ready') return conflict('demo-not-ready', `Demo '${id}' is ${d.status}, not ready: only a ready demo can be cloned`);
        const accepted = await api('POST', '/api/provision/quick', {
          template_id: d.template_id, customer_name: body.new_customer_name || `${d.customer_name} (copy)`,
        });
        return json(accepted.status, accepted.json);
      }
      if (action === 'share' && method === 'POST') {
        if (d.created_by !== me) return forbidden(`only the demo's owner or a tenant admin may share demo '${id}'`);
        if (gone) return conflict('demo-deleted', `Demo '${id}' is deleted`);
        const days = body.expires_in_days ?? 7;
        if (!Number.isInteger(days) || days < 1 || days > 90) return invalid('expires_in_days', 'must be from 1 to 90');
        const token = randomBytes(32).toString('base64url');
        const now = new Date();
        shares.set(token, { demo_id: id, password: body.password || null, expires_at: new Date(now.getTime() + days * DAY).toISOString(),
          access_count: 0, last_accessed: null, created_at: now.toISOString(), created_by: me, revoked: false });
        return json(201, { token, share_url: `${base}/shared/${token}`, expires_at: shares.get(token).expires_at });
      }
      if (action === 'shares' && method === 'GET' && !m[3]) {
        if (d.created_by !== me) return forbidden(`only the demo's owner or a tenant admin may list the links of demo '${id}'`);
        return json(200, [...shares.entries()].filter(([, s]) => s.demo_id === id && !s.revoked)
          .sort(([, a], [, b]) => b.created_at.localeCompare(a.created_at)).map(([t, s]) => shareView(t, s)));
      }
      if (action === 'shares' && method === 'DELETE' && m[3]) {
        if (d.created_by !== me) return forbidden(`only the demo's owner or a tenant admin may revoke links of demo '${id}'`);
        const s = shares.get(decodeURIComponent(m[3]));
        if (!s || s.demo_id !== id) return notFound('share', decodeURIComponent(m[3]).slice(0, 8) + '…');
        s.revoked = true;
        return noContent();
      }
    }
    return null; // not a demo-management route: the platform answers it
  }

  return {
    /** Answers the demo-management routes of every page of `context`; the rest reaches the platform. */
    async install(context) {
      await context.route((url) => url.origin === base && /^\/api\/(dashboard|shared\/|demos(\/|$))/.test(url.pathname), async (route) => {
        const fulfilled = await answer(route);
        return fulfilled ? route.fulfill(fulfilled) : route.fallback();
      });
    },
    /** Moves a link's expiry into the past (the real API's expiry is tested with an injected clock). */
    expire(token) {
      const s = shares.get(token);
      if (s) s.expires_at = new Date(Date.now() - 1000).toISOString();
    },
  };
}
