/** A Vega-Lite chart; the renderer (vega-embed) is loaded on the first chart only. */
import { useEffect, useRef, useState } from 'react';
import { Spinner } from './ui';

export function Chart({ spec, label }: { spec: Record<string, unknown>; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    let finalize: (() => void) | undefined;
    setState('loading');
    import('../lib/vega')
      .then(({ renderChart }) => (ref.current ? renderChart(ref.current, spec) : Promise.reject(new Error('gone'))))
      .then((result) => {
        finalize = () => result.finalize();
        if (cancelled) finalize();
        else setState('ready');
      })
      .catch(() => { if (!cancelled) setState('failed'); });
    return () => {
      cancelled = true;
      finalize?.();
    };
  }, [spec]);

  return (
    <figure className="relative min-h-[280px] rounded-lg border border-slate-100 bg-white p-3" aria-label={label}
      data-chart data-chart-state={state}>
      <div ref={ref} className="w-full" />
      {state === 'loading' && (
        <div className="absolute inset-0 flex items-center justify-center gap-2 text-sm text-slate-500">
          <Spinner className="size-4" /> Drawing the chart…
        </div>
      )}
      {state === 'failed' && (
        <p className="absolute inset-0 flex items-center justify-center text-sm text-slate-500">
          This chart could not be drawn; the rows are in the table.
        </p>
      )}
    </figure>
  );
}
