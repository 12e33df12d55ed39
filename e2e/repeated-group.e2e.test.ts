import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings, seriousAxeFindingsOfMarkup } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { apiAsTenant, startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

const DAY_MS = 86_400_000;

/** Four weeks ahead: past "at least 14 days ahead". */
function transferDay(): string {
  return new Date(Date.now() + 28 * DAY_MS).toISOString().slice(0, 10);
}

// A change of owner with two buyers: the "Lägg till köpare" button is a plain submit without
// JavaScript (the server adds the buyer and shows the step again at the new buyer's first field)
// and changes the page in place with it. Both runs end in Östersund's water queue with two buyers.
describe.each([
  { javaScript: false, mode: 'without JavaScript' },
  { javaScript: true, mode: 'with JavaScript' },
])('a seller in Östersund reports a change of owner, $mode', ({ javaScript }) => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;

  async function checkAxe(name: string): Promise<void> {
    const findings = javaScript ? await seriousAxeFindings(page) : await seriousAxeFindingsOfMarkup(browser, page);
    expect(findings, `axe on ${name}`).toEqual([]);
  }
  const buyer = (n: number) => page.getByRole('group', { name: new RegExp(`^Köpare ${n}`) });

  beforeAll(async () => {
    samform = await startSamformUnderTest();
    browser = await launchChromium();
    const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 390, height: 844 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when a second buyer is added with the button and both are filled in, then the case with two buyers reaches the receipt and the water queue', async () => {
    await page.goto(`${samform.url}/t/ostersund`);
    await page.getByRole('link', { name: /Ägarbyte av fastighet/ }).click();
    await page.getByLabel(/^Säljarens namn/).waitFor();
    await page.getByLabel(/^Säljarens namn/).fill('Tora Tolvansson');
    await page.getByLabel(/^Fastighetsbeteckning/).fill('Östersund Arvesgården 4:12');
    await page.getByLabel(/^Fastighetens adress/).fill('Storgatan 12, Östersund');
    await page.getByLabel(/^Tillträdesdag/).fill(transferDay());
    await page.getByLabel(/^Mätarställning på tillträdesdagen/).fill('1234');
    await page.getByLabel(/^Adress för slutfakturan/).fill('Kyrkgatan 3, 831 34 Östersund');
    await checkAxe('seller step');
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await page.getByRole('heading', { level: 1, name: 'Köparna' }).waitFor();
    await buyer(1).getByLabel(/^Köparens namn/).fill('Tolvan Tolvansson');
    await buyer(1).getByLabel(/^Köparens personnummer/).fill('19121212-1212');
    // One buyer is the least there may be: nothing to remove yet.
    expect(await page.getByRole('button', { name: /^Ta bort köpare/ }).count()).toBe(0);
    await checkAxe('buyers step');

    await page.getByRole('button', { name: 'Lägg till köpare' }).click();
    await buyer(2).getByLabel(/^Köparens namn/).waitFor();
    // The new buyer's first field is where the page lands (the anchor), or has focus (in the page).
    if (javaScript) await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-buyers-1-name');
    else expect(new URL(page.url()).hash).toBe('#f-buyers-1-name');
    // What was typed in the first buyer is still there; two is the most, so no third add.
    expect(await buyer(1).getByLabel(/^Köparens namn/).inputValue()).toBe('Tolvan Tolvansson');
    expect(await page.getByRole('button', { name: 'Lägg till köpare' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ta bort köpare 2' }).count()).toBe(1);
    await checkAxe('buyers step with two buyers');

    await buyer(2).getByLabel(/^Köparens namn/).fill('Tuva Tolvansson');
    await buyer(2).getByLabel(/^Köparens personnummer/).fill('19800101-2387');
    await page.getByLabel(/^Antal personer i hushållet/).fill('3');
    await page.getByLabel(/^Köparnas fakturaadress/).fill('Storgatan 12, 831 30 Östersund');
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await page.getByRole('heading', { level: 1, name: /Kontrollera dina svar/ }).waitFor();
    expect(await page.getByText('Tuva Tolvansson').count()).toBeGreaterThan(0);
    await checkAxe('review');
    await page.getByRole('button', { name: 'Skicka' }).click();

    await page.getByRole('heading', { level: 1, name: /Tack, vi har tagit emot ditt ärende/ }).waitFor();
    const reference = (await page.locator('.sf-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await checkAxe('receipt');

    const lease = await apiAsTenant(samform.url, 'ostersund', 'POST', '/api/t/ostersund/queues/va/lease');
    expect(lease.status).toBe(200);
    const { item } = (await lease.json()) as { item: { reference: string; data: { buyers: unknown } } };
    expect(item.reference).toBe(reference);
    expect(item.data.buyers).toEqual([
      { name: 'Tolvan Tolvansson', personnummer: '19121212-1212' },
      { name: 'Tuva Tolvansson', personnummer: '19800101-2387' },
    ]);
  });
});
