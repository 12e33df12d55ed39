import type { Browser } from 'playwright-core';
import { FRAMEWORK_ATTACHED, throttledPage } from './chromium.ts';
import { median, percentile } from './stats.ts';
import type { Row } from './table.ts';

const RUNS = 3;
const WARM_KEYS = 4;
const KEYS = 25;

// keydown (captured before the page's own handlers) → the next frame's rAF → a task after that
// frame: the delay until the keystroke's effect can be painted, for every key (the Event Timing
// API only reports events slower than 16 ms).
const PROBE = `(() => {
  window.__keyLatency = [];
  window.addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.__keyLatency.push(performance.now() - start), 0));
  }, true);
})()`;

/** Keystroke-to-next-paint times (ms) while typing into the text field labelled `label` on `url`. */
export async function typingLatencies(browser: Browser, url: string, label: RegExp): Promise<number[]> {
  const { context, page } = await throttledPage(browser);
  await page.goto(url, { waitUntil: 'load' });
  const field = page.getByLabel(label).first();
  await field.waitFor({ timeout: 60_000 });
  // Typing only counts once the page's framework handles the field (hydrated or rendered).
  await page.waitForFunction(FRAMEWORK_ATTACHED, await field.elementHandle(), { timeout: 60_000 });
  await field.click();
  await page.evaluate(PROBE);
  const text = 'Ideer for en battre park i staden varje dag';
  for (let i = 0; i < WARM_KEYS + KEYS; i++) {
    await page.keyboard.press(text[i % text.length]!);
    // A function, not a string: the page's CSP forbids evaluating strings.
    await page.waitForFunction((n) => (window as unknown as { __keyLatency: number[] }).__keyLatency.length >= n, i + 1, { timeout: 30_000 });
  }
  const all = (await page.evaluate('window.__keyLatency')) as number[];
  await context.close();
  return all.slice(WARM_KEYS);
}

/** Measurement 4: p95 keystroke-to-next-paint on the 500-field form, Samform against the plain page, median of runs. */
export async function measureTyping(browser: Browser, samformUrl: string, plainUrl: string, log: (line: string) => void): Promise<Row[]> {
  // Question 201 is a text field in the middle of the form; exact, so "Fråga 2010" could not match.
  const label = /^Fråga 201\b/;
  const samform: { p50: number; p95: number }[] = [];
  const plain: { p50: number; p95: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const [url, into] of [[samformUrl, samform], [plainUrl, plain]] as const) {
      const times = await typingLatencies(browser, url, label);
      into.push({ p50: percentile(times, 0.5), p95: percentile(times, 0.95) });
    }
    log(`  run ${run + 1}: Samform p95 ${samform.at(-1)!.p95.toFixed(0)} ms, plain p95 ${plain.at(-1)!.p95.toFixed(0)} ms`);
  }
  return [
    {
      measurement: '4. Typing, 500-field form, 4x CPU throttle: keystroke-to-next-paint p95 (vs plain @rjsf/core)',
      samform: median(samform.map((s) => s.p95)),
      baseline: median(plain.map((s) => s.p95)),
      unit: 'ms',
      goal: { kind: 'ratio-at-most', bound: 0.25 },
      note: `p50 ${median(samform.map((s) => s.p50)).toFixed(0)} ms; plain p50 ${median(plain.map((s) => s.p50)).toFixed(0)} ms`,
    },
  ];
}
