/**
 * Who the browser is signed in as. Two ways in:
 * - `key`: the CE pasted an API key once; it lives in sessionStorage (gone when the tab closes) and every call
 *   sends it as X-API-Key.
 * - `identity`: the API service already knows the caller without a key (in gcp mode a verified IAP identity
 *   header added by the proxy in front of it). The UI then sends no key; `probeIdentity` in the client finds out.
 */
export type Session =
  | { mode: 'key'; apiKey: string; tenantId: string }
  | { mode: 'identity'; tenantId: string | null };

const STORAGE_KEY = 'capi.session';
const EXPIRED_KEY = 'capi.session-expired';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

/** The tenant part of `{tenant_id}_api_{random}`, or null when the key does not look like one. */
export function tenantOfKey(apiKey: string): string | null {
  const at = apiKey.lastIndexOf('_api_');
  return at > 0 ? apiKey.slice(0, at) : null;
}

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    if (parsed.mode === 'key' && typeof parsed.apiKey === 'string' && parsed.apiKey) return parsed;
    if (parsed.mode === 'identity') return parsed;
    return null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  sessionStorage.removeItem(EXPIRED_KEY);
  listeners.forEach((l) => l(session));
}

/** Signs out; `expired` when the API stopped accepting the key, so sign-in can say why the user is back. */
export function clearSession(reason?: 'expired'): void {
  sessionStorage.removeItem(STORAGE_KEY);
  if (reason) sessionStorage.setItem(EXPIRED_KEY, '1');
  listeners.forEach((l) => l(null));
}

export const sessionExpired = () => sessionStorage.getItem(EXPIRED_KEY) === '1';

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The headers that authenticate a call for the current session. */
export function authHeaders(session: Session | null = loadSession()): Record<string, string> {
  return session?.mode === 'key' ? { 'X-API-Key': session.apiKey } : {};
}
