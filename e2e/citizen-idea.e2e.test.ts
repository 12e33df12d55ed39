import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { apiAsTenant, startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

// The foundation journey: a citizen of Östersund sends an idea through the pages, and a
// case-management system leasing from Östersund's idea queue gets exactly that case, while
// Krokom's queues stay empty.
describe('a citizen of Östersund sends an idea', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;
  const axeFindings: { page: string; findings: unknown[] }[] = [];

  async function expectNoSeriousAxeFindings(name: string): Promise<void> {
    const findings = await seriousAxeFindings(page);
    axeFindings.push({ page: name, findings });
    expect(findings, `axe on ${name}`).toEqual([]);
  }

  beforeAll(async () => {
    samform = await startSamformUnderTest();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when the citizen picks Östersund and the idea e-service, then the first step asks for the idea', async () => {
    await page.goto(samform.url);
    await expect.poll(() => page.title()).toContain('Samform');
    await expectNoSeriousAxeFindings('home');
    await page.getByRole('link', { name: 'Östersund', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Östersund' }).waitFor();
    await expectNoSeriousAxeFindings('Östersund e-services');
    await page.getByRole('link', { name: /Lämna din idé/ }).click();
    await page.getByLabel(/Vad vill du kalla idén\?/).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    await expectNoSeriousAxeFindings('idea step 1');
  });

  it('when the citizen continues with the step empty, then an error summary takes focus and links to the fields', async () => {
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    const summary = page.getByRole('alert').filter({ hasText: /Det finns \d+ fel/ });
    await summary.waitFor();
    await expect.poll(() => page.title()).toMatch(/^Fel: /);
    // Focus lands on the summary itself, so a screen reader reads the count and the links.
    const focusedText = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focusedText).toMatch(/Det finns \d+ fel/);
    await summary.getByRole('link').first().click();
    const focusedLabel = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.id ?? '');
    expect(focusedLabel).not.toBe('');
    const invalid = page.getByLabel(/Vad vill du kalla idén\?/);
    expect(await invalid.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeFindings('idea step 1 with errors');
  });

  it('when the citizen fills in every step and sends from the review page, then a receipt shows the reference', async () => {
    await page.getByLabel(/Vad vill du kalla idén\?/).fill('Sms när plogbilen kommer');
    await page.getByLabel(/Vilket behov eller problem/).fill('Jag vet aldrig när min gata ska plogas.');
    await page.getByLabel(/Hur vill du lösa det\?/).fill('Skicka ett sms dagen innan gatan plogas.');
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    const beneficiaries = page.getByRole('group', { name: /Vem har nytta av idén\?/ });
    await beneficiaries.waitFor();
    await beneficiaries.getByLabel('Invånare').check();
    await page.getByLabel(/Vilket område gäller idén\?/).selectOption({ label: 'Samhällsbyggnad, bygg och trafik' });
    await page.getByRole('group', { name: /Jag lämnar idén som/ }).getByLabel('Invånare').check();
    await expectNoSeriousAxeFindings('idea step 2');
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await page.getByLabel(/^Namn/).fill('Tolvan Tolvansson');
    await page.getByLabel(/E-postadress/).fill('tolvan@exempel.se');
    await page.getByRole('checkbox', { name: /allmän handling/i }).check();
    await expectNoSeriousAxeFindings('idea step 3');
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await page.getByRole('heading', { level: 1, name: /Kontrollera dina svar/ }).waitFor();
    expect(await page.getByText('Sms när plogbilen kommer').count()).toBeGreaterThan(0);
    await expectNoSeriousAxeFindings('review');
    await page.getByRole('button', { name: 'Skicka' }).click();

    await page.getByRole('heading', { level: 1, name: /Tack, vi har tagit emot ditt ärende/ }).waitFor();
    await expectNoSeriousAxeFindings('receipt');
  });

  it('when Östersund leases from its idea queue, then it gets exactly that case, and Krokom has nothing', async () => {
    const reference = (await page.locator('.sf-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const lease = await apiAsTenant(samform.url, 'ostersund', 'POST', '/api/t/ostersund/queues/ideer/lease');
    expect(lease.status).toBe(200);
    const leased = (await lease.json()) as { item: { reference: string; service: string; data: Record<string, unknown> }; leaseId: string };
    expect(leased.item.reference).toBe(reference);
    expect(leased.item.service).toBe('lamna-din-ide');
    expect(leased.item.data).toMatchObject({ title: 'Sms när plogbilen kommer', beneficiaries: ['citizens'], publicRecord: true });

    const again = await apiAsTenant(samform.url, 'ostersund', 'POST', '/api/t/ostersund/queues/ideer/lease');
    expect(again.status).toBe(204);

    const krokom = await apiAsTenant(samform.url, 'krokom', 'GET', '/api/t/krokom/queues');
    const queues = (await krokom.json()) as { id: string; counts: Record<string, number> }[];
    expect(queues.length).toBeGreaterThan(0);
    for (const queue of queues) expect(Object.values(queue.counts).every((n) => n === 0), `Krokom ${queue.id}`).toBe(true);
  });
});
