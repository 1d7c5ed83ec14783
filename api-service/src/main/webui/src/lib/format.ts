/** Number, time and size formatting shared by the pages (en-US, as the demos' data is). */
const integer = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const formatCount = (n: number | null | undefined) => (n == null ? '–' : integer.format(n));

export const formatCompact = (n: number | null | undefined) => (n == null ? '–' : compact.format(n));

/** A cell value as text: numbers grouped, null as an em dash, everything else as it is. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? integer.format(value) : value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m} min ${s} s` : `${m} min`;
}

/** "~1 s" measured here, or "~45 s" estimated, with the words a tooltip or a screen reader gives. */
export function readyInLabel(r: { seconds: number; source: string; provisions: number }): { text: string; detail: string } {
  return r.source === 'measured'
    ? { text: `~${formatSeconds(r.seconds)}`, detail: `median of the last ${r.provisions} quick start${r.provisions === 1 ? '' : 's'} on this platform` }
    : { text: `~${formatSeconds(r.seconds)}`, detail: 'estimate: no quick start of this template has completed here yet' };
}

export function formatMillis(ms: number | null | undefined): string {
  if (ms == null) return '–';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-US', {
    month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString('en-US', { hour12: false });
}

/** "3 minutes ago", "in 6 days". */
export function relativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '–';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const diff = (t - now) / 1000;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
  if (abs < 45) return diff < 0 ? 'just now' : 'in a few seconds';
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  if (abs < 86400 * 45) return rtf.format(Math.round(diff / 86400), 'day');
  return formatDateTime(iso);
}

/** "data_generation" → "Data generation". */
export const humanize = (s: string | null | undefined) =>
  s ? s.replace(/[_-]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase()) : '';
