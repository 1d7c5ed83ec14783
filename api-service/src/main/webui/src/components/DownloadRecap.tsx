/** "Download recap": the conversation as one self-contained HTML file (see lib/recap). */
import { useState } from 'react';
import { downloadText } from '../lib/csv';
import { buildRecap, recapFileName } from '../lib/recap';
import type { Turn } from './useChat';

export function DownloadRecap({ title, customer, industry, turns }: { title: string; customer: string; industry?: string; turns: Turn[] }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const answered = turns.some((t) => t.answer);
  if (!answered) return null;
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { chartToSvg } = await import('../lib/vega');
      const date = new Date();
      const html = await buildRecap({ title, customer, industry, date, turns }, (spec) => chartToSvg(spec));
      downloadText(recapFileName(customer, date), html, 'text/html;charset=utf-8');
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      {failed && <span role="alert" className="text-xs text-rose-700">The recap could not be made.</span>}
      <button type="button" onClick={() => void download()} disabled={busy} data-download-recap
        className="whitespace-nowrap rounded text-xs font-medium text-indigo-700 hover:underline disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
        {busy ? 'Preparing recap…' : 'Download recap'}
      </button>
    </span>
  );
}
