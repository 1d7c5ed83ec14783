/**
 * The meeting recap: one self-contained HTML file a CE sends the prospect after the demo. It holds the demo and
 * customer name, the date, and every answered question of the conversation with its answer text, the first rows of
 * its table, its chart as inline SVG (rendered by Vega's own toSVG) and its SQL folded in <details>. No script, no
 * external request (styles inline, no fonts, no images but the SVG), a print stylesheet.
 */
import type { Turn } from '../components/useChat';
import { formatCell } from './format';

/** Rows of each answer's table the recap shows. */
export const RECAP_ROWS = 10;

export interface RecapInput {
  title: string;
  customer: string;
  industry?: string;
  date: Date;
  turns: Turn[];
}

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));

/** The SVG as Vega draws it, without anything that could fetch or run (it never has either; this keeps it so). */
export function safeSvg(svg: string): string {
  return svg.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/\son\w+="[^"]*"/gi, '').replace(/(href|src)="(?!#)[^"]*"/gi, '');
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 -apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;color:#0f172a;background:#f8fafc}
main{max-width:860px;margin:0 auto;padding:32px 20px 48px}
header{border-bottom:2px solid #4f46e5;padding-bottom:16px;margin-bottom:24px}
header p{margin:0;color:#475569;font-size:13px}
h1{margin:4px 0 6px;font-size:26px;line-height:1.25}
section{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:18px 20px;margin:0 0 18px;break-inside:avoid-page}
h2{margin:0 0 8px;font-size:17px;line-height:1.35}
h2 span{display:inline-block;min-width:1.6em;color:#4f46e5}
.answer{white-space:pre-line;margin:0 0 12px}
figure{margin:0 0 12px;overflow-x:auto}
figure svg{max-width:100%;height:auto}
.table{overflow-x:auto;margin:0 0 12px}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{border-bottom:1px solid #e2e8f0;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f1f5f9;font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.more{color:#64748b;font-size:12px;margin:4px 0 0}
details{border:1px solid #e2e8f0;border-radius:8px;background:#f8fafc}
summary{cursor:pointer;padding:6px 10px;font-size:13px;font-weight:600;color:#334155}
pre{margin:0;padding:8px 10px;border-top:1px solid #e2e8f0;overflow-x:auto;font-size:12px;white-space:pre-wrap}
footer{color:#64748b;font-size:12px;text-align:center;margin-top:24px}
@media (max-width:520px){main{padding:20px 12px}h1{font-size:22px}section{padding:14px}}
@media print{body{background:#fff;font-size:12pt}main{max-width:none;padding:0}section{border:none;border-top:1px solid #cbd5e1;border-radius:0;padding:12pt 0}
details>summary{display:none}details{border:none;background:none}details>pre{display:block;border:none;padding:0;color:#334155}
header{border-bottom-color:#000}h2 span{color:#000}}
`;

function table(columns: string[], rows: unknown[][], truncated: boolean): string {
  if (rows.length === 0 || columns.length === 0) return '';
  const shown = rows.slice(0, RECAP_ROWS);
  const numeric = columns.map((_, i) => shown.some((r) => typeof r[i] === 'number') && shown.every((r) => r[i] == null || typeof r[i] === 'number'));
  const head = columns.map((c, i) => `<th scope="col"${numeric[i] ? ' class="n"' : ''}>${esc(c.replace(/_/g, ' '))}</th>`).join('');
  const body = shown.map((r) => `<tr>${r.map((v) => `<td${typeof v === 'number' ? ' class="n"' : ''}>${esc(formatCell(v))}</td>`).join('')}</tr>`).join('');
  const more = rows.length > shown.length || truncated
    ? `<p class="more">First ${shown.length} of ${truncated ? 'more than ' : ''}${rows.length} rows.</p>` : '';
  return `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more}</div>`;
}

/**
 * The recap's HTML. `svgOf` renders a chart spec to SVG (Vega's toSVG in the app); a chart it cannot draw is left
 * out (its rows are in the table).
 */
export async function buildRecap(input: RecapInput, svgOf: (spec: Record<string, unknown>) => Promise<string>): Promise<string> {
  const answered = input.turns.filter((t) => t.answer);
  const day = input.date.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
  const sections: string[] = [];
  for (const [i, t] of answered.entries()) {
    const a = t.answer!;
    let chart = '';
    if (a.chart) {
      try {
        chart = `<figure aria-label="${esc(`Chart: ${t.question}`)}">${safeSvg(await svgOf(a.chart))}</figure>`;
      } catch {
        chart = '';
      }
    }
    const sql = a.sql ? `<details><summary>SQL</summary><pre><code>${esc(a.sql)}</code></pre></details>` : '';
    sections.push(`<section data-recap-turn="${i + 1}"><h2><span>${i + 1}.</span> ${esc(t.question)}</h2>
<p class="answer">${esc(a.answer)}</p>${chart}${table(a.columns, a.rows, a.truncated)}${sql}</section>`);
  }
  const body = sections.length ? sections.join('\n') : '<section><p>No question was answered in this conversation.</p></section>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`${input.customer} · ${input.title} · recap ${day}`)}</title>
<style>${STYLE}</style></head>
<body><main>
<header><p>Meeting recap · ${esc(day)}</p><h1>${esc(input.customer)}</h1><p>${esc(input.title)}${input.industry ? ` · ${esc(input.industry)}` : ''} · ${answered.length} question${answered.length === 1 ? '' : 's'}</p></header>
${body}
<footer>Answers from the demo's data agent over the demo dataset on ${esc(day)}.</footer>
</main></body></html>
`;
}

export const recapFileName = (customer: string, date: Date) =>
  `recap-${customer.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'demo'}-${date.toISOString().slice(0, 10)}.html`;
