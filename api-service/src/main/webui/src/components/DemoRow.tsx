/** One demo of a list (the compact list item of GET /api/demos), with its actions. */
import { Link } from 'react-router';
import type { DemoListItem } from '../api/client';
import { formatCompact, relativeTime } from '../lib/format';
import { DemoActions } from './DemoActions';
import { ReadinessBadge } from './ReadinessBadge';
import { StatusBadge } from './ui';

export function DemoRow({ demo }: { demo: DemoListItem }) {
  return (
    <li className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 md:grid md:grid-cols-[minmax(0,1fr)_13rem_9rem_auto]"
      data-demo={demo.demo_id}>
      <div className="min-w-[12rem] flex-1 md:min-w-0">
        <div className="flex items-center gap-2">
          {demo.is_pinned && <span className="text-amber-500" title="Pinned" aria-label="Pinned">★</span>}
          <Link to={`/demos/${encodeURIComponent(demo.demo_id)}`}
            className="font-medium text-slate-900 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600 rounded">
            {demo.customer_name || demo.demo_id}
          </Link>
        </div>
        <div className="mt-0.5 text-xs text-slate-500">
          {demo.template_id ?? 'custom'} · {demo.industry} · by {demo.created_by}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={demo.status} />
        {demo.status === 'ready' && <ReadinessBadge score={demo.readiness_score} />}
      </div>
      <div className="w-36 text-xs text-slate-500 md:w-auto">
        <div>{demo.table_count} tables · {formatCompact(demo.total_rows)} rows</div>
        <div>used {relativeTime(demo.last_used ?? demo.created_at)}</div>
      </div>
      <DemoActions demo={demo} />
    </li>
  );
}
