// Browser tests of the Web UI against a running platform, in Debian's chromium driven by playwright-core.
// WebUiIT starts the platform and runs this script; it can also run alone against `./platform up`:
//
//   BASE_URL=http://127.0.0.1:8080 API_KEY=default_tenant_api_… node webui.mjs
//
// Every step prints one JSON line {"step", "ok", "ms", "error"?, "skipped"?} and a screenshot of the page goes to
// SCREENSHOT_DIR (1280×800, and 390 px wide for the key pages). The pages run under a strict Content-Security-Policy
// (no inline scripts or styles, no eval), the policy issue 13 will send; any violation fails the run. Exit code 1
// when a step failed.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const KEY = process.env.API_KEY ?? '';
const SHOTS = resolve(process.env.SCREENSHOT_DIR ?? 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = Number(process.env.STEP_TIMEOUT_MS ?? 30_000);
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
  + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

if (!KEY) {
  console.error('API_KEY is not set');
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.error(`chromium is missing at ${CHROMIUM}: install it with apt-get install -y chromium`);
  process.exit(3);
}
mkdirSync(SHOTS, { recursive: true });

const results = [];
const report = (r) => { results.push(r); console.log(JSON.stringify(r)); };
const problems = []; // CSP violations, page errors, 5xx answers: checked in the last step

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
}); // playwright gives the browser a fresh temporary user-data-dir and removes it on close

async function newPage(viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  // The HTML documents get the strict policy; the assets and the API are not touched.
  await context.route((url) => url.origin === BASE && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/assets/'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
    });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 500) problems.push(`HTTP ${r.status()} from ${r.url()}`); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI}`));
  });
  return page;
}

const failed = new Set();
async function step(name, fn, { needs = [] } = {}) {
  const missing = needs.filter((n) => failed.has(n) || !results.some((r) => r.step === n));
  if (missing.length) {
    failed.add(name);
    report({ step: name, ok: false, skipped: true, ms: 0, error: `skipped: needs ${missing.join(', ')}` });
    return;
  }
  const start = Date.now();
  try {
    const detail = await fn();
    report({ step: name, ok: true, ms: Date.now() - start, ...(detail ? { detail } : {}) });
  } catch (e) {
    failed.add(name);
    report({ step: name, ok: false, ms: Date.now() - start, error: String(e?.message ?? e).split('\n').slice(0, 6).join(' | ') });
    await shot(page, `FAILED-${name}`).catch(() => {});
  }
}

/** A full-page screenshot at 1280 px; with `narrow`, also the 390×844 screen a phone shows (scrolled to `at`). */
async function shot(p, name, { narrow = false, at = null } = {}) {
  await p.waitForTimeout(350); // let transitions (the progress bar, smooth scrolling) finish
  await p.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  if (narrow) {
    const size = p.viewportSize();
    await p.setViewportSize({ width: 390, height: 844 });
    if (at) await p.locator(at).first().scrollIntoViewIfNeeded();
    await p.waitForTimeout(350);
    await p.screenshot({ path: join(SHOTS, `${name}-390.png`) });
    await p.setViewportSize(size);
    await p.waitForTimeout(150);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const page = await newPage();
const customer = `Northwind Browser ${Date.now().toString(36)}`;
let demoUrl = '';

await step('the strict Content-Security-Policy is in force on the pages', async () => {
  await page.goto(`${BASE}/sign-in`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  const blocked = await page.evaluate(() => new Promise((done) => {
    document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true });
    const style = document.createElement('style');
    style.textContent = 'body { color: red }';
    document.head.appendChild(style);
    setTimeout(() => done(null), 2000);
  }));
  expect(blocked && blocked.startsWith('style-src'), `an inline <style> was not refused (${blocked})`);
  await page.waitForTimeout(300);
  problems.length = 0; // that violation was the point of this step
});

await step('sign-in rejects a bad key with a clear message', async () => {
  await page.goto(`${BASE}/templates`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  expect(new URL(page.url()).pathname === '/sign-in', `expected /sign-in, at ${page.url()}`);
  await page.getByLabel('API key').fill('default_tenant_api_notarealkey0000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('This API key was not accepted').waitFor();
  await shot(page, '01-sign-in-bad-key', { narrow: true });
});

await step('sign-in with the key opens the app', async () => {
  await page.getByLabel('API key').fill(KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/templates`);
  await page.locator('[data-tenant]').waitFor();
}, { needs: ['sign-in rejects a bad key with a clear message'] });

