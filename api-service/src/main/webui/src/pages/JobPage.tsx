/** A provisioning job as it happens: progress, phase, live log lines, stage checkpoints, the result or error. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { getDemo, getJobSteps, type Job, type StepRecord } from '../api/client';
import { basisFromSteps, DesignBasis, industryFromSteps } from '../components/DesignBasis';
import { useJobStream } from '../components/useJobStream';
import { Badge, Card, ErrorNote, LinkButton, Loading, PageHeader, ProgressBar, Spinner, StatusBadge } from '../components/ui';
import { formatDateTime, formatMillis, formatTime, humanize } from '../lib/format';

/** The seven stages of configs/demo/custom/agent-pipeline.yml, shown before their checkpoints exist. */
const CUSTOM_STAGES = ['research', 'use_cases', 'schema_design', 'data_generation', 'dataset_load', 'golden_queries', 'data_agent'];
const TYPE_LABEL: Record<string, string> = { quick: 'Quick provision', custom: 'Custom demo', clone: 'Clone', pipeline: 'Pipeline run' };

/** What a stage did, from its last telling log line ("finished in … ms" repeats the duration shown beside it). */
function stageNote(id: string, step: StepRecord | undefined): string | undefined {
  const lines = (step?.logs ?? []).map((l) => l.message.replace(new RegExp(`^${id}: `), ''));
  return lines.filter((m) => !/^finished in \d+ ms$/.test(m)).at(-1) ?? lines.at(-1);
}

