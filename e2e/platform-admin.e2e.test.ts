import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

async function expectNoSeriousAxeFindings(page: Page, name: string): Promise<void> {
  expect(await seriousAxeFindings(page), `axe on ${name}`).toEqual([]);
}

// The platform administrator adds a municipality to the region and appoints its administrator,
// who signs in with the one-time password, finds no e-services of their own yet, and adopts one
// of the region's shared e-services.
describe('the platform administrator adds Testkommun', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;
  let password = '';

  beforeAll(async () => {
    samform = await startSamformUnderTest();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when the platform admin signs in, then the Plattform page lists the tenants with their membership', async () => {
    await page.goto(`${samform.url}/staff`);
    await page.getByLabel('Användarnamn').fill('plattform.admin');
    await page.getByLabel('Lösenord').fill('demo-plattform');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plattform' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/plattform');
    const table = page.getByRole('table', { name: 'Kommuner och samverkan på plattformen' });
    expect(await table.getByRole('row', { name: /^Region Jämtland Härjedalen/ }).getByRole('cell').allTextContents()).toEqual(['region-jamtland-harjedalen', 'Samverkan', '8 medlemskommuner']);
    expect(await table.getByRole('row', { name: /^Krokom/ }).getByRole('cell').last().textContent()).toBe('Medlem i Region Jämtland Härjedalen');
    await expectNoSeriousAxeFindings(page, 'platform page');
  });

  it('when the new tenant form is sent empty, then an error summary takes focus and each field says what to fix', async () => {
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Det finns 3 fel' }) });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('sf-error-summary'))).toBe(true);
    const id = page.getByLabel('Id (del av webbadressen)');
    expect(await id.getAttribute('aria-invalid')).toBe('true');
    await page.locator('.sf-error-message').filter({ hasText: /Skriv organisationens namn/ }).waitFor();
    await summary.getByRole('link', { name: /Skriv ett id med 2–63 tecken/ }).click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe('Id (del av webbadressen)');
    await expectNoSeriousAxeFindings(page, 'new tenant form with errors');
  });

  it('when Testkommun is created in the region and its admin appointed, then the table shows it and the one-time password is shown once', async () => {
    await page.getByLabel('Id (del av webbadressen)').fill('testkommun');
    await page.getByLabel('Namn', { exact: true }).fill('Testkommun');
    await page.getByRole('radio', { name: 'Kommun' }).check();
    await page.getByRole('group', { name: 'Medlem i samverkan' }).getByLabel('Region Jämtland Härjedalen').check();
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    const row = page.getByRole('table').getByRole('row', { name: /^Testkommun/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['testkommun', 'Kommun', 'Medlem i Region Jämtland Härjedalen']);
    await page.getByRole('table').getByRole('row', { name: /^Region Jämtland Härjedalen/ }).getByText('9 medlemskommuner').waitFor();
    await expect.poll(() => page.locator('[role=status][aria-live=polite]').last().textContent()).toBe('Testkommun är tillagd.');

    // The new tenant is chosen for the appointment already.
    expect(await page.getByLabel('Organisation', { exact: true }).inputValue()).toBe('testkommun');
    await page.getByLabel('Användarnamn').fill('testkommun.admin');
    await page.getByLabel('Namn på personen').fill('Anna Admin');
    await page.getByRole('button', { name: 'Utse administratör' }).click();
    const once = page.getByRole('heading', { level: 2, name: 'Engångslösenord för testkommun.admin' });
    await once.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Engångslösenord för testkommun.admin');
    password = ((await page.locator('.st-secret').textContent()) ?? '').trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await expectNoSeriousAxeFindings(page, 'platform page with the one-time password');
    await page.getByRole('button', { name: 'Klar, dölj lösenordet' }).click();
    await once.waitFor({ state: 'hidden' });
  });

  it('when the new admin signs in, then their e-service list is empty and they can adopt a shared e-service from the catalogue', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByLabel('Användarnamn').fill('testkommun.admin');
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'E-tjänster i Testkommun' }).waitFor();
    await page.getByText('Ni har inga egna e-tjänster än.').waitFor();
    await expectNoSeriousAxeFindings(page, 'empty e-service list');

    await page.getByRole('link', { name: 'Gemensamma e-tjänster' }).click();
    await page.getByRole('heading', { level: 1, name: /Gemensamma e-tjänster/ }).waitFor();
    const entry = page.locator('li.st-service').filter({ has: page.getByRole('heading', { level: 3, name: /Uppehåll i sophämtningen/ }) });
    await entry.getByText('Inte ansluten').waitFor();
    await expectNoSeriousAxeFindings(page, 'catalogue');
    await entry.getByRole('button', { name: /Anslut till/ }).click();
    await page.getByRole('heading', { level: 2, name: /Anslutning: Uppehåll i sophämtningen/ }).waitFor();
    await page.getByLabel('Kö för ärendena').selectOption('arenden');
    await page.getByRole('button', { name: 'Spara anslutningen' }).click();
    await expect.poll(() => page.locator('[role=status][aria-live=polite]').last().textContent()).toMatch(/Anslutningen till Uppehåll i sophämtningen är sparad/);
    await entry.getByText(/Följer senaste \(version \d+\)/).waitFor();
    await expectNoSeriousAxeFindings(page, 'catalogue after adopting');
    const adoptions = (await page.evaluate(async () => (await fetch('/api/t/testkommun/adoptions')).json())) as { serviceId: string }[];
    expect(adoptions.map((a) => a.serviceId)).toEqual(['uppehall-i-hamtning']);
  });
});
