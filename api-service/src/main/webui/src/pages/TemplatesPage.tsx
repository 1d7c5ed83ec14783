/** The template library: a card per template, filtered by industry. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listTemplates, type TemplateSummary } from '../api/client';
import { QuickStartDialog } from '../components/QuickStartDialog';
import { Badge, Button, Card, EmptyState, ErrorNote, Loading, PageHeader, inputClass } from '../components/ui';
import { formatCompact, readyInLabel } from '../lib/format';

function TemplateCard({ t, onQuickStart }: { t: TemplateSummary; onQuickStart: () => void }) {
  return (
    <Card as="article" className="flex flex-col p-5" data-template={t.template_id}>
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-base font-semibold leading-snug text-slate-900">
          <Link to={`/templates/${encodeURIComponent(t.template_id)}`} className="hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600 rounded">
            {t.name}
          </Link>
        </h2>
      </div>
      <div className="mt-1"><Badge tone="indigo">{t.industry}</Badge></div>
      <p className="mt-3 line-clamp-3 text-sm text-slate-600">{t.description}</p>
      <dl className="mt-4 grid grid-cols-3 gap-2 rounded-lg bg-slate-50 px-3 py-2 text-center">
        <div><dt className="text-[11px] uppercase tracking-wide text-slate-500">Tables</dt><dd className="font-semibold">{t.table_count}</dd></div>
        <div><dt className="text-[11px] uppercase tracking-wide text-slate-500">Rows</dt><dd className="font-semibold">{formatCompact(t.total_rows)}</dd></div>
        <div><dt className="text-[11px] uppercase tracking-wide text-slate-500">Ready in</dt><dd className="font-semibold" title={readyInLabel(t.ready_in).detail} data-ready-in={t.ready_in.source}>{readyInLabel(t.ready_in).text}{t.ready_in.source === 'estimate' && <span className="sr-only"> (estimate)</span>}</dd></div>
      </dl>
      <div className="mt-3 flex flex-wrap gap-1.5">
        {t.tags.map((tag) => <Badge key={tag}>#{tag}</Badge>)}
      </div>
      <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-5">
        <span className="text-xs text-slate-500">{t.golden_query_count} golden questions</span>
        <div className="flex gap-2">
          <Link to={`/templates/${encodeURIComponent(t.template_id)}`}
            className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
            Details
          </Link>
          <Button onClick={onQuickStart} aria-label={`Quick start ${t.name}`}>Quick start</Button>
        </div>
      </div>
    </Card>
  );
}

export function TemplatesPage() {
  const [params, setParams] = useSearchParams();
  const industry = params.get('industry') ?? '';
  const [starting, setStarting] = useState<TemplateSummary | null>(null);
  // All templates give the filter its choices; the filtered list comes from the API's own ?industry= filter.
  const all = useQuery({ queryKey: ['templates', ''], queryFn: () => listTemplates() });
  const shown = useQuery({ queryKey: ['templates', industry], queryFn: () => listTemplates(industry || undefined),
    enabled: industry !== '' });
  const templates = industry ? shown.data : all.data;
  const industries = [...new Set((all.data ?? []).map((t) => t.industry))].sort();
  const active = industry ? shown : all;

  return (
    <>
      <PageHeader title="Template library"
        subtitle="Ready-made demos with realistic data, a data agent and golden questions. A quick start takes seconds."
        actions={
          <div className="flex items-center gap-2">
            <label htmlFor="industry-filter" className="text-sm text-slate-600">Industry</label>
            <select id="industry-filter" value={industry} className={`${inputClass} w-56`}
              onChange={(e) => setParams(e.target.value ? { industry: e.target.value } : {})}>
              <option value="">All industries</option>
              {industries.map((i) => <option key={i} value={i}>{i}</option>)}
            </select>
          </div>
        } />
      {active.isPending ? <Loading label="Loading templates…" />
        : active.isError ? <ErrorNote error={active.error} title="The templates could not be loaded" onRetry={() => active.refetch()} />
          : templates && templates.length > 0 ? (
            <div className="grid grid-cols-1 gap-5 md:grid-cols-2 xl:grid-cols-3" data-template-grid>
              {templates.map((t) => <TemplateCard key={t.template_id} t={t} onQuickStart={() => setStarting(t)} />)}
            </div>
          ) : (
            <EmptyState title="No templates for this industry"
              action={<Button variant="secondary" onClick={() => setParams({})}>Show all templates</Button>}>
              Try another industry, or design a demo for your customer with a custom demo.
            </EmptyState>
          )}
      <QuickStartDialog template={starting} onClose={() => setStarting(null)} />
    </>
  );
}
