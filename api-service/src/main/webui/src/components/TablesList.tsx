/** A dataset's tables with their row counts, largest first, with a bar for scale. */
import { formatCount } from '../lib/format';

export function TablesList({ tables }: { tables: Record<string, number> }) {
  const entries = Object.entries(tables).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(([, rows]) => rows));
  if (entries.length === 0) return <p className="text-sm text-slate-500">No tables yet.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-tables>
      {entries.map(([name, rows]) => (
        <li key={name} className="py-2">
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="truncate font-mono text-slate-800">{name}</span>
            <span className="shrink-0 tabular-nums text-slate-600" data-table-rows={name}>{formatCount(rows)}</span>
          </div>
          <div className="mt-1 h-1.5 rounded-full bg-slate-100">
            <div className="h-full rounded-full bg-indigo-300" style={{ width: `${Math.max(2, (rows / max) * 100)}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
