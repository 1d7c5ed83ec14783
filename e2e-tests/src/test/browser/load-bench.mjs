// The Web UI's page-load benchmark (target: page interactive < 1 s locally), run by bench/run: fresh browser
// contexts (empty cache) load two pages in Debian's chromium and the time from navigation start to the page being
// usable is recorded in the page itself (a MutationObserver installed before any script runs):
//   - sign-in: the API key field is on the screen;
//   - dashboard: signed in, the dashboard has its data (the figures, or the notice of a server without them).
// Writes p50/p95/p99/max to RESULTS_DIR/webui-latest.{json,md}.
//
//   BASE_URL=http://127.0.0.1:8080 API_KEY=… RESULTS_DIR=bench/results node load-bench.mjs [runs per page, default 20]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const KEY = process.env.API_KEY ?? '';
const RESULTS = resolve(process.env.RESULTS_DIR ?? 'results');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Number(process.argv[2] ?? 20);
const TARGET_MS = 1000;

const PAGES = [
  { name: 'sign-in (key field shown)', path: '/sign-in', ready: 'input[name="api-key"]', signedIn: false },
  { name: 'dashboard with its data, signed in', path: '/', ready: '[data-stat="Total demos"], [data-demo-management="missing"]', signedIn: true },
];

const browser = await chromium.launch({
  executablePath: CHROMIUM, headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});

async function once(page) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(({ selector, session }) => {
    if (session) sessionStorage.setItem('capi.session', session);
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        window.__readyAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, { selector: page.ready, session: page.signedIn ? JSON.stringify({ mode: 'key', apiKey: KEY, tenantId: KEY.split('_api_')[0] }) : null });
  const tab = await context.newPage();
  await tab.goto(`${BASE}${page.path}`);
  try {
    await tab.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30_000 });
  } catch (e) {
    const text = await tab.evaluate(() => document.body?.innerText ?? '').catch(() => '?');
    throw new Error(`${page.name}: not usable within 30 s at ${tab.url()}; the page says: ${text.slice(0, 300)}`);
  }
  const t = await tab.evaluate(() => {
    const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    return { ready: window.__readyAt, fcp: paint?.startTime ?? null };
  });
  await context.close();
  return t;
}

const nearestRank = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
const rows = [];
for (const page of PAGES) {
  await once(page); // warm the server (the browser's cache is fresh in every context)
  const ready = [];
  const fcp = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await once(page);
    ready.push(t.ready);
    if (t.fcp !== null) fcp.push(t.fcp);
  }
  for (const [measure, values] of [['usable', ready], ['first contentful paint', fcp]]) {
    const s = [...values].sort((a, b) => a - b);
    rows.push({ page: page.name, measure, n: s.length, p50_ms: Math.round(nearestRank(s, 50)), p95_ms: Math.round(nearestRank(s, 95)),
      p99_ms: Math.round(nearestRank(s, 99)), max_ms: Math.round(s.at(-1)) });
  }
}
await browser.close();

const result = {
  date: new Date().toISOString(), platform: BASE, cpus: cpus().length, load_average_1m: Math.round(loadavg()[0] * 100) / 100,
  browser: 'chromium (headless, fresh context and cache per run)', target_ms: TARGET_MS, rows,
  target_met: rows.filter((r) => r.measure === 'usable').every((r) => r.p95_ms < TARGET_MS),
};
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'webui-latest.json'), JSON.stringify(result, null, 2) + '\n');
const line = (cells, widths) => cells.map((c, i) => String(c)[i === 0 || i === 1 ? 'padEnd' : 'padStart'](widths[i])).join('  ');
const widths = [36, 24, 4, 7, 7, 7, 7];
const table = [line(['page', 'measure', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], widths), '-'.repeat(102),
  ...rows.map((r) => line([r.page, r.measure, r.n, r.p50_ms, r.p95_ms, r.p99_ms, r.max_ms], widths))];
const md = `# CAPI Demo Platform Web UI page loads

- Date: ${result.date}
- Platform: ${BASE}; ${result.cpus} CPUs, load average ${result.load_average_1m} when it ended
- ${result.browser}; "usable" = navigation start until the page's key element is on the screen

\`\`\`
${table.join('\n')}
\`\`\`

Target: usable p95 < ${TARGET_MS} ms: ${result.target_met ? 'met' : 'missed'}.
`;
writeFileSync(join(RESULTS, 'webui-latest.md'), md);
console.log(md);
