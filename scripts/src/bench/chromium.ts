import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

// The flags of e2e/src/browser.ts: the network is closed, and Chromium must not dial out.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Debian's Chromium, headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: FLAGS });
}

/** A fresh phone-sized page with the CPU slowed down four times and no HTTP cache. */
export async function throttledPage(browser: Browser, initScript?: string): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
  if (initScript !== undefined) await page.addInitScript(initScript);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page, cdp };
}

/**
 * In-page test: the element's event handlers are attached by the page's framework, i.e. the page
 * is hydrated or rendered and what is typed is handled: React keeps a `__reactProps$…` entry on
 * the element (the plain @rjsf/core page), Preact 11 its handlers in `__a` (Samform's citizen pages).
 */
export const FRAMEWORK_ATTACHED = `(el) => !!el && (Object.keys(el).some((k) => k.startsWith('__reactProps$')) || (typeof el.__a === 'object' && el.__a !== null && Object.keys(el.__a).length > 0))`;
