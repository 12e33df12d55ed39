import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

// pnpm start without SMTP_URL: the demo mailbox shows the receipt a citizen got, as text.
describe('the demo mailbox', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    samform = await startSamformUnderTest({
      delivery: { baseDelayMs: 20, leaseMs: 60_000, retryWindowMs: 48 * 3600_000, allowPrivateWebhooks: false, mailFrom: 'Samform <no-reply@samform.localhost>', workersInServer: true },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when a citizen sends a case with an e-mail address and markup in an answer, then the receipt is listed and reads as text, with no serious axe findings', async () => {
    const data = { kind: 'street-light', place: 'Storgatan 12', description: 'Lampan <img src=x onerror=alert(1)> blinkar', contact: { name: 'Åsa', email: 'asa.e2e@example.se' } };
    const sent = await fetch(`${samform.url}/api/t/ostersund/services/felanmalan/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) });
    expect(sent.status).toBe(201);
    const { reference } = (await sent.json()) as { reference: string };

    await expect
      .poll(async () => {
        await page.goto(`${samform.url}/demo/e-post`);
        return page.getByRole('link', { name: new RegExp(reference) }).count();
      }, { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => page.title()).toContain('Demo-e-post — endast demo: inget skickas ut');
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['Tid', 'Till', 'Ämne']);
    expect(await seriousAxeFindings(page), 'axe on the list').toEqual([]);

    await page.getByRole('link', { name: new RegExp(reference) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Vi har tagit emot ditt ärende ${reference}`) }).waitFor();
    await expect.poll(() => page.locator('pre').textContent()).toContain('Lampan <img src=x onerror=alert(1)> blinkar');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await seriousAxeFindings(page), 'axe on a message').toEqual([]);
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/demo-mailbox-message.png`, fullPage: true });
    expect(dialogs).toEqual([]);
  });
});
