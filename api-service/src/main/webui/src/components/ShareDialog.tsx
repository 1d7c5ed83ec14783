/** Share links of a demo: create one (expiry, optional password), copy it, list the existing ones and revoke. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, createShare, listShares, revokeShare, shareLinkFor, type ShareCreated } from '../api/client';
import { formatDateTime, relativeTime } from '../lib/format';
import { CopyButton } from './CopyButton';
import { Dialog } from './Dialog';
import { Badge, Button, ErrorNote, Field, Spinner, inputClass } from './ui';

export function ShareDialog({ demoId, customerName, open, onClose }:
  { demoId: string; customerName: string; open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const [days, setDays] = useState('7');
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<ShareCreated | null>(null);
  // Fresh on every opening: the access counts change while the dialog is closed.
  const shares = useQuery({ queryKey: ['shares', demoId], queryFn: () => listShares(demoId), enabled: open, staleTime: 0 });
  const create = useMutation({
    mutationFn: () => createShare(demoId, Number(days), password || undefined),
    onSuccess: (share) => {
      setCreated(share);
      setPassword('');
      void client.invalidateQueries({ queryKey: ['shares', demoId] });
    },
  });
  const revoke = useMutation({
    mutationFn: (token: string) => revokeShare(demoId, token),
    onSuccess: () => client.invalidateQueries({ queryKey: ['shares', demoId] }),
  });
  const close = () => { setCreated(null); create.reset(); revoke.reset(); onClose(); };
  const fieldError = (f: string) => (create.error instanceof ApiError ? create.error.fieldMessage(f) : undefined);
  const daysNumber = Number(days);
  const daysInvalid = !Number.isInteger(daysNumber) || daysNumber < 1 || daysNumber > 90;

  return (
    <Dialog open={open} onClose={close} title={`Share “${customerName}”`} wide
      footer={<Button variant="secondary" onClick={close}>Done</Button>}>
      <form className="grid grid-cols-1 gap-4 sm:grid-cols-[8rem_1fr_auto] sm:items-end" noValidate
        onSubmit={(e) => { e.preventDefault(); if (!daysInvalid) create.mutate(); }}>
        <Field label="Expires after" error={fieldError('expires_in_days') ?? (daysInvalid ? '1 to 90 days' : undefined)}>
          {(p) => (
            <div className="flex items-center gap-2">
              <input {...p} name="expires_in_days" type="number" min={1} max={90} value={days}
                onChange={(e) => setDays(e.target.value)} className={`${inputClass} max-w-20`} />
              <span className="text-sm text-slate-600">days</span>
            </div>
          )}
        </Field>
        <Field label="Password (optional)" error={fieldError('password')}
          hint="Letters, digits, punctuation and inner spaces (printable ASCII); no space at the start or end.">
          {(p) => <input {...p} name="share_password" type="password" autoComplete="new-password" value={password}
            onChange={(e) => setPassword(e.target.value)} className={inputClass} placeholder="Leave empty for an open link" />}
        </Field>
        <Button type="submit" busy={create.isPending} disabled={daysInvalid}>Create link</Button>
      </form>
      {create.isError && !fieldError('expires_in_days') && !fieldError('password') && (
        <div className="mt-3"><ErrorNote error={create.error} title="The link could not be created" /></div>
      )}
      {created && (
        <div className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 p-3" data-created-share>
          <p className="text-sm font-medium text-emerald-900">Link created — it expires {formatDateTime(created.expires_at)}.</p>
          <div className="mt-2 flex gap-2">
            <input readOnly value={shareLinkFor(created.token)} aria-label="Share link" data-share-url
              className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.target.select()} />
            <CopyButton text={shareLinkFor(created.token)} label="Copy link" size="md" />
          </div>
        </div>
      )}

      <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-900">Links for this demo</h3>
      {shares.isPending ? <div className="flex items-center gap-2 text-sm text-slate-500"><Spinner className="size-4" /> Loading links…</div>
        : shares.isError ? <ErrorNote error={shares.error} title="The links could not be loaded" onRetry={() => shares.refetch()} />
          : shares.data.length === 0 ? <p className="text-sm text-slate-500">No links yet.</p> : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-share-list>
              {shares.data.map((s) => (
                <li key={s.token} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm" data-share={s.token}>
                  <span className="font-mono text-xs text-slate-600">…{s.token.slice(-8)}</span>
                  {s.has_password && <Badge tone="amber">Password</Badge>}
                  <span className="text-slate-600">{s.access_count} {s.access_count === 1 ? 'view' : 'views'}</span>
                  <span className="text-slate-500">{s.expires_at ? `expires ${relativeTime(s.expires_at)}` : ''}</span>
                  <span className="ml-auto flex gap-2">
                    <CopyButton text={shareLinkFor(s.token)} label="Copy" />
                    <Button variant="ghost" size="sm" className="text-rose-700" busy={revoke.isPending && revoke.variables === s.token}
                      onClick={() => revoke.mutate(s.token)}>Revoke</Button>
                  </span>
                </li>
              ))}
            </ul>
          )}
      {revoke.isError && <div className="mt-3"><ErrorNote error={revoke.error} title="The link could not be revoked" /></div>}
    </Dialog>
  );
}
