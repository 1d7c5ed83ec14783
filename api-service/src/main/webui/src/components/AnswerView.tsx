/** One answer of the data agent: text, SQL, value or rows, chart and follow-up questions. */
import type { ReactNode } from 'react';
import type { ChatReply } from '../api/client';
import { downloadText, slug, toCsv } from '../lib/csv';
import { formatCell } from '../lib/format';
import { Chart } from './Chart';
import { CopyButton } from './CopyButton';
import { ResultTable } from './ResultTable';
import { Badge, Button, type Tone } from './ui';

export type Answer = Omit<ChatReply, 'conversation_id'>;

const OUTCOMES: Record<string, { label: string; tone: Tone; title: string }> = {
  golden: { label: 'Golden query', tone: 'green', title: 'Answered with the curated SQL of a golden question' },
  planned: { label: 'Planned SQL', tone: 'indigo', title: 'SQL planned by the agent over the dataset schema' },
  declined: { label: 'Not answerable', tone: 'amber', title: 'The agent found no safe way to answer from this data' },
};

/** The declined answer lists its suggestions as "- question" lines; they are shown as chips instead. */
function answerText(answer: Answer): string {
  if (answer.outcome !== 'declined') return answer.answer;
  const suggestions = new Set(answer.follow_up_questions);
  return answer.answer.split('\n')
    .filter((line) => !(line.startsWith('- ') && suggestions.has(line.slice(2).trim())))
    .filter((line) => !/^here are questions i can answer:?$/i.test(line.trim()))
    .join('\n').trim()
    .replace(/\s*Here are questions I can answer:?$/i, ''); // the chips below are those questions
}

/** `action`: an extra action for this answer (the demo page's "Add to talk track"). */
export function AnswerView({ question, answer, onAsk, disabled, action }:
  { question: string; answer: Answer; onAsk?: (q: string) => void; disabled?: boolean; action?: ReactNode }) {
  const outcome = OUTCOMES[answer.outcome] ?? { label: answer.outcome, tone: 'slate' as Tone, title: answer.outcome };
  const single = answer.columns.length === 1 && answer.rows.length === 1 && !answer.chart;
  const hasRows = answer.rows.length > 0;

  return (
    <article className="space-y-3" data-answer data-outcome={answer.outcome}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={outcome.tone} title={outcome.title}>{outcome.label}</Badge>
        {answer.turn > 0 && <span className="text-xs text-slate-400">Turn {answer.turn}</span>}
      </div>
      <p className="whitespace-pre-line text-[15px] leading-relaxed text-slate-800" data-answer-text>{answerText(answer)}</p>

      {single && (
        <div className="rounded-xl bg-indigo-50 px-5 py-4" data-single-value>
          <div className="text-xs font-medium uppercase tracking-wide text-indigo-700">{answer.columns[0].replace(/_/g, ' ')}</div>
          <div className="mt-1 text-3xl font-semibold tabular-nums text-indigo-950">{formatCell(answer.rows[0][0])}</div>
        </div>
      )}

      {answer.chart && <Chart spec={answer.chart} label={`Chart: ${question}`} />}

      {hasRows && !single && <ResultTable columns={answer.columns} rows={answer.rows} truncated={answer.truncated} />}

      {(answer.sql || hasRows || action) && (
        <div className="flex flex-col-reverse items-start gap-2 sm:flex-row">
          {answer.sql && (
            <details className="group w-full min-w-0 flex-1 rounded-lg border border-slate-200 bg-slate-50" data-sql>
              <summary className="cursor-pointer select-none list-none px-3 py-2 text-sm font-medium text-slate-700 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 rounded-lg">
                <span className="inline-block transition-transform group-open:rotate-90" aria-hidden="true">▸</span> SQL
              </summary>
              <div className="border-t border-slate-200 px-3 py-2">
                <div className="mb-2 flex justify-end"><CopyButton text={answer.sql} label="Copy SQL" /></div>
                <pre className="overflow-x-auto whitespace-pre text-xs leading-relaxed text-slate-800"><code>{answer.sql}</code></pre>
              </div>
            </details>
          )}
          {hasRows && (
            <Button variant="secondary" size="sm" className="sm:mt-1"
              onClick={() => downloadText(`${slug(question)}.csv`, toCsv(answer.columns, answer.rows))}>
              Download CSV
            </Button>
          )}
          {action}
        </div>
      )}

      {answer.follow_up_questions.length > 0 && onAsk && (
        <div>
          <p className="mb-1.5 text-xs font-medium text-slate-500">
            {answer.outcome === 'declined' ? 'Questions this demo can answer' : 'Ask next'}
          </p>
          <div className="flex flex-wrap gap-2">
            {answer.follow_up_questions.map((q) => (
              <button key={q} type="button" disabled={disabled} onClick={() => onAsk(q)} data-chip
                className="rounded-full border border-indigo-200 bg-white px-3 py-1 text-left text-sm text-indigo-700 hover:bg-indigo-50 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
                {q}
              </button>
            ))}
          </div>
        </div>
      )}
    </article>
  );
}
