/** The team's numbers for tenant admins: per month against the business targets, and per user. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, getInsights, type InsightFigures, type Insights, type UserFigures } from '../api/client';
import { Chart } from '../components/Chart';
import { Card, EmptyState, ErrorNote, Loading, PageHeader, Stat, inputClass } from '../components/ui';
import { insightCharts } from '../lib/insightsCharts';

const WINDOWS = [3, 6, 12, 24];

export const percent = (rate: number | null | undefined) => (rate == null ? '–' : `${Math.round(rate * 100)} %`);

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The figures of the whole window, summed over its months. */
function windowTotals(insights: Insights): InsightFigures {
  const sum = (key: keyof InsightFigures) => insights.months.reduce((n, m) => n + ((m.totals[key] as number) ?? 0), 0);
  const demos = sum('demos_created');
  return {
    demos_created: demos, quick: sum('quick'), custom: sum('custom'), clones: sum('clones'),
    template_usage_rate: rate(sum('quick'), demos), reuse_rate: rate(sum('clones'), demos),
    share_links_created: sum('share_links_created'), share_links_opened: sum('share_links_opened'),
    shared_demos: sum('shared_demos'), sharing_rate: rate(sum('shared_demos'), demos),
    questions_asked: sum('questions_asked'), questions_declined: sum('questions_declined'),
  };
}

/** A rate beside its target: below target in amber. */
function RateCell({ value, target }: { value: number | null; target: number }) {
  const below = value != null && value < target;
  return <span className={below ? 'font-medium text-amber-700' : 'text-slate-800'}>{percent(value)}</span>;
}

export function UserTable({ users, targets }: { users: UserFigures[]; targets: Insights['targets'] }) {
  return (
    <Card>
      <div className="border-b border-slate-100 px-4 py-3">
        <h2 className="text-sm font-semibold text-slate-900">Per user</h2>
        <p className="text-xs text-slate-500">Over the months shown; amber is below target.</p>
      </div>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm" data-insights-users>
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">User</th>
              <th scope="col" className="px-3 py-2 text-right">Demos</th>
              <th scope="col" className="px-3 py-2 text-right whitespace-nowrap">Quick · custom · clone</th>
              <th scope="col" className="px-3 py-2 text-right">Template use</th>
              <th scope="col" className="px-3 py-2 text-right">Reuse</th>
              <th scope="col" className="px-3 py-2 text-right whitespace-nowrap">Links made · opened</th>
              <th scope="col" className="px-3 py-2 text-right">Sharing</th>
              <th scope="col" className="px-3 py-2 text-right whitespace-nowrap">Questions (declined)</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map(({ user, figures: f }) => (
              <tr key={user} data-insights-user={user}>
                <th scope="row" className="max-w-[16rem] truncate px-4 py-2 text-left font-medium text-slate-900" title={user}>{user}</th>
                <td className="px-3 py-2 text-right tabular-nums">{f.demos_created}</td>
                <td className="px-3 py-2 text-right tabular-nums text-slate-600 whitespace-nowrap">{f.quick} · {f.custom} · {f.clones}</td>
                <td className="px-3 py-2 text-right tabular-nums"><RateCell value={f.template_usage_rate} target={targets.template_usage_rate} /></td>
                <td className="px-3 py-2 text-right tabular-nums"><RateCell value={f.reuse_rate} target={targets.reuse_rate} /></td>
                <td className="px-3 py-2 text-right tabular-nums text-slate-600">{f.share_links_created} · {f.share_links_opened}</td>
                <td className="px-3 py-2 text-right tabular-nums"><RateCell value={f.sharing_rate} target={targets.sharing_rate} /></td>
                <td className="px-3 py-2 text-right tabular-nums">{f.questions_asked} <span className="text-slate-500">({f.questions_declined})</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

export function InsightsPage() {
  const [months, setMonths] = useState(6);
  const query = useQuery({ queryKey: ['insights', months], queryFn: () => getInsights(months), placeholderData: keepPreviousData });
  const picker = (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      Months
      <select value={months} onChange={(e) => setMonths(Number(e.target.value))} className={`${inputClass} w-24`} name="months">
        {WINDOWS.map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
    </label>
  );
  const header = <PageHeader title="Team insights" actions={picker}
    subtitle="Demos made, reused and shared by your team each month, against the targets (dashed red)." />;

  if (query.isPending) return <>{header}<Loading label="Counting…" /></>;
  if (query.isError) {
    const forbidden = query.error instanceof ApiError && query.error.status === 403;
    return (
      <>{header}
        {forbidden
          ? <EmptyState title="For tenant admins">The team's insights are shown to the admins of your tenant.</EmptyState>
          : <ErrorNote error={query.error} onRetry={() => query.refetch()} />}
      </>
    );
  }
  const insights = query.data;
  const t = windowTotals(insights);
  const { targets } = insights;
  const active = insights.months.reduce((n, m) => n + m.active_users, 0);
  return (
    <>
      {header}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5" data-insights-stats>
        <Stat label="Demos created" value={t.demos_created}
          hint={active === 0 ? 'none yet' : `${(t.demos_created / active).toFixed(1)} per CE per month (target ${targets.demos_per_user_per_month}+)`} />
        <Stat label="Template usage" value={percent(t.template_usage_rate)} hint={`target ${percent(targets.template_usage_rate)}+`} />
        <Stat label="Reuse" value={percent(t.reuse_rate)} hint={`target ${percent(targets.reuse_rate)}+`} />
        <Stat label="Sharing" value={percent(t.sharing_rate)} hint={`target ${percent(targets.sharing_rate)}+`} />
        <Stat label="Chat questions" value={t.questions_asked} hint={`${t.questions_declined} declined`} />
      </div>
      <div className="mt-6 grid gap-4 lg:grid-cols-2" data-insights-charts>
        {insightCharts(insights).map((c) => (
          <div key={c.key} data-insights-chart={c.key}><Chart spec={c.spec} label={c.label} /></div>
        ))}
      </div>
      <div className="mt-6">
        <UserTable users={insights.users} targets={targets} />
      </div>
    </>
  );
}
