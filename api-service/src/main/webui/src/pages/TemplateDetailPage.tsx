/** One template: what it contains, its tables and its golden questions, and Quick start. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { getTemplate } from '../api/client';
import { QuickStartDialog } from '../components/QuickStartDialog';
import { TablesList } from '../components/TablesList';
import { Badge, Button, Card, ErrorNote, Loading, PageHeader, Stat } from '../components/ui';
import { formatCount, readyInLabel } from '../lib/format';

const COMPLEXITY_TONE = { simple: 'green', moderate: 'amber', medium: 'amber', complex: 'red' } as const;

export function TemplateDetailPage() {
  const { templateId = '' } = useParams();
  const [starting, setStarting] = useState(false);
  const template = useQuery({ queryKey: ['template', templateId], queryFn: () => getTemplate(templateId) });

  if (template.isPending) return <Loading label="Loading the template…" />;
  if (template.isError) return <ErrorNote error={template.error} title="The template could not be loaded" onRetry={() => template.refetch()} />;
  const t = template.data;

  return (
    <>
      <PageHeader eyebrow={<Link to="/templates" className="hover:text-slate-800">← Template library</Link>}
        title={t.name} subtitle={<Badge tone="indigo">{t.industry}</Badge>}
        actions={<Button onClick={() => setStarting(true)}>Quick start</Button>} />
      <p className="mb-6 max-w-3xl text-slate-700">{t.description}</p>
      <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Tables" value={t.table_count} />
        <Stat label="Rows" value={formatCount(t.total_rows)} />
        <Stat label="Golden questions" value={t.golden_queries.length} />
        <Stat label={t.ready_in.source === 'measured' ? 'Ready in (measured)' : 'Ready in (estimate)'} value={readyInLabel(t.ready_in).text} />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="p-5 lg:col-span-1 lg:self-start">
          <h2 className="mb-2 text-sm font-semibold text-slate-900">Tables</h2>
          <TablesList tables={t.tables} />
        </Card>
        <Card className="p-5 lg:col-span-2">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Golden questions</h2>
          <ol className="space-y-3" data-golden-questions>
            {t.golden_queries.map((q, i) => (
              <li key={i} className="rounded-lg border border-slate-200 p-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="text-sm font-medium text-slate-900">{q.question}</p>
                  <div className="flex gap-1.5">
                    {q.complexity && <Badge tone={COMPLEXITY_TONE[q.complexity as keyof typeof COMPLEXITY_TONE] ?? 'slate'}>{q.complexity}</Badge>}
                    {q.expected_result_type && <Badge>{q.expected_result_type.replace(/_/g, ' ')}</Badge>}
                  </div>
                </div>
                <details className="mt-2">
                  <summary className="cursor-pointer text-xs font-medium text-slate-500 hover:text-slate-800">SQL</summary>
                  <pre className="mt-2 overflow-x-auto rounded-md bg-slate-50 p-2 text-xs text-slate-800"><code>{q.sql}</code></pre>
                </details>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      <QuickStartDialog template={starting ? t : null} onClose={() => setStarting(false)} />
    </>
  );
}
