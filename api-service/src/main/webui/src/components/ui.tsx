/** The small presentational pieces every page is made of: buttons, cards, badges, states, fields. */
import { useId, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { describeError } from '../api/client';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-700 shadow-sm disabled:bg-indigo-300',
  secondary: 'bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 shadow-sm disabled:text-slate-400',
  ghost: 'text-slate-700 hover:bg-slate-100 disabled:text-slate-400',
  danger: 'bg-rose-600 text-white hover:bg-rose-700 shadow-sm disabled:bg-rose-300',
};

const SIZES = { sm: 'px-2.5 py-1.5 text-xs', md: 'px-3.5 py-2 text-sm' };

export function buttonClass(variant: Variant = 'primary', size: keyof typeof SIZES = 'md', extra = ''): string {
  return `inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-lg font-medium transition-colors
    focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed
    ${VARIANTS[variant]} ${SIZES[size]} ${extra}`;
}

export function Button({ variant = 'primary', size = 'md', className = '', busy = false, children, ...rest }:
  ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: keyof typeof SIZES; busy?: boolean }) {
  return (
    <button type="button" className={buttonClass(variant, size, className)} disabled={busy || rest.disabled} {...rest}>
      {busy && <Spinner className="size-3.5" />}
      {children}
    </button>
  );
}

export function LinkButton({ variant = 'primary', size = 'md', className = '', ...rest }:
  LinkProps & { variant?: Variant; size?: keyof typeof SIZES }) {
  return <Link className={buttonClass(variant, size, className)} {...rest} />;
}

export function Card({ children, className = '', as: Tag = 'section', ...rest }:
  { children: ReactNode; className?: string; as?: 'section' | 'article' | 'div' } & Record<string, unknown>) {
  return (
    <Tag className={`rounded-xl border border-slate-200 bg-white shadow-sm ${className}`} {...rest}>
      {children}
    </Tag>
  );
}

const TONES = {
  slate: 'bg-slate-100 text-slate-700 ring-slate-200',
  indigo: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  amber: 'bg-amber-50 text-amber-800 ring-amber-200',
  red: 'bg-rose-50 text-rose-700 ring-rose-200',
  sky: 'bg-sky-50 text-sky-700 ring-sky-200',
};
export type Tone = keyof typeof TONES;

export function Badge({ tone = 'slate', children, className = '', ...rest }:
  { tone?: Tone; children: ReactNode; className?: string } & Record<string, unknown>) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset
      whitespace-nowrap ${TONES[tone]} ${className}`} {...rest}>
      {children}
    </span>
  );
}

const STATUS_TONES: Record<string, Tone> = {
  ready: 'green', completed: 'green', COMPLETED: 'green', PASSED: 'green',
  provisioning: 'sky', running: 'sky', RUNNING: 'sky', queued: 'slate', PENDING: 'slate',
  failed: 'red', FAILED: 'red', archived: 'amber', deleted: 'slate', WARNING: 'amber', WARN: 'amber',
};

export function StatusBadge({ status }: { status: string }) {
  const label = status.charAt(0).toUpperCase() + status.slice(1).toLowerCase().replace(/_/g, ' ');
  return <Badge tone={STATUS_TONES[status] ?? 'slate'} data-status={status}>{label}</Badge>;
}

export function Spinner({ className = 'size-5' }: { className?: string }) {
  return (
    <svg className={`animate-spin text-current ${className}`} viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle className="opacity-25" cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="4" />
      <path className="opacity-75" fill="currentColor" d="M4 12a8 8 0 0 1 8-8v4a4 4 0 0 0-4 4H4z" />
    </svg>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="flex items-center justify-center gap-3 py-16 text-slate-500" role="status">
      <Spinner />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white/60 px-6 py-12 text-center">
      <p className="text-base font-semibold text-slate-800">{title}</p>
      {children && <div className="mx-auto mt-1 max-w-md text-sm text-slate-500">{children}</div>}
      {action && <div className="mt-4 flex justify-center">{action}</div>}
    </div>
  );
}

/** An error as a readable sentence, with an optional retry. */
export function ErrorNote({ error, message, title = 'Something went wrong', onRetry }:
  { error?: unknown; message?: string; title?: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-start justify-between gap-3 rounded-xl border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
      <div>
        <p className="font-semibold">{title}</p>
        <p className="mt-0.5 break-words">{message ?? describeError(error)}</p>
      </div>
      {onRetry && <Button variant="secondary" size="sm" onClick={onRetry}>Try again</Button>}
    </div>
  );
}

export function Notice({ tone = 'indigo', children }: { tone?: 'indigo' | 'amber' | 'green'; children: ReactNode }) {
  const cls = tone === 'amber' ? 'border-amber-200 bg-amber-50 text-amber-900'
    : tone === 'green' ? 'border-emerald-200 bg-emerald-50 text-emerald-900'
      : 'border-indigo-200 bg-indigo-50 text-indigo-900';
  return <div className={`rounded-xl border px-4 py-3 text-sm ${cls}`}>{children}</div>;
}

export function PageHeader({ title, subtitle, actions, eyebrow }:
  { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; eyebrow?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        {eyebrow && <div className="mb-1 text-sm text-slate-500">{eyebrow}</div>}
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 break-words">{title}</h1>
        {subtitle && <div className="mt-1 text-sm text-slate-600">{subtitle}</div>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

export const inputClass = `block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1
  ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600
  aria-[invalid=true]:ring-rose-400`;

/** A labelled form control with its hint and, when the API named this field, the API's message under it. */
export function Field({ label, hint, error, required, children }:
  { label: string; hint?: ReactNode; error?: string; required?: boolean;
    children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}{required && <span className="text-rose-600" aria-hidden="true"> *</span>}
      </label>
      <div className="mt-1.5">{children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}</div>
      {hint && !error && <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && <p id={`${id}-error`} className="mt-1 text-xs font-medium text-rose-600" data-field-error>
        {error.charAt(0).toUpperCase() + error.slice(1)}</p>}
    </div>
  );
}

export function ProgressBar({ value, status, label }: { value: number; status?: string; label?: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  const color = status === 'failed' || status === 'FAILED' ? 'bg-rose-500'
    : status === 'completed' || status === 'COMPLETED' ? 'bg-emerald-500' : 'bg-indigo-500';
  return (
    <div className="h-3 w-full overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-valuemin={0}
      aria-valuemax={100} aria-valuenow={pct} aria-label={label ?? 'Progress'}>
      <div className={`h-full rounded-full transition-[width] duration-300 ${color}`} style={{ width: `${pct}%` }} />
    </div>
  );
}

export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Card className="px-4 py-3">
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold text-slate-900" data-stat={label}>{value}</div>
      {hint && <div className="mt-0.5 text-xs text-slate-500">{hint}</div>}
    </Card>
  );
}
