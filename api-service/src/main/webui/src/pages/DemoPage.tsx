/** A demo, ready to present: readiness, tables, the talk track and the chat with its agent. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { chat, getConversation, getDemo, getTalkTrack, type Conversation, type Demo } from '../api/client';
import { awaitingRescore } from '../api/rescore';
import { AddToTalkTrack } from '../components/AddToTalkTrack';
import { ChatPanel } from '../components/ChatPanel';
import { DemoActions } from '../components/DemoActions';
import { DemoLayout } from '../components/DemoLayout';
import { DesignBasis } from '../components/DesignBasis';
import { DownloadRecap } from '../components/DownloadRecap';
import { ReadinessBadge } from '../components/ReadinessBadge';
import { TablesList } from '../components/TablesList';
import { TalkTrack } from '../components/TalkTrack';
import { TalkTrackEditor } from '../components/TalkTrackEditor';
import { useChat, type Turn } from '../components/useChat';
import { useSignedInUser } from '../components/useDashboard';
import { Badge, Card, ErrorNote, Loading, Notice, PageHeader, StatusBadge } from '../components/ui';
import { formatCount, relativeTime } from '../lib/format';

const turnsOf = (c: Conversation | undefined): Turn[] =>
  (c?.turns ?? []).map((t) => ({ question: t.question, answer: t }));

/** `mine`: the caller owns the demo (or the server does not say who the caller is), so may curate its talk track. */
function Workspace({ demo, history, mine }: { demo: Demo; history?: Conversation; mine: boolean }) {
  const [, setParams] = useSearchParams();
  const ask = useCallback((message: string, conversationId?: string) => chat(demo.demo_id, message, conversationId), [demo.demo_id]);
  const onConversation = useCallback((id: string) => setParams({ c: id }, { replace: true }), [setParams]);
  const conversation = useChat(ask, { initialTurns: turnsOf(history), conversationId: history?.conversation_id, onConversation });
  const ready = demo.status === 'ready';
  const reason = demo.status === 'provisioning' ? 'The demo is still being provisioned…'
    : `This demo is ${demo.status}; its agent cannot answer.`;
  const tables = demo.metadata.tables ?? {};
  const [editing, setEditing] = useState(false);
  const track = useQuery({ queryKey: ['talk-track', demo.demo_id], queryFn: () => getTalkTrack(demo.demo_id),
    enabled: mine && ready, retry: false });
  const items = track.data?.golden_queries;
  const normalized = (sql: string) => sql.trim().replace(/;+$/, '').trim();
  const trackSql = new Set((items ?? []).map((q) => normalized(q.sql)));
  const answerAction = (mine && ready && items && conversation.conversationId)
    ? (turn: Turn) => (turn.answer && turn.answer.sql && turn.answer.outcome !== 'declined' && turn.answer.rows.length > 0
      ? <AddToTalkTrack demoId={demo.demo_id} conversationId={conversation.conversationId!} turn={turn.answer.turn}
          inTrack={trackSql.has(normalized(turn.answer.sql))} />
      : null)
    : undefined;

  return (
    <DemoLayout
      talkTrackAction={items && (
        <button type="button" aria-pressed={editing} onClick={() => setEditing((e) => !e)} data-edit-talk-track
          className="rounded text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
          {editing ? 'Done' : 'Edit'}
        </button>
      )}
      talkTrack={items
        ? <TalkTrackEditor demoId={demo.demo_id} items={items} editing={editing} onAsk={conversation.send}
            disabled={!ready || conversation.pending} />
        : <TalkTrack questions={demo.golden_queries.map((q) => q.question)} onAsk={conversation.send}
            disabled={!ready || conversation.pending} />}
      tablesNote={`${formatCount(demo.metadata.total_rows ?? null)} rows`}
      tables={<TablesList tables={tables} />}
      chatAction={conversation.turns.length > 0 && (
        <span className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1">
        <DownloadRecap title={demo.template_id ? `${demo.template_id} demo` : 'Custom demo'} customer={demo.customer_name || demo.demo_id}
          industry={demo.industry} turns={conversation.turns} />
        <button type="button" className="whitespace-nowrap rounded text-xs font-medium text-slate-500 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
          onClick={() => { conversation.reset(); setParams({}, { replace: true }); }}>
          New conversation
        </button>
        </span>
      )}
      chat={<ChatPanel turns={conversation.turns} pending={conversation.pending} onAsk={conversation.send}
        disabled={!ready} disabledReason={reason} answerAction={answerAction} />} />
  );
}

export function DemoPage() {
  const { demoId = '' } = useParams();
  const navigate = useNavigate();
  const user = useSignedInUser();
  const [params] = useSearchParams();
  const [initialConversation] = useState(() => params.get('c'));
  const client = useQueryClient();
  const demo = useQuery({
    queryKey: ['demo', demoId], queryFn: () => getDemo(demoId),
    // Provisioning, or ready but not scored yet (readiness is scored just after the demo becomes ready), or scored
    // again after a talk-track edit.
    refetchInterval: (q) => (q.state.data?.status === 'provisioning' || (q.state.data?.status === 'ready' && !q.state.data.readiness)
      || awaitingRescore(client, demoId, q.state.data) ? 2000 : false),
  });
  const history = useQuery({
    queryKey: ['conversation', initialConversation], queryFn: () => getConversation(initialConversation!),
    enabled: Boolean(initialConversation), staleTime: Infinity, retry: false,
  });

  if (demo.isPending || (initialConversation && history.isPending)) return <Loading label="Loading the demo…" />;
  if (demo.isError) return <ErrorNote error={demo.error} title="This demo could not be loaded" onRetry={() => demo.refetch()} />;
  const d = demo.data;

  return (
    <>
      <PageHeader
        eyebrow={d.template_id ? <>From template <Link to={`/templates/${encodeURIComponent(d.template_id)}`} className="font-medium text-slate-700 hover:underline">{d.template_id}</Link></> : 'Custom demo'}
        title={d.customer_name || d.demo_id}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={d.status} />
            <Badge tone="indigo" data-industry>{d.metadata.industry_label || d.industry}</Badge>
            <ReadinessBadge score={d.readiness?.score} passed={d.readiness?.passed} total={d.readiness?.total} />
            <span className="text-slate-500">Last used {relativeTime(d.last_used)}</span>
          </span>
        }
        actions={<DemoActions demo={d} size="md" onDeleted={() => navigate('/')} />} />
      {d.metadata.design_basis && (
        <Card className="mb-6 px-5 py-4" aria-label="Design basis">
          <DesignBasis basis={{ text: d.metadata.design_basis, unserved: d.metadata.unserved_use_cases ?? [] }} />
        </Card>
      )}
      {d.status === 'provisioning' && <div className="mb-6"><Notice>This demo is still being provisioned; the chat opens when it is ready.</Notice></div>}
      {d.status === 'failed' && <div className="mb-6"><Notice tone="amber">Provisioning of this demo failed. Its job page has the reason.</Notice></div>}
      {history.isError && <div className="mb-6"><Notice tone="amber">The earlier conversation could not be loaded; a new one starts with your next question.</Notice></div>}
      {/* The owner curates the talk track (a tenant admin may too, through the API); everyone else presents it. */}
      <Workspace demo={d} history={history.data}
        mine={user === undefined || user === d.created_by} />
    </>
  );
}
