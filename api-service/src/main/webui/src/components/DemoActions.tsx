/** Pin/unpin, share, clone and delete of one demo (the demo-management API). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { cloneDemo, deleteDemo, pinDemo, unpinDemo } from '../api/client';
import { Dialog } from './Dialog';
import { ShareDialog } from './ShareDialog';
import { useSignedInUser } from './useDashboard';
import { Button, ErrorNote, Field, inputClass } from './ui';

export interface ActionableDemo {
  demo_id: string;
  customer_name: string;
  is_pinned: boolean;
  status: string;
  created_by: string;
}

export function DemoActions({ demo, size = 'sm', onDeleted }:
  { demo: ActionableDemo; size?: 'sm' | 'md'; onDeleted?: () => void }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'share' | 'clone' | 'delete' | null>(null);
  const [cloneName, setCloneName] = useState('');
  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: ['demos'] }),
    client.invalidateQueries({ queryKey: ['dashboard'] }),
    client.invalidateQueries({ queryKey: ['demo', demo.demo_id] }),
  ]);
  const pin = useMutation({ mutationFn: () => (demo.is_pinned ? unpinDemo : pinDemo)(demo.demo_id), onSettled: refresh });
  const clone = useMutation({
    mutationFn: () => cloneDemo(demo.demo_id, cloneName || undefined),
    onSuccess: (accepted) => { void refresh(); navigate(`/jobs/${encodeURIComponent(accepted.job_id)}`); },
  });
  const remove = useMutation({
    mutationFn: () => deleteDemo(demo.demo_id),
    onSuccess: () => { setDialog(null); void refresh(); onDeleted?.(); },
  });
  const gone = demo.status === 'deleted';
  // Only a demo's owner may pin it (the API answers 403 to anyone else); share, clone and delete are also open to
  // a tenant admin, whose role the UI does not know, so those stay and a refusal is shown as the API words it.
  const user = useSignedInUser();
  const mine = user === undefined || user === demo.created_by;

  return (
    <div className="flex flex-wrap items-center gap-1.5" data-demo-actions={demo.demo_id}>
      {mine && <Button variant="secondary" size={size} busy={pin.isPending} disabled={gone} onClick={() => pin.mutate()}
        aria-pressed={demo.is_pinned} className={size === 'sm' ? 'min-w-[4.5rem]' : 'min-w-[5.5rem]'} title={demo.is_pinned ? 'Unpin from the dashboard' : 'Pin to the dashboard'}>
        {demo.is_pinned ? '★ Unpin' : '☆ Pin'}
      </Button>}
      <Button variant="secondary" size={size} disabled={gone || demo.status !== 'ready'} onClick={() => setDialog('share')}>Share</Button>
      <Button variant="secondary" size={size} disabled={gone || demo.status !== 'ready'} onClick={() => { setCloneName(`${demo.customer_name} (copy)`); setDialog('clone'); }}>Clone</Button>
      <Button variant="ghost" size={size} className="text-rose-700" disabled={gone} onClick={() => setDialog('delete')}>Delete</Button>
      {pin.isError && <span className="w-full"><ErrorNote error={pin.error} title="Pin failed" /></span>}

      <ShareDialog demoId={demo.demo_id} customerName={demo.customer_name} open={dialog === 'share'} onClose={() => setDialog(null)} />

      <Dialog open={dialog === 'clone'} onClose={() => { clone.reset(); setDialog(null); }} title={`Clone “${demo.customer_name}”`}
        footer={<>
          <Button variant="secondary" onClick={() => setDialog(null)}>Cancel</Button>
          <Button type="submit" form="clone-form" busy={clone.isPending}>Clone demo</Button>
        </>}>
        <form id="clone-form" className="space-y-4" onSubmit={(e) => { e.preventDefault(); clone.mutate(); }}>
          <p className="text-sm text-slate-600">A new demo with its own copy of the data and agent, and the same golden questions.</p>
          <Field label="New customer name">
            {(p) => <input {...p} name="new_customer_name" autoFocus value={cloneName} maxLength={120}
              onChange={(e) => setCloneName(e.target.value)} className={inputClass} />}
          </Field>
          {clone.isError && <ErrorNote error={clone.error} title="The demo could not be cloned" />}
        </form>
      </Dialog>

      <Dialog open={dialog === 'delete'} onClose={() => { remove.reset(); setDialog(null); }} title="Delete this demo?"
        footer={<>
          <Button variant="secondary" onClick={() => setDialog(null)}>Keep it</Button>
          <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate()}>Delete demo</Button>
        </>}>
        <p className="text-sm text-slate-700">
          <span className="font-semibold">{demo.customer_name}</span> will be removed: its dataset and data agent are dropped and
          its share links stop working. This cannot be undone.
        </p>
        {remove.isError && <div className="mt-3"><ErrorNote error={remove.error} title="The demo could not be deleted" /></div>}
      </Dialog>
    </div>
  );
}
