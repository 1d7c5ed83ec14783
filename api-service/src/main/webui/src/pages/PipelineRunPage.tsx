/** One pipeline run, followed live: steps with their timing, rows and logs, and the data-quality results. */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { getPipelineRun, type PipelineStep } from '../api/client';
import { Card, ErrorNote, Loading, PageHeader, ProgressBar, Spinner, StatusBadge } from '../components/ui';
import { formatCount, formatDateTime, formatMillis, formatTime, humanize } from '../lib/format';
import { PIPELINE_TEMPLATES } from './PipelinesPage';

const finished = (status: string | undefined) => status === 'COMPLETED' || status === 'FAILED';

function StepItem({ step, index }: { step: PipelineStep; index: number }) {
  const s = step.status;
  return (
    <li className="rounded-lg border border-slate-200" data-step={step.step_id} data-step-status={s}>
      <details>
        <summary className="grid cursor-pointer list-none grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-1 rounded-lg px-3 py-2.5 focus-visible:outline-2 focus-visible:outline-indigo-600 sm:grid-cols-[auto_minmax(0,1fr)_auto]">
          <span className={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
            s === 'COMPLETED' ? 'bg-emerald-100 text-emerald-700' : s === 'FAILED' ? 'bg-rose-100 text-rose-700'
              : s === 'RUNNING' ? 'bg-sky-100 text-sky-700' : 'bg-slate-100 text-slate-500'}`} aria-hidden="true">
            {s === 'COMPLETED' ? '✓' : s === 'FAILED' ? '!' : s === 'RUNNING' ? <Spinner className="size-3.5" /> : index + 1}
          </span>
          <span className="min-w-0 flex-1">
            <span className="block text-sm font-medium text-slate-900">{humanize(step.step_id)}</span>
            <span className="block font-mono text-xs text-slate-500">{step.type}</span>
          </span>
          <span className="col-start-2 flex flex-wrap items-center gap-3 text-xs text-slate-500 sm:col-start-3">
            {step.rows_processed != null && <span>{formatCount(step.rows_processed)} rows</span>}
            {step.duration_ms != null && <span>{formatMillis(step.duration_ms)}</span>}
            {step.attempts > 1 && <span>attempt {step.attempts}</span>}
            <StatusBadge status={s} />
          </span>
        </summary>
        <div className="border-t border-slate-100 px-3 py-2">
          {step.error && <p className="mb-2 text-sm text-rose-700">{step.error}</p>}
          {step.logs.length === 0 ? <p className="text-xs text-slate-500">No log lines yet.</p> : (
            <ol className="space-y-0.5 font-mono text-xs text-slate-700 [overflow-wrap:anywhere]">
              {step.logs.map((l, i) => <li key={i}><span className="text-slate-400">{formatTime(l.ts)}</span> {l.message}</li>)}
            </ol>
          )}
        </div>
      </details>
    </li>
  );
}

export function PipelineRunPage() {
  const { runId = '' } = useParams();
  const run = useQuery({ queryKey: ['pipeline-run', runId], queryFn: () => getPipelineRun(runId),
    refetchInterval: (q) => (finished(q.state.data?.status) ? false : 1000) });

  if (run.isPending) return <Loading label="Loading the run…" />;
  if (run.isError) return <ErrorNote error={run.error} title="This run could not be loaded" onRetry={() => run.refetch()} />;
  const r = run.data;
  const failedChecks = r.dq_results.filter((d) => d.status !== 'PASSED').length;
  const known = PIPELINE_TEMPLATES.find((t) => t.provider === r.provider && t.domain === r.domain && t.template === r.template_name);

  return (
    <>
      <PageHeader eyebrow={<Link to="/pipelines" className="hover:text-slate-800">← Pipelines</Link>} title={known?.label ?? humanize(r.template_name)}
        subtitle={<span className="flex flex-wrap items-center gap-2"><StatusBadge status={r.status} />
          <span className="font-mono text-xs" data-pipeline-id>{r.pipeline_id}</span>
          <span>Run {r.pipeline_logging_id} · business date {r.run_date ?? '–'} · started {formatDateTime(r.started_at ?? r.created_at)}{r.trigger_by ? ` by ${r.trigger_by}` : ''}</span></span>} />
      <Card className="mb-6 p-5">
        <div className="mb-2 flex items-baseline justify-between gap-3">
          <span className="text-sm font-medium text-slate-800" data-current-step>{finished(r.status) ? humanize(r.status.toLowerCase()) : humanize(r.current_step) || 'Pending'}</span>
          <span className="text-2xl font-semibold tabular-nums" data-progress>{r.progress}%</span>
        </div>
        <ProgressBar value={r.progress} status={r.status} label="Pipeline progress" />
      </Card>
      {r.error && <div className="mb-6"><ErrorNote message={r.error} title="The run failed" /></div>}
      <div className="grid grid-cols-1 gap-6">
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Steps</h2>
          <ol className="space-y-2" data-steps>{r.steps.map((s, i) => <StepItem key={s.step_id} step={s} index={i} />)}</ol>
        </Card>
        <Card className="p-5">
          <div className="mb-3 flex items-baseline justify-between">
            <h2 className="text-sm font-semibold text-slate-900">Data-quality results</h2>
            {r.dq_results.length > 0 && <span className={`text-xs font-medium ${failedChecks ? 'text-rose-700' : 'text-emerald-700'}`}>
              {failedChecks ? `${failedChecks} failed` : `all ${r.dq_results.length} passed`}</span>}
          </div>
          {r.dq_results.length === 0 ? <p className="text-sm text-slate-500">No checks have run yet.</p> : (
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm" data-dq-results>
                <thead>
                  <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                    <th className="py-1.5 pr-3 font-semibold">Check</th><th className="py-1.5 pr-3 font-semibold">Table</th>
                    <th className="py-1.5 pr-3 font-semibold">Observed</th><th className="py-1.5 pr-3 font-semibold">Expected</th>
                    <th className="py-1.5 font-semibold">Result</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {r.dq_results.map((d, i) => (
                    <tr key={i}>
                      <td className="py-1.5 pr-3"><div className="font-medium text-slate-800">{d.check_name}</div><div className="text-xs text-slate-500">{d.check_type}</div></td>
                      <td className="py-1.5 pr-3 font-mono text-xs">{d.table_name}</td>
                      <td className="py-1.5 pr-3">{d.observed_value}</td>
                      <td className="py-1.5 pr-3">{d.expected_value}</td>
                      <td className="py-1.5"><StatusBadge status={d.status} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
