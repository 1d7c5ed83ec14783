/** The CE's dashboard: stats, pinned and recent demos, and every demo of the tenant with filters and paging. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { MAX_DEMO_QUERY, listDemos, listTemplates, type DemoFilter, type DemoListItem } from '../api/client';
import { DemoRow } from '../components/DemoRow';
import { ReadinessBadge } from '../components/ReadinessBadge';
import { dashboardQuery } from '../components/useDashboard';
import { Button, Card, EmptyState, ErrorNote, LinkButton, Loading, PageHeader, Stat, StatusBadge, inputClass } from '../components/ui';
import { humanize, relativeTime } from '../lib/format';

const PAGE_SIZE = 20;
const STATUSES = ['ready', 'provisioning', 'failed', 'archived', 'deleted'];

/** `wideOnly`: left out on a phone, where the recent list shows its first four. */
function DemoCard({ demo, wideOnly = false }: { demo: DemoListItem; wideOnly?: boolean }) {
  return (
    <Link to={`/demos/${encodeURIComponent(demo.demo_id)}`} data-demo-card={demo.demo_id}
      className={`${wideOnly ? 'hidden sm:block' : 'block'} rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-indigo-300 hover:shadow focus-visible:outline-2 focus-visible:outline-indigo-600`}>
      <div className="flex items-start justify-between gap-2">
        <span className="font-medium text-slate-900">{demo.customer_name || demo.demo_id}</span>
        {demo.is_pinned && <span className="text-amber-500" aria-label="Pinned">★</span>}
      </div>
      <div className="mt-0.5 text-xs text-slate-500">{demo.template_id ?? 'custom'} · {demo.industry}</div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <StatusBadge status={demo.status} />
        {demo.status === 'ready' && <ReadinessBadge score={demo.readiness_score} />}
        <span className="text-xs text-slate-500">used {relativeTime(demo.last_used ?? demo.created_at)}</span>
      </div>
    </Link>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Every demo of the tenant, filtered and paged with the list's cursor. */
function AllDemos({ user }: { user: string | undefined }) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [template, setTemplate] = useState('');
  const [pinnedOnly, setPinnedOnly] = useState(false);
  const [mine, setMine] = useState(false);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const search = useDebounced(q.trim(), 300);
  const filter: DemoFilter = {
    q: search || undefined, status: status || undefined, template_id: template || undefined,
    pinned: pinnedOnly || undefined, created_by: mine && user ? user : undefined, limit: PAGE_SIZE,
  };
  const filterKey = JSON.stringify(filter);
  useEffect(() => setCursors([undefined]), [filterKey]);
  const cursor = cursors[cursors.length - 1];
  const page = useQuery({ queryKey: ['demos', filter, cursor], queryFn: () => listDemos({ ...filter, cursor }),
    placeholderData: keepPreviousData });
  const templates = useQuery({ queryKey: ['templates', ''], queryFn: () => listTemplates() });
  const filtered = Boolean(filter.q || filter.status || filter.template_id || filter.pinned || filter.created_by);

  return (
    <Card>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-4 py-3">
        <h2 className="mr-auto text-sm font-semibold text-slate-900">All demos</h2>
        <label className="block w-full sm:w-48">
          <span className="sr-only">Search by customer</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search customers…"
            maxLength={MAX_DEMO_QUERY} className={inputClass} name="q" />
        </label>
        <label className="block flex-1 sm:w-36 sm:flex-none">
          <span className="sr-only">Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)} className={inputClass} name="status">
            <option value="">Any status</option>
            {STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        </label>
        <label className="block flex-1 sm:w-40 sm:flex-none">
          <span className="sr-only">Template</span>
          <select value={template} onChange={(e) => setTemplate(e.target.value)} className={inputClass} name="template_id">
            <option value="">Any template</option>
            {(templates.data ?? []).map((t) => <option key={t.template_id} value={t.template_id}>{t.template_id}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" checked={pinnedOnly} onChange={(e) => setPinnedOnly(e.target.checked)} className="size-4 accent-indigo-600" />
          Pinned only
        </label>
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" checked={mine} disabled={!user} onChange={(e) => setMine(e.target.checked)} className="size-4 accent-indigo-600" />
          Mine only
        </label>
      </div>
      {page.isPending ? <Loading label="Loading demos…" />
        : page.isError ? <div className="p-4"><ErrorNote error={page.error} title="The demos could not be loaded" onRetry={() => page.refetch()} /></div>
          : page.data.demos.length === 0 ? (
            <div className="p-4">
              {filtered
                ? <EmptyState title="No demos match">Change the filters, or create a demo from a template.</EmptyState>
                : <EmptyState title="No demos yet" action={<LinkButton to="/templates">Browse templates</LinkButton>}>
                    A template demo is ready in seconds; a custom demo is designed for one customer.</EmptyState>}
            </div>
          ) : (
            <ul className={`divide-y divide-slate-100 ${page.isPlaceholderData ? 'opacity-60' : ''}`} data-demo-list>
              {page.data.demos.map((d) => <DemoRow key={d.demo_id} demo={d} />)}
            </ul>
          )}
      <div className="flex items-center justify-between border-t border-slate-100 px-4 py-3 text-sm">
        <span className="text-slate-500">Page {cursors.length}</span>
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>← Previous</Button>
          <Button variant="secondary" size="sm" disabled={!page.data?.next_cursor || page.isPlaceholderData}
            onClick={() => setCursors((c) => [...c, page.data?.next_cursor ?? undefined])}>Next →</Button>
        </div>
      </div>
    </Card>
  );
}

export function DashboardPage() {
  const dashboard = useQuery(dashboardQuery);
  const d = dashboard.data;
  return (
    <>
      <PageHeader title="Dashboard" subtitle={d ? <>Signed in as <span className="font-medium text-slate-800" data-user>{d.user}</span></> : undefined}
        actions={<>
          <LinkButton variant="secondary" to="/custom">Custom demo</LinkButton>
          <LinkButton to="/templates">New demo from a template</LinkButton>
        </>} />
      {dashboard.isPending ? <Loading label="Loading your dashboard…" />
        : dashboard.isError ? <div className="mb-6"><ErrorNote error={dashboard.error} title="The dashboard could not be loaded" onRetry={() => dashboard.refetch()} /></div>
          : (
            <>
              <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
                <Stat label="Total demos" value={d!.stats.total_demos} />
                <Stat label="Last 30 days" value={d!.stats.demos_this_month} />
                <Stat label="Pinned" value={d!.stats.pinned_count} />
                <Stat label="Ready" value={d!.stats.by_status?.ready ?? 0} />
              </div>
              {d!.stats.total_demos > 0 && (
                <div className="mb-6 space-y-6">
                  <section>
                    <h2 className="mb-2 text-sm font-semibold text-slate-900">Pinned</h2>
                    {d!.pinned_demos.length === 0
                      ? <p className="rounded-xl border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500">Pin the demos you present most; they stay here.</p>
                      : <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-5" data-pinned>{d!.pinned_demos.map((x) => <DemoCard key={x.demo_id} demo={x} />)}</div>}
                  </section>
                  <section>
                    <h2 className="mb-2 text-sm font-semibold text-slate-900">Recent</h2>
                    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-5" data-recent>{d!.recent_demos.map((x, i) => <DemoCard key={x.demo_id} demo={x} wideOnly={i >= 4} />)}</div>
                  </section>
                </div>
              )}
            </>
          )}
      <AllDemos user={d?.user} />
    </>
  );
}
