import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

// Issue 7: a citizen sends an idea, a case worker of Östersund takes it from the inbox and moves
// it two stops along the idea journey with a message each, and the citizen's status link shows both.
describe('a case worker moves the idea along the journey and the citizen follows it', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let citizenContext: BrowserContext;
  let staffContext: BrowserContext;
  let citizen: Page;
  let staff: Page;
  let reference = '';
  let statusHref = '';

  async function expectNoSeriousAxeFindings(page: Page, name: string): Promise<void> {
    expect(await seriousAxeFindings(page), `axe on ${name}`).toEqual([]);
  }

  /** The staff app's live region, where saved changes are announced. */
  const liveRegion = () => staff.locator('[role="status"][aria-live="polite"]').last();

  beforeAll(async () => {
    samform = await startSamformUnderTest();
    browser = await launchChromium();
    citizenContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    citizen = await citizenContext.newPage();
    staff = await staffContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when the citizen sends the idea, then the receipt shows the first stop of the journey and a status link', async () => {
    await citizen.goto(`${samform.url}/t/ostersund/e/lamna-din-ide`);
    await citizen.getByLabel(/Vad vill du kalla idén\?/).fill('Sms när plogbilen kommer');
    await citizen.getByLabel(/Vilket behov eller problem/).fill('Jag vet aldrig när min gata ska plogas.');
    await citizen.getByLabel(/Hur vill du lösa det\?/).fill('Skicka ett sms dagen innan gatan plogas.');
    await citizen.getByRole('button', { name: 'Fortsätt' }).click();
    const beneficiaries = citizen.getByRole('group', { name: /Vem har nytta av idén\?/ });
    await beneficiaries.waitFor();
    await beneficiaries.getByLabel('Invånare').check();
    await citizen.getByLabel(/Vilket område gäller idén\?/).selectOption({ label: 'Samhällsbyggnad, bygg och trafik' });
    await citizen.getByRole('group', { name: /Jag lämnar idén som/ }).getByLabel('Invånare').check();
    await citizen.getByRole('button', { name: 'Fortsätt' }).click();
    await citizen.getByLabel(/^Namn/).fill('Tolvan Tolvansson');
    await citizen.getByLabel(/E-postadress/).fill('tolvan@exempel.se');
    await citizen.getByRole('checkbox', { name: /allmän handling/i }).check();
    await citizen.getByRole('button', { name: 'Fortsätt' }).click();
    await citizen.getByRole('heading', { level: 1, name: /Kontrollera dina svar/ }).waitFor();
    await citizen.getByRole('button', { name: 'Skicka' }).click();

    await citizen.getByRole('heading', { level: 1, name: /Tack, vi har tagit emot ditt ärende/ }).waitFor();
    reference = (await citizen.locator('.sf-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await citizen.getByRole('heading', { level: 2, name: 'Följ ditt ärende' }).waitFor();
    expect(await citizen.locator('[aria-current="step"]').textContent()).toContain('Idén har kommit in');
    statusHref = (await citizen.getByRole('link', { name: 'Öppna sidan där du följer ärendet' }).getAttribute('href')) ?? '';
    expect(statusHref).toMatch(/^\/t\/ostersund\/status\/[A-Za-z0-9_-]{24}$/);
    await expectNoSeriousAxeFindings(citizen, 'receipt with the case status');
  });

  it('when the case worker of Östersund signs in, then the inbox shows the idea queue with one open case', async () => {
    await staff.goto(`${samform.url}/staff`);
    await staff.getByLabel('Användarnamn').fill('ostersund.handlaggare');
    await staff.getByLabel('Lösenord').fill('demo-ostersund');
    await staff.getByRole('button', { name: 'Logga in' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Inkorg, Östersund' }).waitFor();
    const row = staff.getByRole('row', { name: /Idéer/ });
    await expect.poll(() => row.getByRole('cell').first().textContent()).toBe('1');
    expect(await staff.locator('h1').count()).toBe(1);
    await expectNoSeriousAxeFindings(staff, 'inbox');

    await row.getByRole('link', { name: 'Idéer' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Ärenden i Idéer' }).waitFor();
    await staff.getByRole('link', { name: reference }).waitFor();
    await expectNoSeriousAxeFindings(staff, 'queue');
  });

  it('when the case worker opens and claims the case by keyboard, then the answers show as the citizen gave them and the case is theirs', async () => {
    await staff.getByRole('link', { name: reference }).click();
    await staff.getByRole('heading', { level: 1, name: `Ärende ${reference}` }).waitFor();
    await staff.getByRole('heading', { level: 2, name: 'Svar' }).waitFor();
    await staff.getByText('Sms när plogbilen kommer').waitFor();
    await staff.getByText('Samhällsbyggnad, bygg och trafik').waitFor();
    await expectNoSeriousAxeFindings(staff, 'case');

    await staff.getByRole('button', { name: 'Ta ärendet' }).focus();
    await staff.keyboard.press('Enter');
    await expect.poll(() => liveRegion().textContent()).toBe('Ärendet är ditt');
    await staff.getByRole('button', { name: 'Släpp ärendet' }).waitFor();
  });

  it('when the case worker moves the idea two stops with a message each, then the history records both', async () => {
    const move = async (stop: string, message: string) => {
      const select = staff.getByLabel('Ny status');
      expect(await select.locator('option:checked').textContent()).toBe(stop);
      await staff.getByLabel('Meddelande till invånaren (frivilligt)').fill(message);
      await staff.getByRole('button', { name: 'Ändra status' }).click();
      await expect.poll(() => liveRegion().textContent()).toBe(`Status ändrad till ${stop}`);
    };
    await move('Arbetsgruppen utreder idén', 'Arbetsgruppen tittar på om idén redan finns.');
    await move('Beslut', 'Ledningsgruppen beslutar i juni.');
    await staff.getByRole('textbox', { name: 'Anteckning', exact: true }).fill('Ring trafikenheten om sms-tjänsten.');
    await staff.getByRole('button', { name: 'Spara anteckning' }).click();
    await expect.poll(() => liveRegion().textContent()).toBe('Anteckningen är sparad');

    const history = staff.locator('.in-timeline li');
    await expect.poll(() => history.count()).toBe(4);
    expect(await history.allTextContents()).toEqual([
      expect.stringContaining('Ring trafikenheten'),
      expect.stringContaining('Arbetsgruppen utreder idén → Beslut'),
      expect.stringContaining('Idén har kommit in → Arbetsgruppen utreder idén'),
      expect.stringContaining('Tog ärendet'),
    ]);
    await expectNoSeriousAxeFindings(staff, 'case after changes');
    if (process.env.SHOTS) await staff.screenshot({ path: `${process.env.SHOTS}/case-1280.png`, fullPage: true });
  });

  it("when the citizen opens the status link, then it shows both stops and both messages, but not the case worker's note", async () => {
    const fresh = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await fresh.newPage();
    await page.goto(`${samform.url}${statusHref}`);
    await page.getByRole('heading', { level: 1, name: `Ärende ${reference}` }).waitFor();
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('Beslut');
    const timeline = (await page.locator('.sf-timeline').textContent()) ?? '';
    for (const shown of ['Ny status: Arbetsgruppen utreder idén', 'Arbetsgruppen tittar på om idén redan finns.', 'Ny status: Beslut', 'Ledningsgruppen beslutar i juni.']) {
      expect(timeline).toContain(shown);
    }
    expect(await page.content()).not.toContain('trafikenheten');
    await expectNoSeriousAxeFindings(page, 'status page');

    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Case ${reference}` }).waitFor();
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('Decision');
    await fresh.close();

    // Without JavaScript the status link works the same: the page is the server's.
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const noScript = await plain.newPage();
    await noScript.goto(`${samform.url}${statusHref}`);
    expect(await noScript.locator('h1').textContent()).toBe(`Ärende ${reference}`);
    expect(await noScript.locator('.sf-timeline').textContent()).toContain('Ledningsgruppen beslutar i juni.');
    expect(await noScript.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    if (process.env.SHOTS) await noScript.screenshot({ path: `${process.env.SHOTS}/status-320.png`, fullPage: true });
    await plain.close();

    // The citizen's own receipt follows too.
    await citizen.reload();
    expect(await citizen.locator('[aria-current="step"]').textContent()).toContain('Beslut');
  });
});
