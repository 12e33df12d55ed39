import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './src/browser.ts';
import { startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

// On a slow phone the served form shows long before its scripts run. What the citizen types
// meanwhile must survive hydration (issue 8, ADR 0018): the form counts as fillable from its
// first paint only because of this.
describe('a citizen types into the served form before its scripts arrive', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;
  const held: Route[] = [];

  beforeAll(async () => {
    samform = await startSamformUnderTest();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when the scripts arrive after the typing, then every answer is kept and reaches the next step', async () => {
    // The page's scripts are held back until the citizen has typed.
    let holding = true;
    await page.route('**/assets/*.js', (route) => (holding ? void held.push(route) : route.continue()));
    await page.goto(`${samform.url}/t/ostersund/e/lamna-din-ide`, { waitUntil: 'commit' });
    const title = page.getByLabel(/Vad vill du kalla idén\?/);
    // Module scripts hold DOMContentLoaded back; the served fields are there before it.
    await title.waitFor();
    await title.fill('Fler bänkar längs Storsjöstranden');
    await page.getByLabel(/Vilket behov eller problem/).fill('Äldre behöver kunna vila på promenaden.');
    await page.getByLabel(/Hur vill du lösa det/).fill('Sätt en bänk var tvåhundrade meter.');
    expect(held.length).toBeGreaterThan(0);
    holding = false;
    for (const route of held.splice(0)) await route.continue();
    // Hydrated: the page's own handlers are on the field (Preact keeps them in `__a`).
    await page.waitForFunction(() => {
      const input = document.querySelector('#f-title') as (HTMLElement & { __a?: object }) | null;
      return input?.__a !== undefined;
    });
    expect(await title.inputValue()).toBe('Fler bänkar längs Storsjöstranden');
    expect(await page.getByLabel(/Hur vill du lösa det/).inputValue()).toBe('Sätt en bänk var tvåhundrade meter.');
    // With scripts, Continue checks the step in the page: nothing typed is missing.
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Om idén' }).waitFor();
    await page.getByRole('link', { name: 'Tillbaka' }).click();
    await page.getByRole('heading', { level: 1, name: 'Din idé' }).waitFor();
    expect(await title.inputValue()).toBe('Fler bänkar längs Storsjöstranden');
    expect(await page.getByLabel(/Vilket behov eller problem/).inputValue()).toBe('Äldre behöver kunna vila på promenaden.');
  });
});
