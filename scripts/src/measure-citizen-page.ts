/**
 * Measures a citizen form page the way a citizen on a cheap phone meets it: the gzipped
 * JavaScript it loads, and how soon a 200-field form paints in Chromium with the CPU
 * slowed down four times. Prints a table; numbers are medians over the runs.
 *
 *   pnpm measure:citizen [--runs 5] [--fields 200]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadForms } from '@samform/forms';
import { createLogger, startSamform } from '@samform/server';
import { openSqliteStore } from '@samform/store';
import { chromium, type Browser } from 'playwright-core';
import { largeFormDefinition } from './large-form.ts';

const CLIENT_DIST = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../client/dist');
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface PageMeasure {
  jsGzipBytes: number;
  jsFiles: number;
  firstContentfulPaintMs: number;
  /** First frame in which every field of the form is on the page (with JavaScript off: first paint). */
  formShownMs: number;
  domContentLoadedMs: number;
  loadMs: number;
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, fields: { type: 'string', default: '200' } } });
const runs = Number(values.runs);
const fields = Number(values.fields);

const dataDir = await mkdtemp(join(tmpdir(), 'samform-measure-'));
const store = await openSqliteStore({ file: join(dataDir, 'samform.sqlite') });
const forms = await loadForms();
const large = largeFormDefinition(fields);
const samform = await startSamform({
  store,
  mode: 'demo',
  host: '127.0.0.1',
  clientDir: CLIENT_DIST,
  logger: createLogger(undefined, 'warn'),
  forms: { ...forms, services: [...forms.services, { owner: 'ostersund', definition: large, file: '(generated)' }] },
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });

try {
  const rows: [string, PageMeasure][] = [];
  for (const javaScript of [true, false]) {
    for (const [name, path, controls] of [
      // The idea form's first step asks three questions.
      ['idea form (Östersund)', '/t/ostersund/e/lamna-din-ide', 3],
      [`${fields}-field form`, `/t/ostersund/e/${large.id}`, fields],
    ] as const) {
      const measures: PageMeasure[] = [];
      for (let i = 0; i < runs; i++) measures.push(await measurePage(browser, `${samform.url}${path}`, javaScript, controls));
      rows.push([`${name}, JavaScript ${javaScript ? 'on' : 'off'}`, median(measures)]);
    }
  }
  printTable(rows);
} finally {
  await browser.close();
  await samform.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
}

async function measurePage(browser: Browser, url: string, javaScript: boolean, controls: number): Promise<PageMeasure> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // Runs before the page's own scripts (and outside its CSP): note the first frame in which the
  // form's questions are all there. A question is a label or a legend.
  // (A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.)
  await page.addInitScript(`(() => {
    const check = () => {
      const questions = document.querySelectorAll('form label:not(.sf-choice-label), form legend').length;
      if (questions >= ${controls}) window.__formShown = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
  });
  await page.goto(url, { waitUntil: 'load' });
  // JavaScript may load more after `load` (the form's chunk, the version's validator module).
  await page.waitForLoadState('networkidle');
  const timing = await cdp.send('Runtime.evaluate', {
    returnByValue: true,
    expression: `(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { fcp: fcp ? fcp.startTime : -1, shown: window.__formShown ?? -1, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
    })()`,
  });
  const t = timing.result.value as { fcp: number; shown: number; dcl: number; load: number };
  const sizes = await Promise.all(scripts);
  await context.close();
  return { jsGzipBytes: sizes.reduce((a, b) => a + b, 0), jsFiles: sizes.length, firstContentfulPaintMs: t.fcp, formShownMs: javaScript ? t.shown : t.fcp, domContentLoadedMs: t.dcl, loadMs: t.load };
}

function median(measures: PageMeasure[]): PageMeasure {
  const mid = (pick: (m: PageMeasure) => number): number => {
    const sorted = measures.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  return {
    jsGzipBytes: mid((m) => m.jsGzipBytes),
    jsFiles: mid((m) => m.jsFiles),
    firstContentfulPaintMs: mid((m) => m.firstContentfulPaintMs),
    formShownMs: mid((m) => m.formShownMs),
    domContentLoadedMs: mid((m) => m.domContentLoadedMs),
    loadMs: mid((m) => m.loadMs),
  };
}

function printTable(rows: [string, PageMeasure][]): void {
  console.log(`\nCitizen page, Chromium with 4x CPU throttling, loopback, median of ${runs} runs\n`);
  const header = ['page', 'JS gzip (bytes)', 'JS files', 'first paint (ms)', 'form shown (ms)', 'DOMContentLoaded (ms)', 'load (ms)'];
  const lines = rows.map(([name, m]) => [
    name,
    String(m.jsGzipBytes),
    String(m.jsFiles),
    m.firstContentfulPaintMs.toFixed(0),
    m.formShownMs < 0 ? 'never' : m.formShownMs.toFixed(0),
    m.domContentLoadedMs.toFixed(0),
    m.loadMs.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}
