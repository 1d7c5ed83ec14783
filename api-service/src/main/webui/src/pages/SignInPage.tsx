/** Sign-in: paste the API key once; it is checked against the API and kept for this browser tab only. */
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, describeError, probeIdentity, verifyApiKey } from '../api/client';
import { saveSession, sessionExpired, tenantOfKey } from '../api/session';
import { Brand } from '../components/Layout';
import { useSession } from '../components/SessionContext';
import { Button, Card, Field, Notice, inputClass } from '../components/ui';

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = safeNext(params.get('next'));
  const [key, setKey] = useState('');
  const [reveal, setReveal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [expired] = useState(sessionExpired);

  useEffect(() => {
    if (session) {
      navigate(next, { replace: true });
      return;
    }
    // Behind an identity-aware proxy the API knows the caller without a key: then there is nothing to paste.
    let active = true;
    probeIdentity().then((known) => {
      if (active && known) saveSession({ mode: 'identity', tenantId: null });
    });
    return () => { active = false; };
  }, [session, navigate, next]);

  const submit = async () => {
    const apiKey = key.trim();
    if (!apiKey) {
      setError('Paste your API key first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await verifyApiKey(apiKey);
      saveSession({ mode: 'key', apiKey, tenantId: tenantOfKey(apiKey) ?? 'unknown' });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401
        ? 'This API key was not accepted. Check that it was copied whole and has not been revoked.'
        : describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex min-h-screen items-center justify-center bg-gradient-to-b from-indigo-50 to-slate-50 px-4 py-10">
      <div className="w-full max-w-md">
        <div className="mb-6 flex justify-center"><Brand /></div>
        <Card className="p-6 sm:p-8">
          <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
          <p className="mt-1 text-sm text-slate-600">
            Paste your tenant API key. It stays in this browser tab only and is sent with each request as
            <code className="mx-1 rounded bg-slate-100 px-1 py-0.5 text-xs">X-API-Key</code>.
          </p>
          {expired && (
            <div className="mt-4"><Notice tone="amber">The API key of this tab is no longer accepted. Sign in again.</Notice></div>
          )}
          <form className="mt-6 space-y-4" onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
            <Field label="API key" error={error ?? undefined}
              hint={<>Looks like <code>tenant_api_…</code>; <code>./platform up</code> prints the default tenant's key.</>}>
              {(props) => (
                <div className="flex gap-2">
                  <input {...props} name="api-key" type={reveal ? 'text' : 'password'} autoComplete="off" spellCheck={false}
                    autoFocus value={key} onChange={(e) => setKey(e.target.value)} className={`${inputClass} font-mono`}
                    placeholder="default_tenant_api_…" />
                  <Button variant="secondary" onClick={() => setReveal((r) => !r)} aria-pressed={reveal}>
                    {reveal ? 'Hide' : 'Show'}
                  </Button>
                </div>
              )}
            </Field>
            <Button type="submit" className="w-full" busy={busy}>Sign in</Button>
          </form>
        </Card>
        <p className="mt-4 text-center text-xs text-slate-500">
          Customer Engineers' workspace for Conversational Analytics demos.
        </p>
      </div>
    </div>
  );
}
