/**
 * A fake of the platform's HTTP API at the fetch boundary: tests declare answers per "METHOD /path" (a path
 * pattern may use :params and a trailing *), and every request is recorded with its headers and body.
 */
import { vi } from 'vitest';

export interface Recorded {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeAnswer {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** Server-Sent Events: each item is sent as one `data:` event, in chunks that split events on purpose. */
  sse?: unknown[];
}

type Handler = FakeAnswer | ((req: Recorded, params: Record<string, string>) => FakeAnswer | Promise<FakeAnswer>);

export function problem(status: number, detail: string, errors?: { field: string; message: string }[]): FakeAnswer {
  return {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
    json: { type: 'https://capi-demo.dev/problems/x', title: 'Problem', status, detail, ...(errors ? { errors } : {}) },
  };
}

function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const a = path.split('/');
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '*') return params;
    if (a[i] === undefined) return null;
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(a[i]);
    else if (p[i] !== a[i]) return null;
  }
  return p.length === a.length ? params : null;
}

function sseBody(events: unknown[]): ReadableStream<Uint8Array> {
  const text = events.map((e) => `data:${JSON.stringify(e)}\n\n`).join('');
  const bytes = new TextEncoder().encode(text);
  const cut = Math.floor(bytes.length / 3);
  const chunks = [bytes.slice(0, cut), bytes.slice(cut, cut * 2), bytes.slice(cut * 2)];
  return new ReadableStream({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(c));
      controller.close();
    },
  });
}

export function fakeApi(routes: Record<string, Handler>) {
  const calls: Recorded[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const headers: Record<string, string> = {};
    Object.entries((init.headers ?? {}) as Record<string, string>).forEach(([k, v]) => { headers[k.toLowerCase()] = v; });
    const req: Recorded = {
      method: (init.method ?? 'GET').toUpperCase(), path: url.pathname, search: url.searchParams, headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(req);
    for (const [key, handler] of Object.entries(routes)) {
      const [method, pattern] = key.split(' ');
      const params = method === req.method ? match(pattern, req.path) : null;
      if (!params) continue;
      const answer = typeof handler === 'function' ? await handler(req, params) : handler;
      const status = answer.status ?? 200;
      if (answer.sse) {
        return new Response(sseBody(answer.sse), { status, headers: { 'Content-Type': 'text/event-stream' } });
      }
      const body = status === 204 ? null : answer.text ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
      return new Response(body, { status, headers: { 'Content-Type': 'application/json', ...answer.headers } });
    }
    return new Response(JSON.stringify({ status: 404, title: 'Not Found', detail: `no fake for ${req.method} ${req.path}` }),
      { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    /** The requests to one "METHOD /path" (exact path). */
    to: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}
