import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

const DAY_MS = 86_400_000;

/** A day two weeks ahead, as a date input takes it: past any "not in the past" rule. */
function dayAhead(): string {
  return new Date(Date.now() + 14 * DAY_MS).toISOString().slice(0, 10);
}

async function expectNoSeriousAxeFindings(page: Page, name: string): Promise<void> {
  expect(await seriousAxeFindings(page), `axe on ${name}`).toEqual([]);
}

/** Sets a text box's value with the keyboard: select what is there, then type over it. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** What has focus, in the words a test can match: its label, its text, its id. */
async function focused(page: Page): Promise<{ id: string; label: string; text: string; role: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const input = el as HTMLInputElement | null;
    const label = input?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? '';
    return { id: el?.id ?? '', label: label.trim(), text: (el?.textContent ?? '').trim(), role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '' };
  });
}

/** Presses Tab (or Shift+Tab) until what has focus matches; fails after 120 presses. */
async function tabTo(page: Page, matches: (f: { id: string; label: string; text: string; role: string }) => boolean, backwards = false): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error('Tab never reached the control');
}

// A designer of Östersund builds an e-service in the browser with the mouse and keyboard only
// (no JSON typed): nine field kinds over two steps, a condition, a move by drag and drop, a
// preview in English, and publishing. A citizen then fills it in and sends it, and the server
// enforces the condition on a submission sent straight to the API.
describe('an Östersund designer builds, previews and publishes an e-service', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;
  const serviceId = 'anmalan-om-eldning';

  beforeAll(async () => {
    samform = await startSamformUnderTest();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when the designer signs in, then the list of Östersund’s e-services shows, and /staff is an uncached shell', async () => {
    const shell = await fetch(`${samform.url}/staff/t/ostersund`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    expect(await shell.text()).toContain('<div id="root">');

    await page.goto(`${samform.url}/staff`);
    await page.getByLabel('Användarnamn').fill('ostersund.designer');
    await page.getByLabel('Lösenord').fill('demo-ostersund');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'E-tjänster i Östersund' }).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
  });

  it('when the designer creates an e-service and builds two steps of fields, then the draft is saved', async () => {
    await page.getByLabel('Namn på svenska').fill('Anmälan om eldning');
    await page.getByLabel('Namn på engelska').fill('Notice of burning');
    expect(await page.getByLabel('Adress-id').inputValue()).toBe(serviceId);
    await page.getByRole('button', { name: 'Skapa e-tjänsten' }).click();
    await page.getByRole('tab', { name: 'Bygg', selected: true }).waitFor();

    const labels = async (sv: string, en: string) => {
      await page.getByLabel('Frågan på svenska', { exact: true }).fill(sv);
      await page.getByLabel('Frågan på engelska', { exact: true }).fill(en);
    };
    const add = async (kind: string, sv: string, en: string) => {
      await page.getByRole('button', { name: `Lägg till ${kind}`, exact: true }).click();
      // The new field is selected and its question box has focus, ready for typing.
      expect((await focused(page)).id).toBe('st-prop-label-sv');
      await labels(sv, en);
    };

    // Step 1: the starter question, then four more.
    await page.getByRole('button', { name: /^Ny fråga/ }).click();
    await labels('Ditt namn', 'Your name');
    await add('Personnummer', 'Ditt personnummer', 'Your personal identity number');
    await add('E-postadress', 'Din e-postadress', 'Your email address');
    await add('Ja eller nej', 'Vill du att vi ringer dig?', 'Do you want us to call you?');
    await add('Telefonnummer', 'Ditt telefonnummer', 'Your phone number');
    // "Show the phone number only when the yes/no is Ja."
    await page.getByLabel('Visa fältet bara när en tidigare fråga har ett visst svar').check();
    expect(await page.getByLabel('Frågan', { exact: true }).locator('option:checked').textContent()).toBe('Vill du att vi ringer dig?');
    await page.getByLabel('Svaret', { exact: true }).selectOption({ label: 'Ja' });
    await page.getByText('Visas när svaret på ”Vill du att vi ringer dig?” är Ja.').waitFor();

    await page.getByText(/Inställningar för steget/).click();
    await page.getByLabel('Stegets rubrik på svenska').fill('Om dig');
    await page.getByLabel('Stegets rubrik på engelska').fill('About you');

    // Step 2.
    await page.getByRole('button', { name: 'Lägg till steg' }).click();
    await page.getByText(/Inställningar för steget ”Steg 2”/).click();
    await page.getByLabel('Stegets rubrik på svenska').fill('Om eldningen');
    await page.getByLabel('Stegets rubrik på engelska').fill('About the burning');
    await add('Datum', 'Vilken dag vill du elda?', 'Which day do you want to burn?');
    await page.getByLabel('Inte ett datum som redan har varit').check();
    await add('Ett val', 'Vad ska eldas?', 'What will be burnt?');
    await page.getByLabel('Alternativ 1 på svenska').fill('Trädgårdsavfall');
    await page.getByLabel('Alternativ 1 på engelska').fill('Garden waste');
    await page.getByLabel('Alternativ 2 på svenska').fill('Ris och grenar');
    await page.getByLabel('Alternativ 2 på engelska').fill('Brushwood');
    expect(await page.getByLabel('Värde för alternativ 1').inputValue()).toBe('tradgardsavfall');
    await add('Lång text', 'Beskriv platsen', 'Describe the place');
    await add('Intygande (kryssruta)', 'Jag har läst reglerna för eldning', 'I have read the rules for burning');

    // Drag "Beskriv platsen" above "Vad ska eldas?".
    const row = (name: RegExp) => page.locator('li', { has: page.getByRole('button', { name }) }).last();
    await row(/^Beskriv platsen/).dragTo(row(/^Vad ska eldas\?/), { targetPosition: { x: 40, y: 4 } });
    await expect.poll(() => page.locator('.st-field-list .st-row-label').allTextContents()).toEqual([
      'Vilken dag vill du elda?',
      'Beskriv platsen',
      'Vad ska eldas?',
      'Jag har läst reglerna för eldning',
    ]);

    await expect.poll(() => page.getByText(/^Sparat \d/).count(), { timeout: 10_000 }).toBe(1);
    await expectNoSeriousAxeFindings(page, 'designer, build');
  });

  it('when the designer previews in English, then the real form shows the English texts, and JSON is read-only', async () => {
    await page.getByRole('tab', { name: 'Förhandsgranska' }).click();
    await page.getByRole('radio', { name: 'English' }).check();
    const preview = page.getByRole('region', { name: 'Förhandsgranskning på English' });
    await preview.getByRole('heading', { level: 1, name: 'About you' }).waitFor();
    await preview.getByLabel(/Your name/).waitFor();
    await preview.getByRole('group', { name: /Do you want us to call you\?/ }).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    await expectNoSeriousAxeFindings(page, 'designer, preview');

    // Continue checks the answers with the draft's validator module from the server.
    await page.getByRole('radio', { name: 'Svenska' }).check();
    await page.getByText('Fortsätt kontrollerar svaren som i den publicerade e-tjänsten.').waitFor();
    const swedish = page.getByRole('region', { name: 'Förhandsgranskning på svenska' });
    await swedish.getByRole('button', { name: 'Fortsätt' }).click();
    await swedish.getByText(/^Det finns \d+ fel/).waitFor();
    await swedish.getByRole('heading', { level: 1, name: /Om dig/ }).waitFor();

    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = page.getByRole('region', { name: /E-tjänsten som JSON/ });
    expect(await json.evaluate((el) => el.tagName)).toBe('PRE');
    expect(JSON.parse((await json.textContent()) ?? '')).toMatchObject({ id: serviceId, steps: [{ title: { sv: 'Om dig' } }, { title: { sv: 'Om eldningen' } }] });
  });

  it('when a label is cleared, then the publish tab lists the problem, which leads to the field; restored, it goes', async () => {
    const problem = page.locator('.st-problems').getByRole('button', { name: /Etiketten/ });
    await page.getByRole('tab', { name: 'Bygg' }).click();
    await page.getByRole('button', { name: /^Steg 1: Om dig/ }).click();
    await page.getByRole('button', { name: /^Ditt namn/ }).click();
    await page.getByLabel('Frågan på engelska', { exact: true }).fill('');
    await expect.poll(() => page.getByText(/^Sparat \d/).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('tab', { name: 'Publicera' }).click();
    await problem.first().waitFor();
    await problem.first().click();
    await page.getByRole('tab', { name: 'Bygg', selected: true }).waitFor();
    // The field is selected, and its row is marked.
    await page.getByRole('button', { name: /^Ditt namn.*har fel att rätta$/, pressed: true }).waitFor();
    await page.getByLabel('Frågan på engelska', { exact: true }).fill('Your name');
    await expect.poll(() => page.getByText(/^Sparat \d/).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('tab', { name: 'Publicera' }).click();
    await expect.poll(() => problem.count(), { timeout: 10_000 }).toBe(0);
  });

  it('when the designer publishes with a change note, then version 1 is published', async () => {
    await page.getByRole('tab', { name: 'Publicera' }).click();
    await page.getByLabel(/Vad har ändrats\?/).fill('Första versionen');
    await page.getByRole('button', { name: 'Publicera version 1' }).click();
    await page.getByText('Version 1 publicerad').first().waitFor();
    await page.getByRole('list').getByText('Första versionen').waitFor();
    await expectNoSeriousAxeFindings(page, 'designer, published');
  });

  it('when a citizen opens the e-service, then it can be filled in and sent', async () => {
    const citizen = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await citizen.goto(`${samform.url}/t/ostersund/e/${serviceId}`);
      await citizen.getByLabel(/Ditt namn/).fill('Tolvan Tolvansson');
      await citizen.getByLabel(/Ditt personnummer/).fill('19121212-1212');
      await citizen.getByLabel(/Din e-postadress/).fill('tolvan@exempel.se');
      // The phone question shows only once the citizen asks to be called.
      const phoneQuestion = citizen.getByLabel(/Ditt telefonnummer/);
      expect(await phoneQuestion.count()).toBe(0);
      await citizen.getByRole('group', { name: /Vill du att vi ringer dig\?/ }).getByLabel('Ja').check();
      await phoneQuestion.waitFor();
      await citizen.getByRole('group', { name: /Vill du att vi ringer dig\?/ }).getByLabel('Nej').check();
      await phoneQuestion.waitFor({ state: 'detached' });
      await citizen.getByRole('button', { name: 'Fortsätt' }).click();
      await citizen.getByRole('heading', { level: 1, name: 'Om eldningen' }).waitFor();
      await citizen.getByLabel(/Vilken dag vill du elda\?/).fill(dayAhead());
      await citizen.getByLabel(/Beskriv platsen/).fill('Tomten bakom huset, 20 meter från skogen.');
      await citizen.getByRole('group', { name: /Vad ska eldas\?/ }).getByLabel('Trädgårdsavfall').check();
      await citizen.getByLabel(/Jag har läst reglerna för eldning/).check();
      await citizen.getByRole('button', { name: 'Fortsätt' }).click();
      await citizen.getByRole('heading', { level: 1, name: /Kontrollera dina svar/ }).waitFor();
      await citizen.getByRole('button', { name: 'Skicka' }).click();
      await citizen.getByRole('heading', { level: 1, name: /Tack, vi har tagit emot ditt ärende/ }).waitFor();
    } finally {
      await citizen.close();
    }
  });

  it('when a submission says yes to a call but gives no phone number, then the API answers 422; with one, 201', async () => {
    const served = await fetch(`${samform.url}/api/t/ostersund/services/${serviceId}`);
    const service = (await served.json()) as { version: number; steps: { fields: string[] }[]; schema: { properties: Record<string, { type?: string; format?: string }> } };
    expect(service.version).toBe(1);
    const [name, personnummer, email, call, phone] = service.steps[0]?.fields ?? [];
    const [day, place, what, consent] = service.steps[1]?.fields ?? [];
    const answers: Record<string, unknown> = {
      [name ?? '']: 'Tolvan Tolvansson',
      [personnummer ?? '']: '19121212-1212',
      [email ?? '']: 'tolvan@exempel.se',
      [call ?? '']: true,
      [day ?? '']: dayAhead(),
      [place ?? '']: 'Tomten bakom huset.',
      [what ?? '']: 'tradgardsavfall',
      [consent ?? '']: true,
    };
    const send = (data: Record<string, unknown>) =>
      fetch(`${samform.url}/api/t/ostersund/services/${serviceId}/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ data }),
      });
    const refused = await send(answers);
    expect(refused.status).toBe(422);
    const errors = ((await refused.json()) as { errors: { path: string }[] }).errors;
    expect(errors.map((e) => e.path)).toContain(`/${phone}`);
    expect((await send({ ...answers, [phone ?? '']: '070-123 45 67' })).status).toBe(201);
  });
});

// The core actions with the keyboard alone: sign in, create, add, edit a label, move, publish,
// with axe on the login, list and designer views.
describe('a designer with the keyboard alone', () => {
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

  it('when every action is done with Tab, Enter, Space and arrow keys, then the e-service is built and published', async () => {
    await page.goto(`${samform.url}/staff`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await expectNoSeriousAxeFindings(page, 'login');
    await tabTo(page, (f) => f.id === 'st-username');
    await page.keyboard.type('ostersund.designer');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo-ostersund');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'E-tjänster i Östersund' }).waitFor();
    await expectNoSeriousAxeFindings(page, 'list');

    await tabTo(page, (f) => f.label === 'Namn på svenska');
    await page.keyboard.type('Felanmälan gatubelysning');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Street light fault');
    await tabTo(page, (f) => f.text === 'Skapa e-tjänsten');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Bygg', selected: true }).waitFor();
    expect((await focused(page)).role).toBe('h1');

    // Add a short text and a number; each lands with its question box focused.
    await tabTo(page, (f) => f.text.endsWith('Lägg till Kort text'));
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('st-prop-label-sv');
    await retype(page, 'Var finns lampan?');
    await tabTo(page, (f) => f.text.endsWith('Lägg till Tal'), true);
    await page.keyboard.press('Space');
    expect((await focused(page)).id).toBe('st-prop-label-sv');
    await retype(page, 'Stolpens nummer');

    const order = () => page.locator('.st-field-list .st-row-label').allTextContents();
    expect(await order()).toEqual(['Ny fråga', 'Var finns lampan?', 'Stolpens nummer']);

    // Move the number up twice with Alt+↑ on its row, then remove the starter question and undo.
    await tabTo(page, (f) => f.id.startsWith('st-row-') && f.text.startsWith('Stolpens nummer'), true);
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(order).toEqual(['Stolpens nummer', 'Ny fråga', 'Var finns lampan?']);
    expect((await focused(page)).text).toMatch(/^Stolpens nummer/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.text === 'Ta bort');
    await page.keyboard.press('Enter');
    await expect.poll(order).toEqual(['Stolpens nummer', 'Var finns lampan?']);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(order).toEqual(['Stolpens nummer', 'Ny fråga', 'Var finns lampan?']);
    await tabTo(page, (f) => f.id.startsWith('st-row-') && f.text.startsWith('Ny fråga'), true);
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.label === 'Frågan på svenska');
    await retype(page, 'Vad är det för fel?');
    await page.keyboard.press('Tab');
    await retype(page, 'What is wrong?');
    await expect.poll(order).toEqual(['Stolpens nummer', 'Vad är det för fel?', 'Var finns lampan?']);
    await expect.poll(() => page.getByText(/^Sparat \d/).count(), { timeout: 10_000 }).toBe(1);
    await expectNoSeriousAxeFindings(page, 'designer');

    // The tabs follow the arrow keys; publish from the last one.
    await tabTo(page, (f) => f.role === 'tab', true);
    await page.keyboard.press('End');
    expect((await focused(page)).text).toBe('Publicera');
    await tabTo(page, (f) => f.label.startsWith('Vad har ändrats?'));
    await page.keyboard.type('Första versionen');
    await tabTo(page, (f) => f.text === 'Publicera version 1');
    await page.keyboard.press('Space');
    await page.getByText('Version 1 publicerad').first().waitFor();
    expect((await focused(page)).text).toContain('Version 1 publicerad');
    await expectNoSeriousAxeFindings(page, 'designer, publish');
  });
});
