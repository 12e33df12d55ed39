import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

// The warning opens two minutes before the end; an idle time of 2 minutes 8 seconds makes it
// open a few seconds after logging in, and the login end 2 minutes later if nobody extends.
const IDLE_MS = 128_000;
const FORM = '/t/ostersund/e/uppehall-i-hamtning';
const PROPERTY = 'Östersund Arvesgården 4:12';

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
}

async function loginEnd(page: Page): Promise<string | null> {
  return page.evaluate(async () => ((await (await fetch('/api/citizen/e-id/session')).json()) as { expiresAt: string | null }).expiresAt);
}

async function pickTolvan(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: /Test-e-legitimation — endast demo/ }).waitFor();
  await page.getByRole('radio', { name: 'Tolvan Tolvansson' }).check();
  await page.getByRole('button', { name: 'Logga in som vald testperson' }).click();
}

describe('e-ID idle time-out on the citizen form (WCAG 2.2.1)', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    samform = await startSamformUnderTest({ eIdIdleMs: IDLE_MS });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when the login nears its idle end, then an alertdialog takes focus on Förläng, and Förläng keeps the login', async () => {
    await page.goto(`${samform.url}${FORM}`);
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await pickTolvan(page);
    await page.getByLabel(/Ditt personnummer/).waitFor();
    // Said in advance, in the page itself.
    await page.getByText('Du loggas ut automatiskt efter 2 minuter utan aktivitet').waitFor();
    await page.getByLabel(/^Fastighetsbeteckning/).fill(PROPERTY);
    const before = await loginEnd(page);
    expect(before).not.toBeNull();

    const dialog = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.innerText()).toMatch(/Om \d:\d\d loggas du ut/);
    expect(await focusedText(page)).toBe('Förläng');
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const after = await loginEnd(page);
    expect(Date.parse(after!)).toBeGreaterThan(Date.parse(before!));
    await page.getByRole('status').filter({ hasText: 'Du är fortfarande inloggad' }).waitFor();
    await page.getByText('Du är inloggad med e-legitimation som Tolvan Tolvansson.').waitFor();
  });

  it('when the login is left to end, then the dialog says so, and logging in again finds the answers on the page', async () => {
    // The warning opens again (and saves the step); it is left alone until the login has ended.
    const ended = page.getByRole('alertdialog', { name: 'Du har loggats ut' });
    await ended.waitFor({ timeout: IDLE_MS + 30_000 });
    expect(await ended.innerText()).toMatch(/Dina svar är sparade/);
    expect(await focusedText(page)).toBe('Logga in igen');
    expect(await loginEnd(page)).toBeNull();
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.keyboard.press('Enter');
    await pickTolvan(page);
    const property = page.getByLabel(/^Fastighetsbeteckning/);
    await property.waitFor();
    expect(page.url()).toBe(`${samform.url}${FORM}`);
    expect(await property.inputValue()).toBe(PROPERTY);
    expect(await loginEnd(page)).not.toBeNull();
    expect(await seriousAxeFindings(page)).toEqual([]);
  }, IDLE_MS + 90_000);
});
