/**
 * The talk track of the CE's own demo: presented as the one-click questions of {@link TalkTrack}, and in edit mode
 * reordered (drag the handle, or focus it and press the arrow keys, or the ↑ ↓ buttons), renamed inline and removed.
 * Every change is saved at once; the order is saved one request at a time, the latest order last.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { describeError, removeGoldenQuery, renameGoldenQuery, reorderTalkTrack, type TalkTrackItem } from '../api/client';
import { expectRescore } from '../api/rescore';
import { TalkTrack } from './TalkTrack';
import { Button, inputClass } from './ui';

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

const iconButton = 'flex size-7 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 '
  + 'disabled:opacity-30 disabled:hover:bg-transparent focus-visible:outline-2 focus-visible:outline-indigo-600';

export function TalkTrackEditor({ demoId, items, editing, onAsk, disabled }:
  { demoId: string; items: TalkTrackItem[]; editing: boolean; onAsk: (q: string) => void; disabled?: boolean }) {
  const client = useQueryClient();
  const [order, setOrder] = useState(items);
  const [renaming, setRenaming] = useState<{ id: string; draft: string } | null>(null);
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const saving = useRef(false);
  const latest = useRef<string[] | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterMove = useRef<string | null>(null);

  // The server's list wins whenever it changes (after a save, or another editor's change).
  useEffect(() => { if (!saving.current) setOrder(items); }, [items]);
  useEffect(() => {
    if (focusAfterMove.current) {
      handles.current.get(focusAfterMove.current)?.focus();
      focusAfterMove.current = null;
    }
  });

  const refresh = () => {
    expectRescore(client, demoId);
    return Promise.all([
      client.invalidateQueries({ queryKey: ['talk-track', demoId] }),
      client.invalidateQueries({ queryKey: ['demo', demoId] }),
    ]);
  };

  const saveOrder = async () => {
    if (saving.current) return;
    saving.current = true;
    try {
      while (latest.current) {
        const ids = latest.current;
        latest.current = null;
        await reorderTalkTrack(demoId, ids);
      }
      setError(null);
    } catch (e) {
      latest.current = null;
      setError({ title: 'The new order could not be saved', error: e });
    } finally {
      saving.current = false;
      await refresh();
    }
  };

  const reorder = (from: number, to: number, focusId?: string) => {
    const next = move(order, from, to);
    if (next === order) return;
    setOrder(next);
    latest.current = next.map((q) => q.id);
    if (focusId) focusAfterMove.current = focusId;
    setAnnounce(`“${order[from].question}” moved to position ${to + 1} of ${order.length}.`);
    void saveOrder();
  };

  const rename = useMutation({
    mutationFn: ({ id, question }: { id: string; question: string }) => renameGoldenQuery(demoId, id, question),
    onMutate: ({ id, question }) => { setOrder((o) => o.map((q) => (q.id === id ? { ...q, question } : q))); setRenaming(null); },
    onSuccess: () => setError(null),
    onError: (e) => setError({ title: 'The question could not be renamed', error: e }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => removeGoldenQuery(demoId, id),
    onMutate: (id) => setOrder((o) => o.filter((q) => q.id !== id)),
    onSuccess: () => setError(null),
    onError: (e) => setError({ title: 'The question could not be removed', error: e }),
    onSettled: refresh,
  });

  if (!editing) return <TalkTrack questions={order.map((q) => q.question)} onAsk={onAsk} disabled={disabled} />;
  if (order.length === 0) return <p className="text-sm text-slate-500">The talk track is empty. Add answers from the chat with “Add to talk track”.</p>;

  const onHandleKey = (e: KeyboardEvent<HTMLButtonElement>, i: number, id: string) => {
    if (e.key === 'ArrowUp') { e.preventDefault(); reorder(i, i - 1, id); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); reorder(i, i + 1, id); }
    else if (e.key === 'Home') { e.preventDefault(); reorder(i, 0, id); }
    else if (e.key === 'End') { e.preventDefault(); reorder(i, order.length - 1, id); }
  };

  const commitRename = () => {
    if (!renaming) return;
    const question = renaming.draft.trim();
    const current = order.find((q) => q.id === renaming.id);
    if (!question || question === current?.question) { setRenaming(null); return; }
    rename.mutate({ id: renaming.id, question });
  };

  return (
    <div>
      <p className="mb-2 text-xs text-slate-500">Drag a question by its handle, or focus the handle and use the arrow keys.</p>
      <ol className="grid grid-cols-1 gap-1.5" data-talk-track-editor>
        {order.map((q, i) => (
          <li key={q.id} data-golden-id={q.id}
            className={`flex flex-wrap items-start gap-1.5 rounded-lg border sm:flex-nowrap bg-white px-1.5 py-1.5 text-sm ${dragged === i ? 'border-indigo-400 opacity-60' : 'border-slate-200'}`}
            onDragOver={(e) => { if (dragged !== null) e.preventDefault(); }}
            onDrop={(e) => { e.preventDefault(); if (dragged !== null) reorder(dragged, i); setDragged(null); }}>
            <button type="button" draggable ref={(el) => { if (el) handles.current.set(q.id, el); else handles.current.delete(q.id); }}
              onDragStart={(e) => { setDragged(i); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', q.id); }}
              onDragEnd={() => setDragged(null)}
              onKeyDown={(e) => onHandleKey(e, i, q.id)} data-reorder-handle
              aria-label={`Reorder “${q.question}”, position ${i + 1} of ${order.length}`}
              className={`${iconButton} cursor-grab active:cursor-grabbing`}>
              <span aria-hidden="true" className="text-base leading-none">⠿</span>
            </button>
            <span className="mt-1 flex size-5 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-[11px] font-semibold text-indigo-700">{i + 1}</span>
            {renaming?.id === q.id ? (
              <form className="flex min-w-0 flex-1 flex-col gap-1.5" onSubmit={(e) => { e.preventDefault(); commitRename(); }}>
                <label className="sr-only" htmlFor={`rename-${q.id}`}>Question</label>
                <input id={`rename-${q.id}`} autoFocus value={renaming.draft} maxLength={500}
                  onChange={(e) => setRenaming({ id: q.id, draft: e.target.value })}
                  onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); setRenaming(null); } }}
                  className={`${inputClass} py-1 text-sm`} />
                <div className="flex gap-1.5">
                  <Button type="submit" size="sm" disabled={!renaming.draft.trim()}>Save</Button>
                  <Button variant="ghost" size="sm" onClick={() => setRenaming(null)}>Cancel</Button>
                </div>
              </form>
            ) : (
              <span className="mt-0.5 min-w-0 flex-1 break-words text-slate-800" data-golden-question-text>{q.question}</span>
            )}
            {renaming?.id !== q.id && (
              <span className="ml-auto flex shrink-0 items-center max-sm:-mt-1 max-sm:w-full max-sm:justify-end">
                <button type="button" className={`${iconButton} lg:hidden`} disabled={i === 0} onClick={() => reorder(i, i - 1)}
                  aria-label={`Move “${q.question}” up`} title="Move up"><span aria-hidden="true">↑</span></button>
                <button type="button" className={`${iconButton} lg:hidden`} disabled={i === order.length - 1} onClick={() => reorder(i, i + 1)}
                  aria-label={`Move “${q.question}” down`} title="Move down"><span aria-hidden="true">↓</span></button>
                <button type="button" className={iconButton} onClick={() => setRenaming({ id: q.id, draft: q.question })}
                  aria-label={`Rename “${q.question}”`} title="Rename"><span aria-hidden="true">✎</span></button>
                <button type="button" className={`${iconButton} hover:text-rose-700`} onClick={() => remove.mutate(q.id)}
                  aria-label={`Remove “${q.question}”`} title="Remove"><span aria-hidden="true">✕</span></button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">{announce}</p>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">{error.title}: {describeError(error.error)}</p>
      )}
    </div>
  );
}
