// The JavaScript budget of the Web UI: what index.html loads before the first page renders (its module
// scripts and modulepreloads) must stay within 250 KB gzipped; lazily loaded chunks (the chart renderer) do not
// count. Run after `vite build`; prints the sizes and exits 1 when the budget is exceeded.
// Usage: node scripts/check-budget.mjs <build dir> [budget KB]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2];
const budgetKb = Number(process.argv[3] ?? 250);
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
const kb = (bytes) => Math.round(bytes / 100) / 10; // kB of 1,000 bytes, as vite prints them
const size = (file) => {
  const bytes = readFileSync(join(dir, file));
  return { file, raw_kb: kb(bytes.length), gzip_kb: kb(gzipSync(bytes, { level: 9 }).length) };
};

const loaded = initial.map(size);
const lazy = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))
  .map((f) => size(`assets/${f}`));
const total = Math.round(loaded.reduce((a, s) => a + s.gzip_kb, 0) * 10) / 10;
console.log(JSON.stringify({ initial_js_gzip_kb: total, budget_kb: budgetKb, initial: loaded, lazy }));
if (initial.length === 0) {
  console.error('check-budget: index.html loads no script; is this the build output?');
  process.exit(1);
}
if (total > budgetKb) {
  console.error(`check-budget: the initial JavaScript is ${total} KB gzipped, over the ${budgetKb} KB budget`);
  process.exit(1);
}
