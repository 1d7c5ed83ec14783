/** The conversation: every question and its answer, and the box to ask the next one. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { describeError } from '../api/client';
import { AnswerView } from './AnswerView';
import type { Turn } from './useChat';
import { Button, Spinner, inputClass } from './ui';

/** `answerAction`: an extra action shown with each answer (the demo page's "Add to talk track"). */
export function ChatPanel({ turns, pending, onAsk, disabled, disabledReason, placeholder, answerAction }:
  { turns: Turn[]; pending: boolean; onAsk: (q: string) => void; disabled?: boolean; disabledReason?: string;
    placeholder?: string; answerAction?: (turn: Turn) => ReactNode }) {
  const [draft, setDraft] = useState('');
  const end = useRef<HTMLDivElement>(null);
  const count = turns.length;
  const answered = turns.filter((t) => t.answer || t.error).length;

  useEffect(() => {
    if (count > 0) end.current?.scrollIntoView?.({ behavior: 'smooth', block: 'nearest' });
  }, [count, answered]);

  const submit = () => {
    if (!draft.trim() || pending || disabled) return;
    onAsk(draft);
    setDraft('');
  };

  return (
    <div className="flex flex-col gap-4" data-chat>
      {turns.length === 0 && (
        <p className="rounded-lg bg-slate-50 px-4 py-6 text-center text-sm text-slate-500">
          Ask a question in plain language, or start with one of the talk-track questions.
        </p>
      )}
      <ol className="flex flex-col gap-6">
        {turns.map((turn, i) => (
          <li key={i} className="flex flex-col gap-3" data-turn={i + 1}>
            <div className="self-end max-w-[90%] rounded-2xl rounded-br-sm bg-indigo-600 px-4 py-2 text-sm text-white" data-question>
              {turn.question}
            </div>
            <div className="rounded-2xl rounded-tl-sm border border-slate-200 bg-white p-4">
              {turn.answer ? (
                <AnswerView question={turn.question} answer={turn.answer} onAsk={onAsk} disabled={pending || disabled}
                  action={answerAction?.(turn)} />
              ) : turn.error ? (
                <p role="alert" className="text-sm text-rose-700">{describeError(turn.error)}</p>
              ) : (
                <div className="flex items-center gap-2 text-sm text-slate-500" role="status">
                  <Spinner className="size-4" /> Thinking…
                </div>
              )}
            </div>
          </li>
        ))}
      </ol>
      <div ref={end} />
      <form className="sticky bottom-0 flex gap-2 border-t border-slate-100 bg-white/95 pt-3 backdrop-blur"
        onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <label htmlFor="chat-input" className="sr-only">Your question</label>
        <textarea id="chat-input" rows={1} value={draft} maxLength={2000} disabled={disabled}
          placeholder={disabled ? disabledReason : placeholder ?? 'Ask about the data…'}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit(); } }}
          className={`${inputClass} min-h-10 resize-y`} />
        <Button type="submit" disabled={!draft.trim() || pending || disabled} busy={pending}>Ask</Button>
      </form>
    </div>
  );
}
