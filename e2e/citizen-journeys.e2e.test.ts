import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings, seriousAxeFindingsOfMarkup } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { apiAsTenant, startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

const DAY_MS = 86_400_000;

/** A weekday three weeks ahead: well past "at least 5 workdays ahead". */
function emptyingDay(): string {
  const day = new Date(Date.now() + 21 * DAY_MS);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setTime(day.getTime() + DAY_MS);
  return day.toISOString().slice(0, 10);
}

// The same two journeys with JavaScript off (plain form posts, server-rendered pages) and on
// (the same pages, hydrated): Östersund's own idea e-service and the region's shared septic
// emptying order, each through one failed step, the review page and the receipt, with axe on
// every page. Both cases must land in Östersund's queues.
describe.each([
  { javaScript: false, mode: 'without JavaScript' },
  { javaScript: true, mode: 'with JavaScript' },
])('a citizen of Östersund, $mode', ({ javaScript }) => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pagesChecked: string[] = [];

  async function checkAxe(name: string): Promise<void> {
    pagesChecked.push(name);
    const findings = javaScript ? await seriousAxeFindings(page) : await seriousAxeFindingsOfMarkup(browser, page);
    expect(findings, `axe on ${name}`).toEqual([]);
  }

  async function leasedReference(queue: string): Promise<string> {
    const lease = await apiAsTenant(samform.url, 'ostersund', 'POST', `/api/t/ostersund/queues/${queue}/lease`);
    expect(lease.status).toBe(200);
    return ((await lease.json()) as { item: { reference: string } }).item.reference;
  }

  async function receiptReference(): Promise<string> {
    await page.getByRole('heading', { level: 1, name: /Tack, vi har tagit emot ditt ärende/ }).waitFor();
    const reference = (await page.locator('.sf-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    return reference;
  }

  beforeAll(async () => {
    samform = await startSamformUnderTest();
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 390, height: 844 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when the pages are opened, then the list and the form are there as served HTML', async () => {
    await page.goto(`${samform.url}/t/ostersund`);
    await page.getByRole('link', { name: /Lämna din idé/ }).waitFor();
    await checkAxe('Östersund e-services');
  });

  it('when the idea is sent with one failed step on the way, then the receipt shows and the case is in the idea queue', async () => {
    await page.getByRole('link', { name: /Lämna din idé/ }).click();
    await page.getByLabel(/Vad vill du kalla idén\?/).waitFor();
    await checkAxe('idea step 1');

    await page.getByLabel(/Vad vill du kalla idén\?/).fill('Sm');
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('alert').filter({ hasText: /Det finns 3 fel/ }).waitFor();
    await expect.poll(() => page.title()).toMatch(/^Fel: /);
    expect(await page.getByLabel(/Vad vill du kalla idén\?/).getAttribute('aria-invalid')).toBe('true');
    // What was typed survives the failed step.
    expect(await page.getByLabel(/Vad vill du kalla idén\?/).inputValue()).toBe('Sm');
    await checkAxe('idea step 1 with errors');

    await page.getByLabel(/Vad vill du kalla idén\?/).fill('Sms när plogbilen kommer');
    await page.getByLabel(/Vilket behov eller problem/).fill('Jag vet aldrig när min gata ska plogas.');
    await page.getByLabel(/Hur vill du lösa det\?/).fill('Skicka ett sms dagen innan gatan plogas.');
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await page.getByRole('group', { name: /Vem har nytta av idén\?/ }).getByLabel('Invånare').check();
    await page.getByLabel(/Vilket område gäller idén\?/).selectOption({ label: 'Samhällsbyggnad, bygg och trafik' });
    await page.getByRole('group', { name: /Jag lämnar idén som/ }).getByLabel('Invånare').check();
    await checkAxe('idea step 2');
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await page.getByLabel(/E-postadress/).fill('tolvan@exempel.se');
    await page.getByRole('checkbox', { name: /allmän handling/i }).check();
    await checkAxe('idea step 3');
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await page.getByRole('heading', { level: 1, name: /Kontrollera dina svar/ }).waitFor();
    expect(await page.getByText('Sms när plogbilen kommer').count()).toBeGreaterThan(0);
    await checkAxe('idea review');
    await page.getByRole('button', { name: 'Skicka' }).click();

    const reference = await receiptReference();
    await checkAxe('idea receipt');
    expect(await leasedReference('ideer')).toBe(reference);
  });

  it('when the shared septic emptying order is sent, then it lands in Östersund\'s water queue', async () => {
    await page.goto(`${samform.url}/t/ostersund`);
    await page.getByRole('link', { name: /Beställ extra slamtömning/ }).click();
    await page.getByLabel(/^Kundnummer/).waitFor();
    await checkAxe('septic order');

    await page.getByLabel(/^Kundnummer/).fill('104527');
    await page.getByLabel(/^Anläggningsnummer/).fill('40213');
    await page.getByRole('group', { name: /När vill du att vi tömmer\?/ }).getByLabel(/På en bestämd dag/).check();
    await page.getByRole('group', { name: /ordinarie turen/ }).getByLabel(/^Ja/).check();
    await page.getByLabel(/^Namn/).fill('Tolvan Tolvansson');
    await page.getByLabel(/^Telefonnummer/).fill('070-174 06 50');
    // No day yet although "on a set day" was chosen: the if/then rule must hold.
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('alert').filter({ hasText: /Det finns 1 fel/ }).waitFor();
    await checkAxe('septic order with errors');

    await page.getByLabel(/Vilken dag ska vi tömma\?/).fill(emptyingDay());
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('heading', { level: 1, name: /Kontrollera dina svar/ }).waitFor();
    await checkAxe('septic review');
    await page.getByRole('button', { name: 'Skicka' }).click();

    const reference = await receiptReference();
    await checkAxe('septic receipt');
    expect(await leasedReference('va')).toBe(reference);
    expect(pagesChecked).toHaveLength(11);
  });
});
