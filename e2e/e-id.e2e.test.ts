import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings, seriousAxeFindingsOfMarkup } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { apiAsTenant, startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

const DAY_MS = 86_400_000;
const isoDay = (daysAhead: number): string => new Date(Date.now() + daysAhead * DAY_MS).toISOString().slice(0, 10);

// The region's pause in waste collection requires e-ID: a citizen of Östersund is asked to log
// in, logs in at the demo IdP as Tolvan, finds the personnummer filled in and locked, and sends.
// With JavaScript off (plain posts) and on (hydrated), with axe on every page on the way.
describe.each([
  { javaScript: false, mode: 'without JavaScript' },
  { javaScript: true, mode: 'with JavaScript' },
])('a citizen with e-ID, $mode', ({ javaScript }) => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  async function checkAxe(name: string): Promise<void> {
    const findings = javaScript ? await seriousAxeFindings(page) : await seriousAxeFindingsOfMarkup(browser, page);
    expect(findings, `axe on ${name}`).toEqual([]);
  }

  beforeAll(async () => {
    samform = await startSamformUnderTest();
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 390, height: 844 } });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when Tolvan logs in at the demo IdP and sends the pause, then the personnummer is locked to the login and lands in the queue', async () => {
    await page.goto(`${samform.url}/t/ostersund/e/uppehall-i-hamtning`);
    await page.getByRole('heading', { level: 2, name: 'Logga in för att fortsätta' }).waitFor();
    expect(await page.getByLabel(/Ditt personnummer/).count()).toBe(0);
    await checkAxe('e-ID required');

    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await page.getByRole('heading', { level: 1, name: /Test-e-legitimation — endast demo/ }).waitFor();
    await checkAxe('demo IdP persona picker');
    await page.getByRole('radio', { name: 'Tolvan Tolvansson' }).check();
    await page.getByRole('button', { name: 'Logga in som vald testperson' }).click();

    const personnummer = page.getByLabel(/Ditt personnummer/);
    await personnummer.waitFor();
    expect(page.url()).toBe(`${samform.url}/t/ostersund/e/uppehall-i-hamtning`);
    expect(await personnummer.inputValue()).toBe('19121212-1212');
    expect(await personnummer.getAttribute('readonly')).not.toBeNull();
    await page.getByText('Hämtat från din e-legitimation').first().waitFor();
    await page.getByText('Du är inloggad med e-legitimation som Tolvan Tolvansson.').waitFor();
    await checkAxe('form with the locked personnummer');

    await page.getByLabel(/^Fastighetsbeteckning/).fill('Östersund Arvesgården 4:12');
    await page.getByRole('group', { name: /Vem är du\?/ }).getByLabel('Jag äger fastigheten').check();
    await page.getByLabel(/^Uppehållet börjar/).fill(isoDay(56));
    await page.getByLabel(/^Uppehållet slutar/).fill(isoDay(56 + 182));
    await page.getByLabel(/^E-postadress/).fill('tolvan@exempel.se');
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await page.getByRole('heading', { level: 1, name: /Kontrollera dina svar/ }).waitFor();
    expect(await page.getByText('19121212-1212').count()).toBeGreaterThan(0);
    await checkAxe('review');
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.getByRole('heading', { level: 1, name: /Tack, vi har tagit emot ditt ärende/ }).waitFor();
    await checkAxe('receipt');
    const reference = (await page.locator('.sf-reference').textContent())?.trim();

    const lease = await apiAsTenant(samform.url, 'ostersund', 'POST', '/api/t/ostersund/queues/avfall/lease');
    expect(lease.status).toBe(200);
    const { item } = (await lease.json()) as { item: { reference: string; data: { personnummer: string } } };
    expect(item.reference).toBe(reference);
    expect(item.data.personnummer).toBe('19121212-1212');
  });

  it('when Tolvan logs out, then the form asks for a login again', async () => {
    await page.goto(`${samform.url}/t/ostersund/e/uppehall-i-hamtning`);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).waitFor();
    const cookies = await context.cookies(samform.url);
    expect(cookies.find((c) => c.name === 'samform.eid')).toBeUndefined();
  });
});
