/**
 * Vega-Lite specs of the insights page: one figure per month, with the business target drawn as a dashed
 * reference line and labelled, so a month below target is visible at a glance.
 */
import type { InsightMonth, Insights } from '../api/client';

type Spec = Record<string, unknown>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
const TARGET_COLOR = '#dc2626';
const ORIGIN_COLORS = { quick: '#4f46e5', custom: '#0ea5e9', clone: '#10b981' };

/** "2026-12" → "Dec ’26". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const name = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
  return `${name} ’${String(y).slice(2)}`;
}

const monthAxis = (labels: string[]) => ({
  field: 'label', type: 'ordinal', sort: labels, scale: { domain: labels }, title: null,
  axis: { labelAngle: 0, labelOverlap: 'parity' },
});

/** The dashed line at `target` and its label at the right end. */
function targetLayers(target: number, text: string): Spec[] {
  return [
    { data: { values: [{ target }] }, mark: { type: 'rule', color: TARGET_COLOR, strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { y: { field: 'target', type: 'quantitative' } } },
    { data: { values: [{ target, text }] },
      mark: { type: 'text', color: TARGET_COLOR, align: 'right', baseline: 'bottom', dy: -3, fontSize: 11, fontWeight: 600 },
      encoding: { y: { field: 'target', type: 'quantitative' }, x: { value: 'width' }, text: { field: 'text' } } },
  ];
}

function base(title: string): Spec {
  return { $schema: SCHEMA, width: 'container', height: 220, title: { text: title, anchor: 'start' } };
}

/** Demos per active CE per month, bars, with the per-CE target. */
export function demosPerUserSpec(months: InsightMonth[], target: number): Spec {
  const labels = months.map((m) => monthLabel(m.month));
  const values = months.map((m) => ({ label: monthLabel(m.month), value: m.demos_per_user ?? 0, active: m.active_users }));
  const top = Math.max(target * 1.2, ...values.map((v) => v.value));
  return {
    ...base('Demos per CE'),
    data: { values },
    layer: [
      { mark: { type: 'bar', color: ORIGIN_COLORS.quick, width: { band: 0.6 } },
        encoding: {
          x: monthAxis(labels),
          y: { field: 'value', type: 'quantitative', title: 'demos per active CE', scale: { domain: [0, top] } },
          tooltip: [{ field: 'label', title: 'Month' }, { field: 'value', title: 'Demos per CE', format: '.1f' },
            { field: 'active', title: 'Active CEs' }],
        } },
      ...targetLayers(target, `target ${target}+`),
    ],
  };
}

/** Demos created per month, stacked by how they were made. */
export function demosByOriginSpec(months: InsightMonth[]): Spec {
  const labels = months.map((m) => monthLabel(m.month));
  const values = months.flatMap((m) => [
    { label: monthLabel(m.month), origin: 'quick', count: m.totals.quick },
    { label: monthLabel(m.month), origin: 'custom', count: m.totals.custom },
    { label: monthLabel(m.month), origin: 'clone', count: m.totals.clones },
  ]);
  return {
    ...base('Demos created'),
    data: { values },
    mark: { type: 'bar', width: { band: 0.6 } },
    encoding: {
      x: monthAxis(labels),
      y: { field: 'count', type: 'quantitative', stack: 'zero', title: 'demos' },
      color: { field: 'origin', type: 'nominal', title: null,
        scale: { domain: ['quick', 'custom', 'clone'], range: [ORIGIN_COLORS.quick, ORIGIN_COLORS.custom, ORIGIN_COLORS.clone] } },
      order: { field: 'origin', sort: 'descending' },
      tooltip: [{ field: 'label', title: 'Month' }, { field: 'origin', title: 'Made' }, { field: 'count', title: 'Demos' }],
    },
  };
}

export type RateKey = 'template_usage_rate' | 'reuse_rate' | 'sharing_rate';

/** One rate per month as a line (0–100 %), months without demos left out, with its target. */
export function rateSpec(months: InsightMonth[], key: RateKey, title: string, target: number): Spec {
  const labels = months.map((m) => monthLabel(m.month));
  const values = months.map((m) => ({ label: monthLabel(m.month), value: m.totals[key] }));
  return {
    ...base(title),
    data: { values },
    layer: [
      { transform: [{ filter: 'datum.value != null' }],
        mark: { type: 'line', point: true, color: ORIGIN_COLORS.quick },
        encoding: {
          x: monthAxis(labels),
          y: { field: 'value', type: 'quantitative', title: null, scale: { domain: [0, 1] }, axis: { format: '%', tickCount: 5 } },
          tooltip: [{ field: 'label', title: 'Month' }, { field: 'value', title, format: '.0%' }],
        } },
      ...targetLayers(target, `target ${Math.round(target * 100)} %+`),
    ],
  };
}

/** Chat questions per month: answered and declined, stacked. */
export function questionsSpec(months: InsightMonth[]): Spec {
  const labels = months.map((m) => monthLabel(m.month));
  const values = months.flatMap((m) => [
    { label: monthLabel(m.month), kind: 'answered', count: m.totals.questions_asked - m.totals.questions_declined },
    { label: monthLabel(m.month), kind: 'declined', count: m.totals.questions_declined },
  ]);
  return {
    ...base('Chat questions'),
    data: { values },
    mark: { type: 'bar', width: { band: 0.6 } },
    encoding: {
      x: monthAxis(labels),
      y: { field: 'count', type: 'quantitative', stack: 'zero', title: 'questions' },
      color: { field: 'kind', type: 'nominal', title: null, scale: { domain: ['answered', 'declined'], range: ['#0ea5e9', '#f59e0b'] } },
      order: { field: 'kind', sort: 'ascending' },
      tooltip: [{ field: 'label', title: 'Month' }, { field: 'kind', title: 'Questions' }, { field: 'count', title: 'Count' }],
    },
  };
}

/** Every chart of the page, in order, each with the name it is labelled by. */
export function insightCharts(insights: Insights): { key: string; label: string; spec: Spec }[] {
  const { months, targets } = insights;
  return [
    { key: 'demos-per-ce', label: 'Demos per CE per month', spec: demosPerUserSpec(months, targets.demos_per_user_per_month) },
    { key: 'demos-created', label: 'Demos created per month by origin', spec: demosByOriginSpec(months) },
    { key: 'template-usage', label: 'Template usage rate per month',
      spec: rateSpec(months, 'template_usage_rate', 'Template usage', targets.template_usage_rate) },
    { key: 'reuse', label: 'Reuse rate per month', spec: rateSpec(months, 'reuse_rate', 'Reuse (clones)', targets.reuse_rate) },
    { key: 'sharing', label: 'Sharing rate per month',
      spec: rateSpec(months, 'sharing_rate', 'Sharing (opened links)', targets.sharing_rate) },
    { key: 'questions', label: 'Chat questions per month', spec: questionsSpec(months) },
  ];
}
