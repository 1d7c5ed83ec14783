/**
 * The chart renderer: vega-embed with Vega and Vega-Lite. This module is imported dynamically on the first chart,
 * so its ~1 MB stays out of the initial bundle. `ast: true` makes vega-embed evaluate expressions with
 * vega-interpreter instead of `new Function`, so charts render under a Content-Security-Policy without
 * 'unsafe-eval'; no <style> elements are injected (see index.css).
 */
import { parse, View } from 'vega';
import embed, { type Result, type VisualizationSpec } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type Config, type TopLevelSpec } from 'vega-lite';

const FONT = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif';
const PALETTE = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#f97316', '#64748b', '#ec4899'];

const config: Config = {
  font: FONT,
  background: 'transparent',
  view: { stroke: null },
  range: { category: PALETTE },
  mark: { color: PALETTE[0] },
  line: { strokeWidth: 2.5 },
  point: { filled: true, size: 40 },
  bar: { cornerRadiusEnd: 3 },
  axis: {
    labelColor: '#475569', titleColor: '#334155', gridColor: '#e2e8f0', domainColor: '#cbd5e1', tickColor: '#cbd5e1',
    labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600,
  },
  legend: { labelColor: '#475569', titleColor: '#334155', labelFontSize: 11, titleFontSize: 12 },
  title: { color: '#0f172a', fontSize: 13 },
};

/** A legend beside a chart leaves a phone-wide one no room to plot: there it goes below. */
const NARROW_PX = 480;

export async function renderChart(element: HTMLElement, spec: Record<string, unknown>): Promise<Result> {
  const narrow = element.clientWidth > 0 && element.clientWidth < NARROW_PX;
  return embed(element, { height: 260, ...spec } as VisualizationSpec, {
    ast: true,
    actions: false,
    renderer: 'svg',
    defaultStyle: false,
    tooltip: { disableDefaultStyle: true, theme: 'light' },
    config: narrow ? { ...config, legend: { ...config.legend, orient: 'bottom', direction: 'horizontal', columns: 2 } } : config,
    logLevel: 0,
  });
}

/**
 * A chart as one standalone SVG document, rendered by Vega itself (`View.toSVG`, no DOM needed): for the meeting
 * recap, which must show its charts without any script. Expressions run in vega-interpreter, as on the page.
 */
export async function chartToSvg(spec: Record<string, unknown>, width = 560): Promise<string> {
  const lite = { ...spec, width: typeof spec.width === 'number' ? spec.width : width, height: 260,
    config: { ...config, background: '#ffffff' } } as TopLevelSpec;
  const view = new View(parse(compile(lite).spec, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
