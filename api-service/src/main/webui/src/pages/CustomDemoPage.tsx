/** The custom demo brief: the API validates it, and its field errors are shown next to the fields. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, provisionCustom, type CustomBrief } from '../api/client';
import { Button, Card, ErrorNote, Field, PageHeader, inputClass } from '../components/ui';

/** Industries the offline designer has knowledge of; any other industry is composed from the brief. */
const INDUSTRIES = ['advertising', 'agriculture', 'airline', 'asset management', 'automotive', 'banking', 'construction',
  'consumer goods', 'e-commerce', 'energy & utilities', 'food delivery', 'gaming', 'grocery', 'health insurance',
  'healthcare', 'higher education', 'hotels', 'insurance', 'logistics', 'manufacturing', 'media & streaming',
  'nonprofit', 'oil & gas', 'payments', 'pharma', 'public sector', 'real estate', 'restaurants', 'retail', 'saas',
  'sports & ticketing', 'telecom', 'travel agency', 'trucking'];
const FIELDS = ['customer_name', 'industry', 'website', 'description', 'use_cases'];

const STAGES = [
  ['Research', 'a profile of the customer from the brief'],
  ['Use cases', 'led by the ones you name'],
  ['Schema design', '8+ related tables, 100,000+ rows'],
  ['Data generation', 'deterministic, consistent data'],
  ['Dataset load', 'row counts verified'],
  ['Golden questions', 'each one executed and checked'],
  ['Data agent', 'the demo becomes ready and is scored'],
];

export function CustomDemoPage() {
  const navigate = useNavigate();
  const [form, setForm] = useState({ customer_name: '', industry: '', website: '', description: '', use_cases: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const fieldError = (f: string) => (error instanceof ApiError ? error.fieldMessage(f) : undefined);
  // Errors the API reports for fields this form does not have are listed above the button, never dropped.
  const otherErrors = error instanceof ApiError
    ? error.fieldErrors.filter((e) => !FIELDS.some((f) => e.field === f || e.field.startsWith(f + '[') || e.field.startsWith(f + '.')))
    : [];

  const submit = async () => {
    setBusy(true);
    setError(null);
    const brief: CustomBrief = {
      customer_name: form.customer_name.trim(),
      industry: form.industry.trim(),
      ...(form.website.trim() ? { website: form.website.trim() } : {}),
      ...(form.description.trim() ? { description: form.description.trim() } : {}),
      use_cases: form.use_cases.split('\n').map((s) => s.trim()).filter(Boolean),
    };
    try {
      const accepted = await provisionCustom(brief);
      navigate(`/jobs/${encodeURIComponent(accepted.job_id)}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Custom demo"
        subtitle="Describe your customer; a seven-stage pipeline designs, generates and validates a demo for them." />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="p-5 sm:p-6 lg:col-span-2">
          <form className="space-y-5" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
            <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
              <Field label="Customer name" required error={fieldError('customer_name')}>
                {(p) => <input {...p} name="customer_name" value={form.customer_name} onChange={set('customer_name')}
                  maxLength={120} className={inputClass} placeholder="Blue Harbor Insurance" />}
              </Field>
              <Field label="Industry" required error={fieldError('industry')} hint="Pick one or type your own.">
                {(p) => (
                  <>
                    <input {...p} name="industry" list="industry-options" value={form.industry} onChange={set('industry')}
                      maxLength={64} className={inputClass} placeholder="insurance" />
                    <datalist id="industry-options">{INDUSTRIES.map((i) => <option key={i} value={i} />)}</datalist>
                  </>
                )}
              </Field>
            </div>
            <Field label="Website" error={fieldError('website')} hint="Optional, e.g. blueharbor.example">
              {(p) => <input {...p} name="website" value={form.website} onChange={set('website')} maxLength={300}
                className={inputClass} placeholder="https://www.example.com" />}
            </Field>
            <Field label="Description" error={fieldError('description')} hint="Optional: what the customer does, where, for whom.">
              {(p) => <textarea {...p} name="description" rows={4} value={form.description} onChange={set('description')}
                className={inputClass} />}
            </Field>
            <Field label="Use cases" error={fieldError('use_cases')} hint="Optional, one per line (up to 10), e.g. claims fraud.">
              {(p) => <textarea {...p} name="use_cases" rows={3} value={form.use_cases} onChange={set('use_cases')}
                className={inputClass} placeholder={'claims fraud\nagent performance'} />}
            </Field>
            {error instanceof ApiError && error.status === 422 ? (
              <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
                <p className="font-semibold">Some fields need attention.</p>
                {otherErrors.length > 0 && (
                  <ul className="mt-1 list-disc pl-5">
                    {otherErrors.map((e, i) => <li key={i}>{e.field.startsWith('<') ? 'Use cases' : e.field}: {e.message}</li>)}
                  </ul>
                )}
              </div>
            ) : error !== null ? <ErrorNote error={error} title="The demo could not be started" /> : null}
            <div className="flex justify-end">
              <Button type="submit" busy={busy}>Design the demo</Button>
            </div>
          </form>
        </Card>
        <Card className="h-fit p-5">
          <h2 className="text-sm font-semibold text-slate-900">What happens next</h2>
          <ol className="mt-3 space-y-2.5">
            {STAGES.map(([name, what], i) => (
              <li key={name} className="flex gap-3 text-sm">
                <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-indigo-50 text-xs font-semibold text-indigo-700">{i + 1}</span>
                <span><span className="font-medium text-slate-800">{name}</span><span className="text-slate-500"> — {what}</span></span>
              </li>
            ))}
          </ol>
          <p className="mt-4 text-xs text-slate-500">Each stage is checkpointed: a restart resumes where it stopped. Typically a few seconds locally.</p>
        </Card>
      </div>
    </>
  );
}
