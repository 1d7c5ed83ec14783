// A test double of the demo-management API (issue 11) for the browser tests, until the platform serves it: the
// browser's requests to its routes are answered here, in the shapes issue 11 specifies, and everything else goes to
// the real platform. It sits on top of the real data: the demos are the platform's (GET /api/demos lists them),
// a clone is a real quick provision of the source's template under the new name (so its job page and demo are real),
// and a viewer's question on a share link is asked through the real POST /api/chat.
//
// Routes: GET /api/dashboard, GET /api/demos?status&template_id&pinned&created_by&q&limit&cursor,
// POST /api/demos/{id}/pin|unpin|clone|share, DELETE /api/demos/{id}, GET /api/demos/{id}/shares,
// DELETE /api/demos/{id}/shares/{token}, GET /api/shared/{token} (X-Share-Password), POST /api/shared/{token}/chat.
import { randomBytes } from 'node:crypto';

const DAY = 86_400_000;

export function createDemoManagementFake({ base, apiKey }) {
  const pinned = new Map(); // demo_id -> pinned_at
  const deleted = new Map(); // demo_id -> deleted_at
  const shares = new Map(); // token -> {demo_id, password, expires_at, access_count, last_accessed, created_at, revoked}

  const api = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'X-API-Key': apiKey, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };

  const compact = (d) => ({
    demo_id: d.demo_id, customer_name: d.customer_name, template_id: d.template_id, industry: d.industry,
    status: deleted.has(d.demo_id) ? 'deleted' : d.status, is_pinned: pinned.has(d.demo_id), created_by: d.created_by,
    created_at: d.created_at, last_used: d.last_used, table_count: d.metadata?.table_count ?? 0,
    total_rows: d.metadata?.total_rows ?? 0, readiness_score: d.readiness?.score ?? null,
  });

  async function allDemos() {
    const { json } = await api('GET', '/api/demos?limit=500');
    return (json ?? []).map(compact); // newest first, as the platform lists them
  }

  async function demoOf(id) {
    const { status, json } = await api('GET', `/api/demos/${encodeURIComponent(id)}`);
    return status === 200 ? json : null;
  }

  const problem = (status, detail, extra = {}) => ({
    status, contentType: 'application/problem+json',
    body: JSON.stringify({ type: `https://capi-demo.dev/problems/fake-${status}`, title: detail, status, detail, ...extra }),
  });
  const json = (status, value) => ({ status, contentType: 'application/json', body: JSON.stringify(value) });

  function shareView(token, s) {
    return { token, share_url: `${base}/shared/${token}`, expires_at: s.expires_at, access_count: s.access_count,
      last_accessed: s.last_accessed, has_password: Boolean(s.password), created_at: s.created_at };
  }

  /** The share link's answer before its content: 404 unknown or revoked, 410 expired, 401 password. */
  function openShare(token, request) {
    const s = shares.get(token);
    if (!s || s.revoked || deleted.has(s.demo_id)) return { error: problem(404, 'This share link does not exist') };
    if (Date.parse(s.expires_at) <= Date.now()) return { error: problem(410, 'This share link has expired') };
    if (s.password && request.headers()['x-share-password'] !== s.password) {
      return { error: problem(401, 'This share link needs its password') };
    }
    return { share: s };
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
      if (method !== 'GET') return problem(405, 'Method not allowed');
      share.access_count += 1;
      share.last_accessed = new Date().toISOString();
      const d = await demoOf(share.demo_id);
      return json(200, {
        demo: {
          customer_name: d.customer_name, template_id: d.template_id, industry: d.industry, tables: d.metadata?.tables ?? {},
          golden_questions: (d.golden_queries ?? []).map((q) => q.question), readiness: d.readiness,
        },
        read_only: true, shared_by: d.created_by,
      });
    }

    if (request.headers()['x-api-key'] !== apiKey) return problem(401, 'Missing or unknown API key');

    if (path === '/api/dashboard' && method === 'GET') {
      const demos = (await allDemos()).filter((d) => d.status !== 'deleted');
      const month = new Date().toISOString().slice(0, 7);
      const count = (key) => demos.reduce((acc, d) => ({ ...acc, [d[key] ?? 'custom']: (acc[d[key] ?? 'custom'] ?? 0) + 1 }), {});
      return json(200, {
        user: demos[0]?.created_by ?? 'unknown', // the key's user, as it stamps created_by on the demos
        stats: {
          total_demos: demos.length, demos_this_month: demos.filter((d) => d.created_at.startsWith(month)).length,
          pinned_count: demos.filter((d) => d.is_pinned).length, by_status: count('status'), by_template: count('template_id'),
        },
        pinned_demos: demos.filter((d) => d.is_pinned).sort((a, b) => pinned.get(b.demo_id).localeCompare(pinned.get(a.demo_id))).slice(0, 10),
        recent_demos: demos.slice(0, 10),
      });
    }

    if (path === '/api/demos' && method === 'GET') {
      const p = url.searchParams;
      const limit = Math.min(Number(p.get('limit') ?? 50), 100);
      const start = Number(p.get('cursor') ?? 0);
      const rows = (await allDemos()).filter((d) => (!p.get('status') ? d.status !== 'deleted' : d.status === p.get('status'))
        && (!p.get('template_id') || d.template_id === p.get('template_id'))
        && (!p.get('pinned') || String(d.is_pinned) === p.get('pinned'))
        && (!p.get('created_by') || d.created_by === p.get('created_by'))
        && (!p.get('q') || d.customer_name.toLowerCase().includes(p.get('q').toLowerCase())));
      const page = rows.slice(start, start + limit);
      return json(200, { demos: page, next_cursor: start + limit < rows.length ? String(start + limit) : null });
    }

    if ((m = path.match(/^\/api\/demos\/([^/]+)(?:\/(pin|unpin|clone|share|shares))?(?:\/([^/]+))?$/))) {
      const id = decodeURIComponent(m[1]);
      const action = m[2];
      const d = await demoOf(id);
      if (!d) return problem(404, `Demo ${id} not found`);
      const gone = deleted.has(id);
      if (!action && method === 'GET') return json(200, gone ? { ...d, status: 'deleted', dataset_id: null, agent_id: null } : d);
      if (!action && method === 'DELETE') {
        if (!gone) deleted.set(id, new Date().toISOString());
        return { status: 204, body: '' };
      }
      if (gone) return problem(404, `Demo ${id} was deleted`);
      if (action === 'pin' && method === 'POST') {
        if (!pinned.has(id)) pinned.set(id, new Date().toISOString());
        return json(200, { demo_id: id, is_pinned: true, pinned_at: pinned.get(id) });
      }
      if (action === 'unpin' && method === 'POST') {
        pinned.delete(id);
        return json(200, { demo_id: id, is_pinned: false });
      }
      if (action === 'clone' && method === 'POST') {
        if (d.status !== 'ready') return problem(409, `Demo ${id} is not ready`);
        const accepted = await api('POST', '/api/provision/quick', {
          template_id: d.template_id, customer_name: body.new_customer_name || `${d.customer_name} (copy)`,
        });
        return json(accepted.status, accepted.json);
      }
      if (action === 'share' && method === 'POST') {
        const days = body.expires_in_days ?? 7;
        if (!Number.isInteger(days) || days < 1 || days > 90) {
          return problem(422, 'Some fields need attention', { errors: [{ field: 'expires_in_days', message: 'must be between 1 and 90' }] });
        }
        const token = randomBytes(32).toString('base64url');
        const now = new Date();
        shares.set(token, { demo_id: id, password: body.password || null, expires_at: new Date(now.getTime() + days * DAY).toISOString(),
          access_count: 0, last_accessed: null, created_at: now.toISOString(), revoked: false });
        return json(201, { token, share_url: `${base}/shared/${token}`, expires_at: shares.get(token).expires_at });
      }
      if (action === 'shares' && method === 'GET' && !m[3]) {
        return json(200, [...shares.entries()].filter(([, s]) => s.demo_id === id && !s.revoked).map(([t, s]) => shareView(t, s)));
      }
      if (action === 'shares' && method === 'DELETE' && m[3]) {
        const s = shares.get(decodeURIComponent(m[3]));
        if (!s || s.demo_id !== id) return problem(404, 'No such share link');
        s.revoked = true;
        return { status: 204, body: '' };
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
