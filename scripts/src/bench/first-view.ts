import type { Browser } from 'playwright-core';
import { FRAMEWORK_ATTACHED, throttledPage } from './chromium.ts';
import { median } from './stats.ts';
import type { Row } from './table.ts';

const RUNS = 5;

// Checked every frame from the start of the document: when the form's first input is on the
// page, and when the page's framework handles it (before that, what a citizen types may not be kept).
const PROBE = `(() => {
  const attached = ${FRAMEWORK_ATTACHED};
  const check = () => {
    const input = document.querySelector('form input:not([type=hidden]), form textarea, form select');
    if (input && window.__inputShown === undefined) window.__inputShown = performance.now();
    if (attached(input)) window.__inputReady = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

/** Milliseconds from navigation start until the first input shows and until it is interactive. */
export async function firstView(browser: Browser, url: string): Promise<{ shown: number; ready: number }> {
  const { context, page } = await throttledPage(browser, PROBE);
  await page.goto(url, { waitUntil: 'load' });
  // A function, not a string: the page's CSP forbids evaluating strings.
  await page.waitForFunction(() => (window as unknown as { __inputReady?: number }).__inputReady !== undefined, undefined, { timeout: 60_000 });
  const times = (await page.evaluate('({ shown: window.__inputShown, ready: window.__inputReady })')) as { shown: number; ready: number };
  await context.close();
  return times;
}

/** Measurement 5: the 200-field form's first view, Samform against the plain page with the schema inlined, median of runs. */
export async function measureFirstView(browser: Browser, samformUrl: string, plainUrl: string): Promise<Row[]> {
  const samform: { shown: number; ready: number }[] = [];
  const plain: { shown: number; ready: number }[] = [];
  // One unmeasured load each warms Chromium and the servers.
  await firstView(browser, samformUrl);
  await firstView(browser, plainUrl);
  for (let run = 0; run < RUNS; run++) {
    samform.push(await firstView(browser, samformUrl));
    plain.push(await firstView(browser, plainUrl));
  }
  // "Can be filled in": the plain page's inputs exist only once React has rendered them; Samform's
  // served inputs take typing from their first paint, and hydration keeps what was typed (the
  // page reads the form just before hydrating; e2e/typed-before-hydration.e2e.test.ts proves it).
  return [
    {
      measurement: '5. First view, 200-field form, 4x CPU throttle: until the first input can be filled in (Samform: served form, typing kept by hydration; plain @rjsf/core: rendered, schema inlined)',
      samform: median(samform.map((s) => s.shown)),
      baseline: median(plain.map((s) => s.ready)),
      unit: 'ms',
      goal: { kind: 'ratio-at-most', bound: 0.5 },
    },
    {
      measurement: "5. First view: until the page's scripts handle the first input (Samform hydrated; plain rendered)",
      samform: median(samform.map((s) => s.ready)),
      baseline: median(plain.map((s) => s.ready)),
      unit: 'ms',
      goal: { kind: 'none' },
    },
  ];
}
