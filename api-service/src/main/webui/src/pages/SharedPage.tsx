/** A demo opened from a share link: no API key; a password when the link has one; read-only, with chat. */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { ApiError, describeError, getShared, sharedChat, type SharedDemo } from '../api/client';
import { ChatPanel } from '../components/ChatPanel';
import { DemoLayout } from '../components/DemoLayout';
import { DownloadRecap } from '../components/DownloadRecap';
import { Brand } from '../components/Layout';
import { ReadinessBadge } from '../components/ReadinessBadge';
import { TablesList } from '../components/TablesList';
import { TalkTrack } from '../components/TalkTrack';
import { useChat } from '../components/useChat';
import { Badge, Button, Card, Field, Loading, inputClass } from '../components/ui';
import { formatCount } from '../lib/format';

function Frame({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <Brand />
          <Badge><span className="hidden sm:inline">Shared demo · read-only</span><span className="sm:hidden">Read-only</span></Badge>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </div>
  );
}

function Message({ title, children, code }: { title: string; children: ReactNode; code: string }) {
  return (
    <div className="mx-auto mt-10 max-w-md text-center" data-shared-state={code}>
      <p className="text-5xl font-semibold text-slate-300">{code}</p>
      <h1 className="mt-3 text-xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{children}</p>
    </div>
  );
}

/** `error`: why the last password did not open the link (wrong, or too many attempts: 429 with Retry-After). */
function PasswordForm({ error, onSubmit }: { error?: string; onSubmit: (password: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <Card className="mx-auto mt-10 max-w-md p-6" data-shared-state="password">
      <h1 className="text-lg font-semibold text-slate-900">This demo is protected</h1>
      <p className="mt-1 text-sm text-slate-600">Enter the password you were given with the link.</p>
      <form className="mt-5 space-y-4" onSubmit={(e) => { e.preventDefault(); if (value) onSubmit(value); }}>
        <Field label="Password" error={error}>
          {(p) => <input {...p} name="password" type="password" autoFocus autoComplete="off" value={value}
            onChange={(e) => setValue(e.target.value)} className={inputClass} />}
        </Field>
        <Button type="submit" className="w-full" disabled={!value}>Open the demo</Button>
      </form>
    </Card>
  );
}

function SharedView({ token, demo, password }: { token: string; demo: SharedDemo; password?: string }) {
  const ask = useCallback((message: string, conversationId?: string) => sharedChat(token, message, conversationId, password),
    [token, password]);
  const conversation = useChat(ask);
  return (
    <>
      <div className="mb-6">
        <p className="text-sm text-slate-500">{demo.shared_by ? `Shared by ${demo.shared_by}` : 'Shared demo'}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900" data-shared-title>{demo.customer_name}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {demo.industry && <Badge tone="indigo">{demo.industry}</Badge>}
          {demo.template_id && <Badge>{demo.template_id}</Badge>}
          <ReadinessBadge score={demo.readiness} />
        </div>
      </div>
      <DemoLayout talkTrackTitle="Questions to try"
        talkTrack={<TalkTrack questions={demo.golden_questions} onAsk={conversation.send} disabled={conversation.pending} />}
        tablesNote={`${formatCount(Object.values(demo.tables).reduce((a, b) => a + b, 0))} rows`}
        tables={<TablesList tables={demo.tables} />}
        chatAction={<DownloadRecap title={demo.template_id ? `${demo.template_id} demo` : 'Shared demo'} customer={demo.customer_name}
          industry={demo.industry} turns={conversation.turns} />}
        chat={<ChatPanel turns={conversation.turns} pending={conversation.pending} onAsk={conversation.send} />} />
    </>
  );
}

export function SharedPage() {
  const { token = '' } = useParams();
  // Every submitted password is a new attempt, even the same one again (after a 429's wait, say).
  const [{ password, attempt }, setTry] = useState<{ password?: string; attempt: number }>({ attempt: 0 });
  const submit = (value: string) => setTry((t) => ({ password: value, attempt: t.attempt + 1 }));
  const shared = useQuery({ queryKey: ['shared', token, attempt], queryFn: () => getShared(token, password), retry: false,
    staleTime: Infinity, refetchOnWindowFocus: false });

  let body: ReactNode;
  if (shared.isPending) body = <Loading label="Opening the shared demo…" />;
  else if (shared.isError) {
    const e = shared.error;
    const status = e instanceof ApiError ? e.status : 0;
    if (status === 401) {
      body = <PasswordForm key={attempt} onSubmit={submit}
        error={password !== undefined ? 'That password is not right. Try again.' : undefined} />;
    } else if (status === 429 && password !== undefined) {
      // Too many wrong passwords for this link in a minute: the form stays, saying when to try again.
      const wait = e instanceof ApiError && e.retryAfterSeconds != null ? ` in ${e.retryAfterSeconds} seconds` : ' in a minute';
      body = <PasswordForm key={attempt} onSubmit={submit}
        error={`Too many wrong passwords for this link. Try again${wait}.`} />;
    } else if (status === 410) body = <Message code="410" title="This link has expired">Ask the person who shared it for a new link.</Message>;
    else if (status === 404) body = <Message code="404" title="This link does not exist">It may have been revoked, or the address is incomplete.</Message>;
    else if (status === 429) body = <Message code="429" title="Too many attempts">{describeError(e)}</Message>;
    else body = <Message code="!" title="The demo could not be opened">{describeError(e)}</Message>;
  } else body = <SharedView token={token} demo={shared.data} password={password} />;

  return <Frame>{body}</Frame>;
}
