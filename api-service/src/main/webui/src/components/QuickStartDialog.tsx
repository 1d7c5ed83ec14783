/** "Quick start": asks for the customer's name, provisions the template and opens the job page. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, provisionQuick, type TemplateSummary } from '../api/client';
import { formatSeconds } from '../lib/format';
import { Dialog } from './Dialog';
import { Button, ErrorNote, Field, inputClass } from './ui';

export function QuickStartDialog({ template, onClose }:
  { template: Pick<TemplateSummary, 'template_id' | 'name' | 'ready_in'> | null; onClose: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = () => { setName(''); setError(null); onClose(); };
  const start = async () => {
    if (!template) return;
    setBusy(true);
    setError(null);
    try {
      const accepted = await provisionQuick(template.template_id, name);
      navigate(`/jobs/${encodeURIComponent(accepted.job_id)}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const nameError = error instanceof ApiError ? error.fieldMessage('customer_name') : undefined;

  return (
    <Dialog open={template !== null} onClose={close} title={template ? `Quick start: ${template.name}` : ''}
      footer={<>
        <Button variant="secondary" onClick={close}>Cancel</Button>
        <Button type="submit" form="quick-start-form" busy={busy}>Create demo</Button>
      </>}>
      <form id="quick-start-form" className="space-y-4" onSubmit={(e) => { e.preventDefault(); void start(); }}>
        <p className="text-sm text-slate-600">
          A copy of the template's data and agent, named for your customer.
          {template?.ready_in.source === 'measured' ? ` Here it is usually ready in about ${formatSeconds(template.ready_in.seconds)}.`
            : template ? ` Usually ready in well under ${formatSeconds(template.ready_in.seconds)}.` : ' Usually ready in well under a minute.'}
        </p>
        <Field label="Customer name" hint="Shown on the demo and the dashboard. Optional." error={nameError}>
          {(props) => (
            <input {...props} name="customer_name" autoFocus maxLength={120} value={name}
              onChange={(e) => setName(e.target.value)} className={inputClass} placeholder="e.g. Acme Outdoor Co." />
          )}
        </Field>
        {error !== null && !nameError ? <ErrorNote error={error} title="The demo could not be started" /> : null}
      </form>
    </Dialog>
  );
}
