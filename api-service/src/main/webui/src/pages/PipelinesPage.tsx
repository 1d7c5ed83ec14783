/** Tenant pipelines: run a pipeline template for the tenant and find the runs started from this browser. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, getPipelineRun, runPipeline } from '../api/client';
import { useSession } from '../components/SessionContext';
import { Button, Card, ErrorNote, Field, PageHeader, StatusBadge, inputClass } from '../components/ui';
import { relativeTime } from '../lib/format';

/** The pipeline templates shipped in configs/ (the API has no listing of them); "other" names any template. */
export const PIPELINE_TEMPLATES = [
  { provider: 'gcp', domain: 'cost', template: 'bill-sample-export-template', label: 'Cloud Billing export sample',
    description: 'Loads a 1,488-row billing export into the tenant dataset, checks it, aggregates net cost by service, project and day, and checks the aggregate.' },
  { provider: 'gcp', domain: 'example', template: 'dryrun', label: 'Dry run',
    description: 'Proves the tenant dataset and its metadata tables answer queries. Writes nothing.' },
];

interface RecentRun { id: string; pipeline_id: string; at: string }
const recentKey = (tenant: string) => `capi.pipelineRuns.${tenant}`;

export function recentRuns(tenant: string): RecentRun[] {
  try {
    return JSON.parse(localStorage.getItem(recentKey(tenant)) ?? '[]') as RecentRun[];
  } catch {
    return [];
  }
}

function remember(tenant: string, run: RecentRun) {
  localStorage.setItem(recentKey(tenant), JSON.stringify([run, ...recentRuns(tenant).filter((r) => r.id !== run.id)].slice(0, 10)));
}

function RecentRunRow({ run }: { run: RecentRun }) {
  const status = useQuery({ queryKey: ['pipeline-run', run.id], queryFn: () => getPipelineRun(run.id), retry: false });
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm">
      <Link to={`/pipelines/runs/${encodeURIComponent(run.id)}`} className="font-medium text-slate-800 hover:text-indigo-700">
        {run.pipeline_id}
      </Link>
      <span className="flex items-center gap-3 text-xs text-slate-500">
        {status.data && <StatusBadge status={status.data.status} />}
        {relativeTime(run.at)}
      </span>
    </li>
  );
}

export function PipelinesPage() {
  const session = useSession();
  const navigate = useNavigate();
  const tenant = session?.tenantId ?? '';
  const [choice, setChoice] = useState('0');
  const [other, setOther] = useState({ provider: '', domain: '', template: '' });
  const [triggerBy, setTriggerBy] = useState('web-ui');
  const [date, setDate] = useState('');
  const [tenantInput, setTenantInput] = useState(tenant);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const preset = choice === 'other' ? null : PIPELINE_TEMPLATES[Number(choice)];
  const ref = preset ? { provider: preset.provider, domain: preset.domain, template: preset.template } : other;
  const tenantId = tenant || tenantInput.trim();
  const runs = tenantId ? recentRuns(tenantId) : [];

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const run = await runPipeline({ tenantId, provider: ref.provider.trim(), domain: ref.domain.trim(), templateName: ref.template.trim() },
        triggerBy, date || undefined);
      remember(tenantId, { id: run.pipeline_logging_id, pipeline_id: run.pipeline_id, at: new Date().toISOString() });
      navigate(`/pipelines/runs/${encodeURIComponent(run.pipeline_logging_id)}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const fieldError = (f: string) => (error instanceof ApiError ? error.fieldMessage(f) : undefined);

  return (
    <>
      <PageHeader title="Pipelines" subtitle={<>Templated data pipelines that run in tenant <span className="font-medium text-slate-800">{tenantId || '…'}</span>'s own dataset, step by step, with data-quality checks.</>} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="p-5 sm:p-6 lg:col-span-2">
          <h2 className="mb-4 text-sm font-semibold text-slate-900">Run a pipeline</h2>
          <form className="space-y-5" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Pipeline template</legend>
              <div className="mt-2 grid grid-cols-1 gap-2">
                {PIPELINE_TEMPLATES.map((p, i) => (
                  <label key={p.template} className={`flex cursor-pointer gap-3 rounded-lg border p-3 ${choice === String(i) ? 'border-indigo-400 bg-indigo-50/50' : 'border-slate-200 hover:bg-slate-50'}`}>
                    <input type="radio" name="pipeline" value={i} checked={choice === String(i)} onChange={() => setChoice(String(i))} className="mt-1 accent-indigo-600" />
                    <span>
                      <span className="block text-sm font-medium text-slate-900">{p.label}</span>
                      <span className="block font-mono text-xs text-slate-500">{p.provider}/{p.domain}/{p.template}</span>
                      <span className="mt-1 block text-sm text-slate-600">{p.description}</span>
                    </span>
                  </label>
                ))}
                <label className={`flex cursor-pointer gap-3 rounded-lg border p-3 ${choice === 'other' ? 'border-indigo-400 bg-indigo-50/50' : 'border-slate-200 hover:bg-slate-50'}`}>
                  <input type="radio" name="pipeline" value="other" checked={choice === 'other'} onChange={() => setChoice('other')} className="mt-1 accent-indigo-600" />
                  <span className="text-sm font-medium text-slate-900">Another template: configs/&#123;provider&#125;/&#123;domain&#125;/&#123;template&#125;.yml</span>
                </label>
              </div>
            </fieldset>
            {choice === 'other' && (
              <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
                {(['provider', 'domain', 'template'] as const).map((k) => (
                  <Field key={k} label={k.charAt(0).toUpperCase() + k.slice(1)}>
                    {(p) => <input {...p} name={k} value={other[k]} onChange={(e) => setOther((o) => ({ ...o, [k]: e.target.value }))} className={inputClass} />}
                  </Field>
                ))}
              </div>
            )}
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
              {!tenant && (
                <Field label="Tenant">
                  {(p) => <input {...p} name="tenant" value={tenantInput} onChange={(e) => setTenantInput(e.target.value)} className={inputClass} />}
                </Field>
              )}
              <Field label="Triggered by" error={fieldError('trigger_by')}>
                {(p) => <input {...p} name="trigger_by" value={triggerBy} maxLength={120} onChange={(e) => setTriggerBy(e.target.value)} className={inputClass} />}
              </Field>
              <Field label="Business date" hint="Today (UTC) when empty." error={fieldError('date')}>
                {(p) => <input {...p} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} className={inputClass} />}
              </Field>
            </div>
            {error !== null && !fieldError('date') && !fieldError('trigger_by') && <ErrorNote error={error} title="The pipeline did not start" />}
            <div className="flex justify-end">
              <Button type="submit" busy={busy} disabled={!tenantId || !ref.provider || !ref.domain || !ref.template}>Run pipeline</Button>
            </div>
          </form>
        </Card>
        <Card className="h-fit">
          <h2 className="border-b border-slate-100 px-4 py-3 text-sm font-semibold text-slate-900">Runs from this browser</h2>
          {runs.length === 0 ? <p className="px-4 py-6 text-center text-sm text-slate-500">No runs yet.</p>
            : <ul className="divide-y divide-slate-100" data-recent-runs>{runs.map((r) => <RecentRunRow key={r.id} run={r} />)}</ul>}
        </Card>
      </div>
    </>
  );
}