function StageList({ steps, job }: { steps: StepRecord[]; job: Job }) {
  const byId = new Map(steps.map((s) => [s.step_id, s]));
  const ids = [...CUSTOM_STAGES, ...steps.map((s) => s.step_id).filter((id) => !CUSTOM_STAGES.includes(id))];
  return (
    <ol className="space-y-2" data-stages>
      {ids.map((id, i) => {
        const s = byId.get(id);
        const status = s?.status ?? (job.status === 'failed' ? 'not run' : 'pending');
        const last = stageNote(id, s);
        return (
          <li key={id} className="flex items-start gap-3 rounded-lg border border-slate-100 px-3 py-2" data-stage={id} data-stage-status={status}>
            <span className={`mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
              status === 'completed' ? 'bg-emerald-100 text-emerald-700' : status === 'failed' ? 'bg-rose-100 text-rose-700'
                : status === 'running' ? 'bg-sky-100 text-sky-700' : 'bg-slate-100 text-slate-500'}`} aria-hidden="true">
              {status === 'completed' ? '✓' : status === 'failed' ? '!' : status === 'running' ? <Spinner className="size-3.5" /> : i + 1}
            </span>
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm font-medium text-slate-800">{humanize(id)}</span>
                <span className="text-xs text-slate-500">
                  {status}{s?.duration_ms != null ? ` · ${formatMillis(s.duration_ms)}` : ''}{s && s.attempts > 1 ? ` · attempt ${s.attempts}` : ''}
                </span>
              </div>
              {s?.error ? <p className="mt-0.5 text-xs text-rose-700">{s.error}</p>
                : last ? <p className="mt-0.5 truncate text-xs text-slate-500" title={last}>{last}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function LogView({ job }: { job: Job }) {
  const box = useRef<HTMLOListElement>(null);
  const count = job.logs.length;
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);
  return (
    <ol ref={box} className="max-h-96 overflow-y-auto rounded-lg bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100" data-logs
      aria-live="polite" tabIndex={0} aria-label="Job log">
      {job.logs.map((l, i) => (
        <li key={i} className="flex gap-3">
          <span className="shrink-0 text-slate-400">{formatTime(l.ts)}</span>
          <span className={`hidden w-11 shrink-0 sm:inline ${l.level === 'ERROR' ? 'text-rose-400' : l.level === 'WARN' ? 'text-amber-300' : 'text-emerald-300'}`}>{l.level}</span>
          <span className="min-w-0 break-words">{l.message}</span>
        </li>
      ))}
      {count === 0 && <li className="text-slate-400">Waiting for the first log line…</li>}
    </ol>
  );
}

export function JobPage() {
  const { jobId = '' } = useParams();
  const job = useJobStream(jobId);
  const j = job.data;
  const finished = j?.status === 'completed' || j?.status === 'failed';
  const demoId = (j?.result?.demo_id as string | undefined) ?? j?.demo_id ?? null;
  const demo = useQuery({ queryKey: ['demo', demoId], queryFn: () => getDemo(demoId!), enabled: Boolean(demoId) && j?.type !== 'pipeline',
    refetchInterval: finished ? false : 3000 });
  const steps = useQuery({ queryKey: ['job-steps', jobId], queryFn: () => getJobSteps(jobId), enabled: j?.type === 'custom',
    refetchInterval: finished ? false : 1000 });
  // One more read of the checkpoints and the demo once the job is over, so the last stage shows its final state and
  // the demo page opened from here starts from the ready demo, not the provisioning one read on the way.
  const refetchSteps = steps.refetch;
  useEffect(() => { if (finished && j?.type === 'custom') void refetchSteps(); }, [finished, j?.type, refetchSteps]);
  const refetchDemo = demo.refetch;
  const demoQueried = Boolean(demoId) && j?.type !== 'pipeline';
  useEffect(() => { if (finished && demoQueried) void refetchDemo(); }, [finished, demoQueried, refetchDemo]);

  if (job.isPending) return <Loading label="Loading the job…" />;
  if (job.isError) return <ErrorNote error={job.error} title="This job could not be loaded" onRetry={() => job.refetch()} />;
  const data = job.data;
  const name = demo.data?.customer_name || (data as unknown as { payload?: { customer_name?: string } }).payload?.customer_name;
  // What the design rests on: the ready demo's record, else the research stage's own words while the job runs.
  const meta = demo.data?.metadata;
  const basis = meta?.design_basis ? { text: meta.design_basis, unserved: meta.unserved_use_cases ?? [] }
    : data.type === 'custom' ? basisFromSteps(steps.data) : null;
  const industry = meta?.industry_label || (data.type === 'custom' ? industryFromSteps(steps.data) : undefined);

  return (
    <>
      <PageHeader eyebrow={`${TYPE_LABEL[data.type] ?? humanize(data.type)} · ${data.job_id}`}
        title={name ? `Demo for ${name}` : 'Provisioning job'}
        subtitle={<span className="flex flex-wrap items-center gap-2"><StatusBadge status={data.status} />
          {industry && <Badge tone="indigo" data-industry>{industry}</Badge>}
          <span>Started {formatDateTime(data.created_at)}</span>
          {data.completed_at && <span>Finished in {formatMillis(new Date(data.completed_at).getTime() - new Date(data.created_at).getTime())}</span>}</span>}
        actions={data.status === 'completed' && demoId ? (
          <LinkButton to={`/demos/${encodeURIComponent(demoId)}`}>Open the demo →</LinkButton>
        ) : data.type === 'pipeline' ? <LinkButton variant="secondary" to={`/pipelines/runs/${encodeURIComponent(data.job_id)}`}>Pipeline view</LinkButton> : null} />

      <Card className="mb-6 p-5">
        <div className="mb-2 flex items-baseline justify-between gap-3">
          <span className="text-sm font-medium text-slate-800" data-phase>{humanize(data.current_phase) || 'Queued'}</span>
          <span className="text-2xl font-semibold tabular-nums text-slate-900" data-progress>{data.progress}%</span>
        </div>
        <ProgressBar value={data.progress} status={data.status} label="Job progress" />
        {!finished && <p className="mt-2 flex items-center gap-2 text-xs text-slate-500"><Spinner className="size-3" /> Live: updates arrive as the worker reports them.</p>}
        {data.status === 'completed' && demoId && (
          <p className="mt-3 text-sm text-emerald-800">
            The demo is ready{demo.data?.readiness ? ` — readiness ${Math.round(demo.data.readiness.score)}%` : ''}.{' '}
            <Link className="font-medium underline" to={`/demos/${encodeURIComponent(demoId)}`}>Open it</Link> to start the talk track.
          </p>
        )}
      </Card>

      {basis && (
        <Card className="mb-6 px-5 py-4" aria-label="Design basis">
          <DesignBasis basis={basis} />
        </Card>
      )}

      {data.status === 'failed' && (
        <div className="mb-6"><ErrorNote message={data.error ?? 'The worker reported no reason.'} title="The job failed" /></div>
      )}

      <div className={`grid grid-cols-1 gap-6 ${data.type === 'custom' ? 'lg:grid-cols-2' : ''}`}>
        {data.type === 'custom' && (
          <Card className="p-5">
            <h2 className="mb-3 text-sm font-semibold text-slate-900">Stages</h2>
            {steps.isError ? <ErrorNote error={steps.error} title="Stage checkpoints could not be loaded" />
              : <StageList steps={steps.data ?? []} job={data} />}
          </Card>
        )}
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Log</h2>
          <LogView job={data} />
        </Card>
      </div>
    </>
  );
}
