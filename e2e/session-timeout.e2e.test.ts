import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

// The warning opens two minutes before the end; an idle time of 2 minutes 8 seconds makes it
// open a few seconds after signing in.
const IDLE_MS = 128_000;

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
}

async function sessionEnd(page: Page): Promise<string | null> {
  return page.evaluate(async () => ((await (await fetch('/api/auth/session')).json()) as { expiresAt: string | null }).expiresAt);
}

describe('staff idle time-out (WCAG 2.2.1): a warning that lets the person extend', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    samform = await startSamformUnderTest({ staffIdleMs: IDLE_MS });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when the session nears its end, then an alertdialog takes focus, Tab stays in it, and Förläng extends the session', async () => {
    await page.goto(`${samform.url}/staff`);
    await page.getByLabel('Användarnamn').fill('ostersund.designer');
    await page.getByLabel('Lösenord').fill('demo-ostersund');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    const before = await sessionEnd(page);
    expect(before).not.toBeNull();

    const dialog = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.innerText()).toMatch(/Du loggas ut om \d:\d\d/);
    expect(await focusedText(page)).toBe('Förläng');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Stäng');
    // The modal dialog keeps focus from the page behind (it is inert): Tab goes round the
    // dialog's buttons, by way of the browser's own controls at most.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.closest('dialog') !== null)).toBe(true);
    }
    expect(await seriousAxeFindings(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Förläng' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const after = await sessionEnd(page);
    expect(Date.parse(after!)).toBeGreaterThan(Date.parse(before!));
    await page.getByRole('status').filter({ hasText: 'Inloggningen är förlängd' }).waitFor();
  });

  it('when the warning is dismissed with Escape, then it closes and the session is not extended by that', async () => {
    const before = await sessionEnd(page);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await sessionEnd(page)).toBe(before);
  });
});
