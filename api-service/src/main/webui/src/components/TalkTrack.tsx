/** The golden questions as one-click cards: the talk track of a live demo. */
import { useState } from 'react';

const SHOWN = 6;

export function TalkTrack({ questions, onAsk, disabled }: { questions: string[]; onAsk: (q: string) => void; disabled?: boolean }) {
  const [all, setAll] = useState(false);
  if (questions.length === 0) return <p className="text-sm text-slate-500">This demo has no golden questions.</p>;
  const visible = all ? questions : questions.slice(0, SHOWN);
  return (
    <div>
      <ol className="grid grid-cols-1 gap-2" data-talk-track>
        {visible.map((q, i) => (
          <li key={q}>
            <button type="button" disabled={disabled} onClick={() => onAsk(q)} data-golden-question
              className="group flex w-full items-start gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2.5 text-left text-sm
                text-slate-800 hover:border-indigo-300 hover:bg-indigo-50/60 disabled:cursor-not-allowed disabled:opacity-60
                focus-visible:outline-2 focus-visible:outline-indigo-600">
              <span className="mt-px flex size-5 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-[11px] font-semibold text-indigo-700">{i + 1}</span>
              <span className="flex-1">{q}</span>
              <span className="hidden shrink-0 text-indigo-500 opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100 sm:inline" aria-hidden="true">→</span>
            </button>
          </li>
        ))}
      </ol>
      {questions.length > SHOWN && (
        <button type="button" onClick={() => setAll((a) => !a)}
          className="mt-2 text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 rounded">
          {all ? 'Show fewer' : `Show all ${questions.length} questions`}
        </button>
      )}
    </div>
  );
}
