import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { seriousAxeFindings } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';
import { signInAsStaff } from './src/staff-sign-in.ts';

// Issue 7: Östersund's admin sets how a queue delivers, is told at the field why a webhook to a
// private address is refused, and sends again the cases a failing receiver never took.

async function expectNoSeriousAxeFindings(page: Page, name: string): Promise<void> {
  expect(await seriousAxeFindings(page), `axe on ${name}`).toEqual([]);
}

async function signInAsAdmin(page: Page, url: string): Promise<void> {
  await signInAsStaff(page, url, 'ostersund.admin', 'demo-ostersund');
  await page.getByRole('heading', { level: 1, name: /Östersund/ }).waitFor();
}

/** The staff app's live region, where outcomes are announced. */
const liveRegion = (page: Page) => page.locator('[role="status"][aria-live="polite"]').last();

describe('queue delivery settings when private webhooks are not allowed', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    samform = await startSamformUnderTest();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when the admin opens Köer from the tenant navigation, then each queue shows how it delivers and its cases per delivery state', async () => {
    await signInAsAdmin(page, samform.url);
    await page.getByRole('navigation', { name: 'Delar' }).getByRole('link', { name: 'Köer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Köer, Östersund' }).waitFor();
    const row = page.getByRole('row', { name: /Vatten och avlopp/ });
    await expect.poll(() => row.getByRole('cell').first().textContent()).toBe('Hämtas av ärendesystem via API');
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['Kö', 'Leverans', 'Väntar', 'Levereras', 'Levererade', 'Gick inte fram']);
    expect(await page.getByRole('link', { name: 'Köer' }).getAttribute('aria-current')).toBe('page');
    await expectNoSeriousAxeFindings(page, 'the queues');
    // On a phone the table scrolls inside its own region, which the keyboard can reach; the page itself does not.
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoSeriousAxeFindings(page, 'the queues at 320 px');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('when the admin sets a webhook to a loopback address, then the refusal shows at the URL field and in a focused summary', async () => {
    await page.getByRole('link', { name: 'Vatten och avlopp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kön Vatten och avlopp' }).waitFor();
    await page.getByRole('radio', { name: 'Webhook' }).check();
    await page.getByLabel('Webhookens adress').fill('http://127.0.0.1:9/hook');
    await page.getByRole('button', { name: 'Skapa en hemlighet' }).click();
    const secret = await page.getByLabel('Hemlighet för signaturen', { exact: true }).inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(40);
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();

    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Det finns 1 fel' }) });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('sf-error-summary'))).toBe(true);
    const url = page.getByLabel('Webhookens adress');
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await url.getAttribute('aria-describedby')) ?? '';
    const errorText = await page.locator(`#${describedBy.split(' ').find((id) => id.endsWith('-error'))?.replace(/:/g, '\\:')}`).textContent();
    expect(errorText).toContain('Adressen pekar på den egna datorn eller ett internt nät');
    expect(await page.title()).toMatch(/^Fel: /);
    await expectNoSeriousAxeFindings(page, 'queue settings with a refused webhook');

    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link', { name: /Adressen pekar på/ }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('http://127.0.0.1:9/hook');
    // Nothing was stored.
    expect((await samform.store.getQueue('ostersund', 'va'))?.delivery).toEqual({ kind: 'pull' });
  });
});

describe('dead letters and redrive, with a receiver that fails', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;
  let healthy = false;
  const delivered: string[] = [];
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (healthy) delivered.push(String(req.headers['samform-event-id']));
      res.writeHead(healthy ? 204 : 500).end();
    });
  });
  let receiverUrl = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    samform = await startSamformUnderTest({
      // Private targets allowed (the receiver is on loopback) and a retry window of moments, so a case dead-letters quickly.
      delivery: { baseDelayMs: 20, leaseMs: 5000, retryWindowMs: 400, allowPrivateWebhooks: true, mailFrom: 'Samform <no-reply@samform.test>', workersInServer: true },
    });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  async function submitFault(): Promise<string> {
    const data = exampleAnswers('region-jamtland-harjedalen', 'felanmalan');
    const response = await fetch(`${samform.url}/api/t/ostersund/services/felanmalan/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { reference: string }).reference;
  }

  it('when the admin points the queue at a receiver that fails, then the cases show among those that did not get through', async () => {
    await signInAsAdmin(page, samform.url);
    await page.goto(`${samform.url}/staff/t/ostersund/koer/va`);
    await page.getByRole('heading', { level: 1, name: 'Kön Vatten och avlopp' }).waitFor();
    await page.getByRole('radio', { name: 'Webhook' }).check();
    await page.getByLabel('Webhookens adress').fill(receiverUrl);
    await page.getByRole('button', { name: 'Skapa en hemlighet' }).click();
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await expect.poll(() => liveRegion(page).textContent()).toBe('Inställningarna är sparade');
    await page.getByText('En hemlighet är satt.').waitFor();
    expect(await page.getByLabel('Ny hemlighet').inputValue()).toBe('');

    const first = await submitFault();
    const second = await submitFault();
    await expect.poll(async () => (await samform.store.listQueueItems('ostersund', 'va', { status: 'dead' })).length, { timeout: 15_000 }).toBe(2);

    await page.reload();
    const table = page.getByRole('table', { name: 'Ärenden som inte gick fram' });
    await table.waitFor();
    for (const reference of [first, second]) {
      const row = table.getByRole('row', { name: new RegExp(reference) });
      expect(await row.getByRole('cell').allTextContents()).toEqual([expect.stringContaining('Felanmälan'), expect.any(String), expect.stringMatching(/^[1-9]\d*$/), 'HTTP 500', expect.stringContaining('Skicka igen')]);
    }
    await expectNoSeriousAxeFindings(page, 'queue settings with dead letters');
  });

  it('when the receiver works again and the admin sends one case again by keyboard, then it is confirmed, announced and delivered', async () => {
    healthy = true;
    const table = page.getByRole('table', { name: 'Ärenden som inte gick fram' });
    const reference = (await table.getByRole('rowheader').first().textContent()) ?? '';
    await page.getByRole('button', { name: `Skicka igen ${reference}` }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('group', { name: `Skicka ärende ${reference} igen?` });
    await confirm.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('group');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => liveRegion(page).textContent()).toBe(`Ärende ${reference} skickas igen.`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ärenden som inte gick fram');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await expect.poll(() => delivered.length, { timeout: 15_000 }).toBe(1);
  });

  it('when the admin sends all the rest again, then the list empties and every case arrives', async () => {
    await page.getByRole('button', { name: 'Skicka alla igen' }).click();
    await page.getByRole('group', { name: 'Skicka 1 ärende igen?' }).getByRole('button', { name: 'Ja, skicka igen' }).click();
    await expect.poll(() => liveRegion(page).textContent()).toBe('1 ärende skickas igen.');
    await page.getByText('Inga ärenden väntar på att skickas igen.').waitFor();
    await expect.poll(() => delivered.length, { timeout: 15_000 }).toBe(2);
    expect(new Set(delivered).size).toBe(2);
    await expect.poll(async () => (await samform.store.listQueueItems('ostersund', 'va', { status: 'acked' })).length).toBe(2);
    await expectNoSeriousAxeFindings(page, 'queue settings after redrive');
  });
});
