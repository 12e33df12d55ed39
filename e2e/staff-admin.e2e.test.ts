import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';
import { signInAsStaff } from './src/staff-sign-in.ts';

async function expectNoSeriousAxeFindings(page: Page, name: string): Promise<void> {
  expect(await seriousAxeFindings(page), `axe on ${name}`).toEqual([]);
}


// Östersund's administrator creates a case worker for one queue and a key for the case system,
// each secret shown once; the municipality's auditor then finds both in the audit log.
describe("Östersund's administrator manages staff and keys, and the auditor reads the log", () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    samform = await startSamformUnderTest();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when the administrator creates a case worker for the water queue, then a one-time password is shown and the list has them', async () => {
    await signInAsStaff(page, samform.url, 'ostersund.admin', 'demo-ostersund');
    await page.getByRole('heading', { level: 1, name: 'E-tjänster i Östersund' }).waitFor();
    await page.getByRole('navigation', { name: 'Delar' }).getByRole('link', { name: 'Personal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personal i Östersund' }).waitFor();
    await page.getByRole('table', { name: 'Konton' }).getByRole('rowheader', { name: /ostersund\.granskare/ }).waitFor();
    await expectNoSeriousAxeFindings(page, 'staff list');
    const form = page.getByRole('region', { name: 'Nytt konto' });
    await form.getByLabel('Användarnamn').fill('ostersund.vatten');
    await form.getByLabel('Namn', { exact: true }).fill('Vera Vatten');
    await form.getByRole('group', { name: 'Roller' }).getByLabel('Handläggare').check();
    await form.getByRole('group', { name: 'Köer' }).getByLabel('Vatten och avlopp').check();
    await form.getByRole('button', { name: 'Skapa kontot' }).click();
    const once = page.getByRole('region', { name: 'Engångslösenord för ostersund.vatten' });
    await once.waitFor();
    expect((await once.locator('code').textContent())?.length).toBe(24);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /ostersund\.vatten/ }) });
    await row.getByRole('cell', { name: 'Vatten och avlopp' }).waitFor();
    await expectNoSeriousAxeFindings(page, 'staff list with a one-time password');
  });

  it('when the administrator creates an API key, then its secret is shown once and the list shows only its beginning', async () => {
    await page.getByRole('navigation', { name: 'Delar' }).getByRole('link', { name: 'API-nycklar' }).click();
    await page.getByRole('heading', { level: 1, name: 'API-nycklar i Östersund' }).waitFor();
    await page.getByLabel('Namn på nyckeln').fill('Ärendesystemet');
    await page.getByRole('button', { name: 'Skapa nyckeln' }).click();
    const secret = await page.getByRole('region', { name: 'Hemlighet för Ärendesystemet' }).locator('code').textContent();
    expect(secret).toMatch(/^sfk_/);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ärendesystemet' }) });
    await row.getByRole('cell', { name: secret!.slice(0, 10) }).waitFor();
    expect(await page.getByRole('table', { name: 'Nycklar' }).textContent()).not.toContain(secret!);
    await expectNoSeriousAxeFindings(page, 'API keys');
  });

  it('when the auditor signs in, then the audit log opens and shows the new account and key', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await signInAsStaff(page, samform.url, 'ostersund.granskare', 'demo-ostersund');
    await page.getByRole('heading', { level: 1, name: 'Granskningslogg för Östersund' }).waitFor();
    const table = page.getByRole('table', { name: /Händelser/ });
    await table.getByRole('cell', { name: 'Konto skapat' }).waitFor();
    await table.getByRole('cell', { name: 'API-nyckel skapad' }).waitFor();
    await page.getByLabel('Typ av händelse').selectOption('login');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByRole('table', { name: 'Händelser: Inloggning' }).waitFor();
    expect(await page.getByRole('table', { name: 'Händelser: Inloggning' }).getByRole('cell', { name: 'Konto skapat' }).count()).toBe(0);
    await expectNoSeriousAxeFindings(page, 'audit log');
    // The auditor has no staff administration.
    await page.goto(`${samform.url}/staff/t/ostersund/people`);
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
  });
});
