import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe finding, trimmed to what a failing test should print. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Run axe-core in the page for WCAG 2.1 A and AA rules and return the serious and critical
 * findings (the bar this project holds every page to). The page must run JavaScript: axe
 * schedules its work on timers, which a page with JavaScript switched off never fires; use
 * {@link seriousAxeFindingsOfMarkup} for those.
 */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  // Evaluated over the DevTools protocol, which the page's strict CSP rightly does not let a
  // <script> tag do; the pages keep their real policy during the check.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * axe on exactly what a page with JavaScript off shows: its current markup is served again at
 * the same address to a page that may run axe, with the site's own scripts blocked, so the
 * markup stays the server's and styles and images load as they did.
 */
export async function seriousAxeFindingsOfMarkup(browser: Browser, page: Page): Promise<AxeFinding[]> {
  const url = page.url();
  const markup = await page.content();
  const context = await browser.newContext({ viewport: page.viewportSize() ?? { width: 390, height: 844 } });
  try {
    const mirror = await context.newPage();
    await mirror.route('**/*', (route) => {
      const request = route.request();
      if (request.resourceType() === 'document' && request.url() === url) return route.fulfill({ body: markup, contentType: 'text/html; charset=utf-8' });
      if (request.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    await mirror.goto(url);
    return await seriousAxeFindings(mirror);
  } finally {
    await context.close();
  }
}
