/**
 * What a custom demo's design rests on, said plainly: the knowledge of an industry ("Knowledge for Airlines"), or a
 * composition from the brief when no knowledge fits ("Composed from the brief; no knowledge for 'ski resorts'"),
 * with the requested use cases no knowledge serves listed, so nothing asked for is dropped silently.
 */
import type { StepRecord } from '../api/client';
import { Badge } from './ui';

const SERVES = ' Use cases no knowledge serves:';
const UNSERVED_LOG = /^Use cases no industry knowledge serves: (.+)$/;

export interface Basis { text: string; unserved: string[] }

/** The basis line of the research stage and the unserved use cases the use-case stage logged. */
export function basisFromSteps(steps: StepRecord[] | undefined): Basis | null {
  const lines = (steps ?? []).flatMap((s) => s.logs.map((l) => l.message.replace(new RegExp(`^${s.step_id}: `), '')));
  const text = lines.find((m) => m.startsWith('Designed from the knowledge of') || m.startsWith('No knowledge for'));
  if (!text) return null;
  const unserved = lines.map((m) => UNSERVED_LOG.exec(m)?.[1]).find(Boolean);
  return { text, unserved: unserved ? unserved.split(', ') : [] };
}

/** The industry the research stage resolved ("SkyBridge Airlines: Airlines, 5 regions, currency USD" → "Airlines"). */
export function industryFromSteps(steps: StepRecord[] | undefined): string | undefined {
  const research = (steps ?? []).find((s) => s.step_id === 'research');
  for (const l of research?.logs ?? []) {
    const m = /: ([^:]+?), \d+ regions\b/.exec(l.message);
    if (m) return m[1];
  }
  return undefined;
}

/** The headline: which knowledge, or that the design was composed and for what. */
export function headline(text: string): string {
  const known = /^Designed from the knowledge of (.+?)\./.exec(text);
  if (known) return `Knowledge for ${known[1]}`;
  const none = /^No knowledge for '(.+?)'/.exec(text);
  return none ? `Composed from the brief; no knowledge for '${none[1]}'` : text;
}

export function DesignBasis({ basis }: { basis: Basis }) {
  const cut = basis.text.indexOf(SERVES);
  const detail = (cut >= 0 ? basis.text.slice(0, cut) : basis.text).trim();
  const composed = basis.text.startsWith('No knowledge for');
  return (
    <div className="text-sm" data-design-basis={composed ? 'composed' : 'knowledge'}>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={composed ? 'amber' : 'green'}>{composed ? 'Composed' : 'Knowledge'}</Badge>
        <span className="font-medium text-slate-900">{headline(basis.text)}</span>
      </p>
      {composed && <p className="mt-1 text-xs text-slate-600">{detail.replace(/^No knowledge for '.+?'; composed from the brief /, 'Built ')}</p>}
      {basis.unserved.length > 0 && (
        <div className="mt-2" data-unserved>
          <p className="text-xs text-slate-600">
            {composed ? 'Use cases composed from their wording:' : 'Use cases no knowledge serves (pointed at the closest tables):'}
          </p>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {basis.unserved.map((u) => <li key={u}><Badge tone="amber">{u}</Badge></li>)}
          </ul>
        </div>
      )}
    </div>
  );
}