await step('template library shows every template and filters by industry', async () => {
  const cards = page.locator('[data-template]');
  await cards.first().waitFor();
  const all = await cards.count();
  expect(all >= 6, `expected at least 6 templates, saw ${all}`);
  expect(await page.locator('[data-template="shopify"]').innerText().then((t) => t.includes('145K')), 'shopify card shows 145K rows');
  await shot(page, '02-templates', { narrow: true });
  await page.getByLabel('Industry').selectOption('Financial Services');
  await page.waitForFunction(() => document.querySelectorAll('[data-template]').length === 1);
  expect(await page.locator('[data-template="banking"]').count() === 1, 'the banking template is the one left');
  await shot(page, '03-templates-filtered');
  await page.getByLabel('Industry').selectOption('');
  await page.waitForFunction((n) => document.querySelectorAll('[data-template]').length === n, all);
  return { templates: all };
}, { needs: ['sign-in with the key opens the app'] });

await step('template detail lists tables and golden questions', async () => {
  await page.locator('[data-template="shopify"]').getByRole('link', { name: 'Details' }).click();
  await page.waitForURL(`${BASE}/templates/shopify`);
  await page.locator('[data-golden-questions]').waitFor();
  const questions = await page.locator('[data-golden-questions] > li').count();
  expect(questions >= 15, `expected ≥ 15 golden questions, saw ${questions}`);
  expect((await page.locator('[data-table-rows="customers"]').innerText()).includes('80,000'), 'customers: 80,000 rows');
  await shot(page, '04-template-detail', { narrow: true });
}, { needs: ['template library shows every template and filters by industry'] });

