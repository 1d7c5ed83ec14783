/** How many golden questions the demo's agent answered like the golden SQL when it became ready. */
import { Badge } from './ui';

export function ReadinessBadge({ score, passed, total }: { score: number | null | undefined; passed?: number; total?: number }) {
  if (score == null) return <Badge title="Readiness is scored once the demo is ready">Readiness pending</Badge>;
  const pct = Math.round(score);
  const tone = pct >= 90 ? 'green' : pct >= 60 ? 'amber' : 'red';
  const detail = passed != null && total != null ? ` (${passed}/${total})` : '';
  return (
    <Badge tone={tone} title="Share of golden questions the agent answered with the golden query's rows" data-readiness={pct}>
      Readiness {pct}%{detail}
    </Badge>
  );
}
