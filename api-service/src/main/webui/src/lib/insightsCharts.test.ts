import { describe, expect, it } from 'vitest';
import { insights } from '../test/fixtures';
import { demosPerUserSpec, insightCharts, monthLabel, rateSpec } from './insightsCharts';

type Layer = { mark: { type: string }; data?: { values: Record<string, unknown>[] }; transform?: unknown[] };

describe('the insights charts', () => {
  it('label months short, with the year', () => {
    expect(monthLabel('2026-12')).toBe('Dec ’26');
    expect(monthLabel('2027-01')).toBe('Jan ’27');
  });

  it('draw each target as a dashed rule with its label', () => {
    const spec = rateSpec(insights.months, 'template_usage_rate', 'Template usage', 0.7) as { layer: Layer[] };
    const rule = spec.layer.find((l) => l.mark.type === 'rule')!;
    expect(rule.data!.values).toEqual([{ target: 0.7 }]);
    expect(rule.mark).toMatchObject({ strokeDash: [6, 4] });
    expect(spec.layer.find((l) => l.mark.type === 'text')!.data!.values[0].text).toBe('target 70 %+');
  });

  it('leave months without demos out of a rate line but keep them on the axis', () => {
    const spec = rateSpec(insights.months, 'reuse_rate', 'Reuse', 0.5) as unknown as
      { data: { values: { label: string; value: number | null }[] }; layer: Layer[] };
    expect(spec.data.values.map((v) => v.value)).toEqual([null, 0.25, 10 / 60]);
    expect(spec.layer[0].transform).toEqual([{ filter: 'datum.value != null' }]);
  });

  it('scale the per-CE chart so its target line is always in view', () => {
    const spec = demosPerUserSpec(insights.months.slice(0, 2), 25) as unknown as
      { layer: { encoding?: { y?: { scale?: { domain: number[] } } } }[] };
    expect(spec.layer[0].encoding!.y!.scale!.domain[1]).toBeGreaterThan(25);
  });

  it('are six, with every target the API sent', () => {
    const charts = insightCharts(insights);
    expect(charts.map((c) => c.key)).toEqual(['demos-per-ce', 'demos-created', 'template-usage', 'reuse', 'sharing', 'questions']);
    const targets = charts.flatMap((c) => ((c.spec.layer as Layer[] | undefined) ?? [])
      .filter((l) => l.mark.type === 'rule').map((l) => l.data!.values[0].target));
    expect(targets).toEqual([25, 0.7, 0.5, 0.4]);
  });
});