await step('quick-provisioning shopify shows live progress up to 100 %', async () => {
  await page.getByRole('button', { name: 'Quick start' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Customer name').fill(customer);
  await dialog.getByRole('button', { name: 'Create demo' }).click();
  await page.waitForURL(/\/jobs\/job_/);
  const seen = new Set();
  const started = Date.now();
  for (;;) {
    const text = await page.locator('[data-progress]').innerText().catch(() => '');
    if (text) seen.add(text);
    if (text === '100%') break;
    expect(Date.now() - started < 60_000, `progress stuck at ${text}`);
    await page.waitForTimeout(40);
  }
  await page.getByRole('link', { name: /Open the demo/ }).waitFor();
  expect([...seen].some((p) => p !== '100%'), `the page showed the job before it finished (saw ${[...seen]})`);
  expect((await page.locator('[data-logs]').innerText()).includes('Loaded table'), 'log lines of the table loads are shown');
  await shot(page, '05-job-completed', { narrow: true });
  return { progress_seen: [...seen] };
}, { needs: ['template detail lists tables and golden questions'] });

await step('the job page is reload-safe', async () => {
  await page.reload();
  await page.locator('[data-progress]', { hasText: '100%' }).waitFor();
  await page.getByRole('link', { name: /Open the demo/ }).waitFor();
}, { needs: ['quick-provisioning shopify shows live progress up to 100 %'] });

await step('the demo page shows readiness, tables and the talk track', async () => {
  await page.getByRole('link', { name: /Open the demo/ }).click();
  await page.getByRole('heading', { name: customer }).waitFor();
  demoUrl = page.url();
  await page.locator('[data-readiness]').waitFor(); // scored just after the demo became ready
  const tables = await page.locator('[data-tables] > li').count();
  expect(tables === 15, `expected 15 tables, saw ${tables}`);
  expect(await page.locator('[data-golden-question]').count() >= 6, 'talk-track cards are shown');
  await shot(page, '06-demo', { narrow: true });
}, { needs: ['the job page is reload-safe'] });

await step('a golden question answers with SQL, a table and a rendered chart', async () => {
  await page.locator('[data-golden-question]', { hasText: 'What was gross revenue by month in 2024?' }).click();
  const answer = page.locator('[data-turn="1"] [data-answer]');
  await answer.waitFor();
  await answer.locator('[data-sql] summary').click();
  const sql = await answer.locator('[data-sql] code').innerText();
  expect(/select/i.test(sql), `SQL is shown: ${sql.slice(0, 80)}`);
  const rows = await answer.locator('[data-result-table] tbody tr').count();
  expect(rows === 12, `expected 12 monthly rows, saw ${rows}`);
  await answer.locator('[data-chart][data-chart-state="ready"]').waitFor();
  const drawn = await answer.locator('[data-chart] svg, [data-chart] canvas').count();
  expect(drawn > 0, 'an svg or canvas inside the chart element');
  const marks = await answer.locator('[data-chart] svg path').count();
  expect(marks > 0, 'the chart has drawn marks');
  await shot(page, '07-demo-chat-chart', { narrow: true, at: '[data-turn="1"] [data-chart]' });
  return { rows, svg_paths: marks };
}, { needs: ['the demo page shows readiness, tables and the talk track'] });

await step('a follow-up chip asks the next question in the same conversation', async () => {
  const chip = page.locator('[data-turn="1"] [data-chip]').first();
  const question = await chip.innerText();
  await chip.click();
  await page.locator('[data-turn="2"] [data-answer]').waitFor();
  expect((await page.locator('[data-turn="2"] [data-question]').innerText()) === question, 'the chip became the second question');
  expect(/[?&]c=conv_/.test(page.url()), `the conversation is in the address: ${page.url()}`);
  await shot(page, '08-demo-follow-up');
  return { question };
}, { needs: ['a golden question answers with SQL, a table and a rendered chart'] });

await step('a reload brings the conversation back', async () => {
  await page.reload();
  await page.locator('[data-turn="2"] [data-answer]').waitFor();
  await page.locator('[data-turn="1"] [data-chart][data-chart-state="ready"]').waitFor();
}, { needs: ['a follow-up chip asks the next question in the same conversation'] });

await step('the CSV of an answer downloads', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.locator('[data-turn="1"]').getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename().endsWith('.csv'), `file name ${download.suggestedFilename()}`);
  const path = join(SHOTS, 'answer.csv');
  await download.saveAs(path);
  return { file: download.suggestedFilename() };
}, { needs: ['a reload brings the conversation back'] });

await step('the custom demo form shows the API validation errors next to the fields', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Custom demo' }).click();
  await page.getByRole('heading', { name: 'Custom demo' }).waitFor();
  await page.getByLabel('Industry').fill('insurance');
  await page.getByLabel('Website').fill('not a web address');
  await page.getByRole('button', { name: 'Design the demo' }).click();
  const name = page.getByLabel('Customer name');
  await page.waitForFunction(() => document.querySelector('input[name="customer_name"]')?.getAttribute('aria-invalid') === 'true');
  const nameError = await page.locator(`#${await name.getAttribute('aria-describedby')}`).innerText();
  expect(/must not be blank/i.test(nameError), `customer name error: ${nameError}`);
  const siteId = await page.getByLabel('Website').getAttribute('aria-describedby');
  expect(/web address/i.test(await page.locator(`#${siteId}`).innerText()), 'website error next to the field');
  expect(await page.getByLabel('Industry').getAttribute('aria-invalid') === 'false', 'industry has no error');
  await shot(page, '09-custom-form-errors', { narrow: true });
}, { needs: ['sign-in with the key opens the app'] });

