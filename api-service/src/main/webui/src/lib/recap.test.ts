import { describe, expect, it } from 'vitest';
import { answers } from '../test/fixtures';
import { buildRecap, recapFileName, RECAP_ROWS, safeSvg } from './recap';

const date = new Date('2026-12-03T15:00:00Z');
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path d="M0,0L10,10"/></svg>';

describe('the meeting recap', () => {
  it('holds every answered question with its text, first rows, chart as SVG and folded SQL, and nothing that runs or fetches', async () => {
    const html = await buildRecap({ title: 'shopify demo', customer: 'Northwind <Outdoor>', industry: 'Retail', date, turns: [
      { question: 'How many orders were placed in 2024?', answer: answers.value },
      { question: 'Who spends most?', answer: answers.table },
      { question: 'Revenue by month?', answer: answers.chart },
      { question: 'Still thinking…' },
    ] }, async () => svg);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')?.textContent).toBe('Northwind <Outdoor>');
    expect(doc.querySelector('header')?.textContent).toContain('December 3, 2026');
    expect(Array.from(doc.querySelectorAll('h2')).map((h) => h.textContent)).toEqual([
      '1. How many orders were placed in 2024?', '2. Who spends most?', '3. Revenue by month?']);
    expect(doc.querySelector('[data-recap-turn="2"] tbody')?.children).toHaveLength(RECAP_ROWS);
    expect(doc.querySelector('[data-recap-turn="2"] .more')?.textContent).toBe('First 10 of more than 100 rows.');
    expect(doc.querySelectorAll('[data-recap-turn="3"] figure svg')).toHaveLength(1);
    expect(doc.querySelector('[data-recap-turn="1"] details summary')?.textContent).toBe('SQL');
    expect(doc.querySelector('[data-recap-turn="1"] details code')?.textContent).toBe(answers.value.sql);
    expect(doc.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('leaves out a chart it cannot draw and strips anything active from an SVG', async () => {
    const html = await buildRecap({ title: 't', customer: 'C', date, turns: [{ question: 'Q', answer: answers.chart }] },
      async () => { throw new Error('no renderer'); });
    expect(html).not.toContain('<figure');
    expect(html).toContain('<table>');
    expect(safeSvg('<svg onload="x()"><script>alert(1)</script><image href="http://x/y.png"/></svg>'))
      .toBe('<svg><image /></svg>');
  });

  it('names the file after the customer and the day', () => {
    expect(recapFileName('Northwind Outdoor Co.', date)).toBe('recap-northwind-outdoor-co-2026-12-03.html');
  });
});

describe('a recap chart', () => {
  it('is drawn by Vega itself as an SVG with marks', async () => {
    const { chartToSvg } = await import('./vega');
    const svg = await chartToSvg(answers.chart.chart!);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<path[^>]+d="M/);
  });
});