await step('a tenant pipeline runs and shows its steps and DQ results', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipelines' }).click();
  await page.getByRole('heading', { name: 'Pipelines' }).waitFor();
  await shot(page, '10-pipelines');
  await page.getByRole('button', { name: 'Run pipeline' }).click();
  await page.waitForURL(/\/pipelines\/runs\//);
  await page.locator('[data-steps]').waitFor();
  await page.waitForFunction(() => ['Completed', 'Failed'].includes(document.querySelector('[data-current-step]')?.textContent ?? ''),
    null, { timeout: 60_000 });
  const status = await page.locator('[data-current-step]').innerText();
  expect(status === 'Completed', `the run ended ${status}`);
  const steps = await page.locator('[data-step]').count();
  const checks = await page.locator('[data-dq-results] tbody tr').count();
  expect(steps >= 3 && checks >= 3, `steps ${steps}, DQ results ${checks}`);
  await page.locator('[data-step]').first().locator('summary').click();
  await shot(page, '11-pipeline-run', { narrow: true });
  return { steps, dq_results: checks };
}, { needs: ['sign-in with the key opens the app'] });

await step('the pages are keyboard reachable', async () => {
  await page.goto(demoUrl || `${BASE}/templates`);
  await page.locator('main').waitFor();
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
  expect(first === 'Skip to content', `first Tab stop: ${first}`);
  const stops = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => document.activeElement?.textContent?.trim().slice(0, 30)));
  }
  expect(stops.includes('Templates') && stops.includes('Pipelines'), `navigation reachable by Tab: ${stops.join(' / ')}`);
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(ring !== 'none', 'the focused element shows a focus outline');
  return { tab_stops: stops };
}, { needs: ['sign-in with the key opens the app'] });

await step('the dashboard renders with readable states (its data comes with issue 11)', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('main [role="status"]'));
  const text = await page.locator('main').innerText();
  expect(!/at \w+ \(http|TypeError|\{"/.test(text), `no stack or JSON on the page: ${text.slice(0, 200)}`);
  await shot(page, '13-dashboard', { narrow: true });
}, { needs: ['sign-in with the key opens the app'] });

await step('an unknown address inside the app says so', async () => {
  await page.goto(`${BASE}/no/such/page`);
  await page.getByText('This page does not exist').waitFor();
  await shot(page, '12-not-found');
}, { needs: ['sign-in with the key opens the app'] });

await step('a fresh page load is interactive within a second', async () => {
  const fresh = await newPage();
  await fresh.goto(`${BASE}/sign-in`);
  await fresh.getByRole('heading', { name: 'Sign in' }).waitFor();
  const t = await fresh.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return { dom_interactive_ms: Math.round(n.domInteractive), dom_content_loaded_ms: Math.round(n.domContentLoadedEventEnd),
      load_ms: Math.round(n.loadEventEnd), signin_rendered_ms: Math.round(performance.now()) };
  });
  await fresh.context().close();
  expect(t.signin_rendered_ms < 1000, `sign-in rendered after ${t.signin_rendered_ms} ms`);
  return t;
});

await step('signing out returns to sign-in and forgets the key', async () => {
  await page.goto(`${BASE}/templates`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  const stored = await page.evaluate(() => sessionStorage.getItem('capi.session'));
  expect(stored === null, 'the key is gone from sessionStorage');
  await page.goto(`${BASE}/templates`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}, { needs: ['sign-in with the key opens the app'] });

await step('no page broke the Content-Security-Policy, threw, or got a 5xx', async () => {
  expect(problems.length === 0, problems.slice(0, 5).join(' | '));
  return { csp: CSP };
});

await browser.close();
const bad = results.filter((r) => !r.ok);
console.log(JSON.stringify({ summary: true, passed: results.length - bad.length, failed: bad.length }));
process.exit(bad.length ? 1 : 0);
