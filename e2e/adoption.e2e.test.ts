import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './src/axe.ts';
import { launchChromium } from './src/browser.ts';
import { apiAsTenant, startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

const CONTACT_SV = 'Frågor om felanmälan i Krokom? Ring Krokoms gatuenhet på 0640-161 00.';
const CONTACT_EN = 'Questions about your report in Krokom? Call the street unit on 0640-161 00.';
const TITLE = /Felanmälan/;
const PAUSE = /Uppehåll i sophämtningen/;
const PAUSE_CONTACT_SV = 'Frågor om uppehåll i Krokom? Ring kundtjänst på 0640-161 00.';
const PAUSE_CONTACT_EN = 'Questions about a pause in Krokom? Call customer service on +46 640 161 00.';
// A 1×1 PNG: the server types logos by their bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const DAY_MS = 24 * 60 * 60 * 1000;

function isoDay(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * DAY_MS).toISOString().slice(0, 10);
}

async function expectNoSeriousAxeFindings(page: Page, name: string): Promise<void> {
  expect(await seriousAxeFindings(page), `axe on ${name}`).toEqual([]);
}

// Krokom's administrator changes its adoption of the region's shared fault report (every member
// adopted it in the demo): a contact text of Krokom's own and all cases to its street queue, then
// saves and previews it. A resident's water-leak report, which the region's rules send to `va`,
// then lands in Krokom's `gata` queue.
describe('a Krokom administrator adapts the shared fault report', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;
  /** The resident's pause case, leased from Krokom's `va` queue and not yet acked. */
  let pauseLease: { id: string; leaseId: string } | undefined;

  beforeAll(async () => {
    samform = await startSamformUnderTest();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('when the administrator opens the shared e-services, then the catalogue shows the fault report as adopted and who else uses it', async () => {
    await page.goto(`${samform.url}/staff`);
    await page.getByLabel('Användarnamn').fill('krokom.admin');
    await page.getByLabel('Lösenord').fill('demo-krokom');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'E-tjänster i Krokom' }).waitFor();
    await page.getByRole('link', { name: 'Gemensamma e-tjänster' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /Gemensamma e-tjänster/ });
    await heading.waitFor();
    // The new view's h1 takes focus after the in-app navigation.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('h1').count()).toBe(1);
    const entry = page.locator('li.st-service').filter({ has: page.getByRole('heading', { level: 3, name: TITLE }) });
    await entry.getByText(/Följer senaste \(version 1\)/).waitFor();
    await entry.getByText(/Används också av: .*Östersund/).waitFor();
    await expectNoSeriousAxeFindings(page, 'shared e-services');
  });

  it('when the contact text and queue are changed and saved, then the preview shows the effective e-service in both languages', async () => {
    const entry = page.locator('li.st-service').filter({ has: page.getByRole('heading', { level: 3, name: TITLE }) });
    await entry.getByRole('button', { name: /Ändra anslutningen/ }).click();
    await page.getByRole('heading', { level: 2, name: /Anslutning: Felanmälan/ }).waitFor();
    // A queue Krokom does not have would be refused; here only its own queues are offered.
    const queue = page.getByLabel('Kö för ärendena');
    expect(await queue.locator('option[value="va"]').count()).toBe(1);
    // English without Swedish is refused next to the input, and focus goes there.
    await page.getByLabel('Kontaktuppgifter på engelska').fill(CONTACT_EN);
    await page.getByRole('button', { name: 'Spara anslutningen' }).click();
    await page.getByText('Skriv kontaktuppgifterna på svenska också.').waitFor();
    expect(await page.getByLabel('Kontaktuppgifter på svenska').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.labels?.[0]?.textContent)).toBe('Kontaktuppgifter på svenska');
    await page.getByLabel('Kontaktuppgifter på svenska').fill(CONTACT_SV);
    await queue.selectOption('gata');
    await expectNoSeriousAxeFindings(page, 'adoption editor');
    await page.getByRole('button', { name: 'Spara anslutningen' }).click();
    await expect.poll(() => page.locator('[role=status][aria-live=polite]').last().textContent()).toMatch(/Anslutningen till .* är sparad/);
    await entry.getByText(/Egna ändringar/).waitFor();

    await page.getByRole('button', { name: 'Visa förhandsgranskningen' }).click();
    const preview = page.getByRole('region', { name: 'Förhandsgranskning på svenska' });
    await preview.getByLabel(/Vad är det för fel\?/).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    await expectNoSeriousAxeFindings(page, 'adoption preview');
    await page.getByRole('group', { name: 'Språk i förhandsgranskningen' }).getByLabel('English').check();
    await page.getByRole('region', { name: 'Förhandsgranskning på English' }).getByLabel(/What kind of fault is it\?/).waitFor();

    const adoptions = await page.evaluate(async () => (await fetch('/api/t/krokom/adoptions')).json());
    const felanmalan = (adoptions as { serviceId: string; overrides: unknown; state: string }[]).find((a) => a.serviceId === 'felanmalan');
    expect(felanmalan).toMatchObject({ state: 'following', overrides: { contact: { sv: CONTACT_SV, en: CONTACT_EN }, routing: { queue: 'gata' } } });
  });

  it('when a resident reports a water leak in Krokom, then it is served with Krokom’s contact text and the case is in Krokom’s street queue', async () => {
    const resident = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await resident.goto(`${samform.url}/t/krokom/e/felanmalan`);
    await resident.getByLabel(/Vad är det för fel\?/).selectOption('water-leak');
    await resident.getByLabel(/Var är felet\?/).fill('Storgatan 12, Krokom');
    await resident.getByLabel(/Beskriv felet/).fill('Vatten sprutar upp ur marken vid brunnen sedan i morse.');
    await resident.getByRole('button', { name: 'Fortsätt' }).click();
    await resident.getByRole('heading', { level: 1, name: /Kontrollera dina svar/ }).waitFor();
    await resident.getByRole('button', { name: 'Skicka' }).click();
    await resident.getByRole('heading', { level: 1, name: /Tack, vi har tagit emot ditt ärende/ }).waitFor();
    // The receipt tells what happens next in Krokom's words, and again after a reload.
    await resident.getByText(CONTACT_SV).waitFor();
    await resident.reload();
    await resident.getByText(CONTACT_SV).waitFor();
    const served = (await (await fetch(`${samform.url}/api/t/krokom/services/felanmalan`)).json()) as { receipt: { nextSteps: Record<string, string> } };
    expect(served.receipt.nextSteps.en).toContain(CONTACT_EN);
    const reference = (await resident.locator('.sf-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    expect((await apiAsTenant(samform.url, 'krokom', 'POST', '/api/t/krokom/queues/va/lease')).status).toBe(204);
    const lease = await apiAsTenant(samform.url, 'krokom', 'POST', '/api/t/krokom/queues/gata/lease');
    expect(lease.status).toBe(200);
    const leased = (await lease.json()) as { item: { reference: string; service: string; data: Record<string, unknown> } };
    expect(leased.item).toMatchObject({ reference, service: 'region-jamtland-harjedalen/felanmalan', data: { kind: 'water-leak' } });
    await resident.close();
  });

  it('when the region’s designer opens the fault report’s publish tab, then the impact on the members shows before publishing', async () => {
    const designer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await designer.goto(`${samform.url}/staff`);
    await designer.getByLabel('Användarnamn').fill('region-jamtland-harjedalen.designer');
    await designer.getByLabel('Lösenord').fill('demo-region-jamtland-harjedalen');
    await designer.getByRole('button', { name: 'Logga in' }).click();
    await designer.getByRole('link', { name: TITLE }).first().click();
    await designer.getByRole('tab', { name: 'Publicera' }).click();
    const impact = designer.getByRole('region', { name: 'Påverkan på kommunerna' });
    await impact.getByText(/8 kommuner följer och får den nya versionen direkt: .*Krokom/).waitFor();
    await impact.getByText('Ingen kommun behöver granska sina ändringar.').waitFor();
    await impact.getByText('Ingen kommun är låst till en version.').waitFor();
    // The resident above sent their report: no draft is left in flight on version 1.
    await impact.getByText('Inga invånare har ett påbörjat utkast på version 1.').waitFor();
    await expectNoSeriousAxeFindings(designer, 'publish tab with impact');
    await designer.close();
  });

  // The demo leaves Krokom one shared e-service not adopted: the pause in collection.
  it('when the administrator adopts the pause in collection with a colour that fails the contrast check, then the error is shown at the colour and a good one is saved', async () => {
    await page.goto(`${samform.url}/staff`);
    await page.getByRole('link', { name: 'Gemensamma e-tjänster' }).click();
    const entry = page.locator('li.st-service').filter({ has: page.getByRole('heading', { level: 3, name: PAUSE }) });
    await entry.getByText('Inte ansluten').waitFor();
    await entry.getByRole('button', { name: /Anslut till/ }).click();
    await page.getByRole('heading', { level: 2, name: /Anslutning: Uppehåll i sophämtningen/ }).waitFor();
    await page.getByLabel('Kontaktuppgifter på svenska').fill(PAUSE_CONTACT_SV);
    await page.getByLabel('Kontaktuppgifter på engelska').fill(PAUSE_CONTACT_EN);
    await page.getByLabel('Kö för ärendena').selectOption('va');
    const colour = page.getByLabel('Färg för länkar och knappar');
    await colour.fill('#ffcc00');
    await page.getByText(/Kontrast mot vitt: 1,51:1 – för låg/).waitFor();
    await page.getByRole('button', { name: 'Spara anslutningen' }).click();
    // The server's answer (422, /overrides/theme/primaryColor) with the measured ratio, at the colour.
    await page.locator('.sf-error-message').filter({ hasText: /har kontrasten 1,51:1 mot vitt/ }).waitFor();
    expect(await colour.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe('Färg för länkar och knappar');
    await page.getByRole('alert').filter({ hasText: 'Anslutningen kunde inte sparas' }).waitFor();
    await expectNoSeriousAxeFindings(page, 'adoption editor after a refused colour');
    expect((await page.evaluate(async () => (await fetch('/api/t/krokom/adoptions')).json()) as { serviceId: string }[]).some((a) => a.serviceId === 'uppehall-i-hamtning')).toBe(false);

    await colour.fill('#1d5c2e');
    await page.getByText(/Kontrast mot vitt: 8,00:1 – godkänd/).waitFor();
    await page.getByRole('button', { name: 'Spara anslutningen' }).click();
    await expect.poll(() => page.locator('[role=status][aria-live=polite]').last().textContent()).toMatch(/Anslutningen till Uppehåll i sophämtningen är sparad/);
    await entry.getByText(/Följer senaste \(version 1\)/).waitFor();

    // Now adopted: a logo can be uploaded, given alt text and saved with the theme.
    await page.getByLabel(/^Logotyp/).setInputFiles({ name: 'krokom.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText(/Logotypen är uppladdad/).waitFor();
    await page.getByLabel('Logotypens alternativtext på svenska').fill('Krokoms kommun');
    await page.getByLabel('Logotypens alternativtext på engelska').fill('Krokom municipality');
    await page.getByRole('button', { name: 'Spara anslutningen' }).click();
    await expect.poll(async () => {
      const list = (await page.evaluate(async () => (await fetch('/api/t/krokom/adoptions')).json())) as { serviceId: string; overrides: { theme?: { logo?: unknown } } }[];
      return list.find((a) => a.serviceId === 'uppehall-i-hamtning')?.overrides.theme?.logo !== undefined;
    }).toBe(true);

    await page.getByRole('button', { name: 'Visa förhandsgranskningen' }).click();
    const preview = page.getByRole('region', { name: 'Förhandsgranskning på svenska' });
    await preview.getByLabel(/Fastighetsbeteckning/).waitFor();
    await expectNoSeriousAxeFindings(page, 'adopted e-service preview');
    const adoptions = await page.evaluate(async () => (await fetch('/api/t/krokom/adoptions')).json());
    expect((adoptions as { serviceId: string }[]).find((a) => a.serviceId === 'uppehall-i-hamtning')).toMatchObject({
      state: 'following',
      overrides: { contact: { sv: PAUSE_CONTACT_SV, en: PAUSE_CONTACT_EN }, routing: { queue: 'va' }, theme: { primaryColor: '#1d5c2e', logo: { alt: { sv: 'Krokoms kommun', en: 'Krokom municipality' } } } },
    });
  });

  it('when a resident asks for a pause in Krokom, then the page wears Krokom’s colour and logo and the case is leased from Krokom’s chosen queue', async () => {
    const resident = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await resident.goto(`${samform.url}/t/krokom/e/uppehall-i-hamtning`);
    await resident.getByRole('img', { name: 'Krokoms kommun' }).waitFor();
    expect(await resident.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--sf-brand').trim())).toBe('#1d5c2e');
    await expectNoSeriousAxeFindings(resident, 'themed citizen page');
    // The shared e-service requires e-ID: the resident logs in at the demo IdP first (issue 6).
    await resident.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await resident.getByRole('radio', { name: 'Tolvan Tolvansson' }).check();
    await resident.getByRole('button', { name: 'Logga in som vald testperson' }).click();
    await resident.getByText('Du är inloggad med e-legitimation som Tolvan Tolvansson.').waitFor();
    expect(await resident.getByLabel(/Ditt personnummer/).inputValue()).toBe('19121212-1212');
    await resident.getByLabel(/Fastighetsbeteckning/).fill('Krokom Ås 1:23');
    await resident.getByRole('group', { name: /Vem är du\?/ }).getByLabel('Jag äger fastigheten').check();
    await resident.getByLabel(/Uppehållet börjar/).fill(isoDay(60));
    await resident.getByLabel(/Uppehållet slutar/).fill(isoDay(200));
    await resident.getByLabel(/E-postadress/).fill('tolvan@exempel.se');
    await resident.getByRole('button', { name: 'Fortsätt' }).click();
    await resident.getByRole('heading', { level: 1, name: /Kontrollera dina svar/ }).waitFor();
    await resident.getByRole('button', { name: 'Skicka' }).click();
    await resident.getByRole('heading', { level: 1, name: /Tack, vi har tagit emot ditt ärende/ }).waitFor();
    await resident.getByText(PAUSE_CONTACT_SV).waitFor();
    const reference = (await resident.locator('.sf-reference').textContent())?.trim() ?? '';

    expect((await apiAsTenant(samform.url, 'krokom', 'POST', '/api/t/krokom/queues/avfall/lease')).status).toBe(204);
    const lease = await apiAsTenant(samform.url, 'krokom', 'POST', '/api/t/krokom/queues/va/lease');
    expect(lease.status).toBe(200);
    const leased = (await lease.json()) as { item: { id: string; reference: string; service: string }; leaseId: string };
    expect(leased.item).toMatchObject({ reference, service: 'region-jamtland-harjedalen/uppehall-i-hamtning' });
    pauseLease = { id: leased.item.id, leaseId: leased.leaseId };
    await resident.close();
  });

  it('when the administrator adds a question of Krokom’s own and a title, then the preview shows them; leaving is refused while the case waits and done after confirming once it is delivered', async () => {
    const entry = page.locator('li.st-service').filter({ has: page.getByRole('heading', { level: 3, name: PAUSE }) });
    await entry.getByRole('button', { name: /Ändra anslutningen/ }).click();
    await page.getByLabel('Rubrik på svenska').fill('Uppehåll i sophämtningen i Krokom');
    await page.getByRole('button', { name: 'Lägg till en fråga' }).click();
    await page.getByLabel('Typ av fråga').selectOption('yes-no');
    await page.getByLabel('Frågan på svenska').fill('Finns det en grind till kärlen?');
    await page.getByLabel('Frågan på engelska').fill('Is there a gate to the bins?');
    await page.getByLabel('Obligatorisk').check();
    await expectNoSeriousAxeFindings(page, 'adoption editor with a local question');
    await page.getByRole('button', { name: 'Spara anslutningen' }).click();
    await expect.poll(() => page.locator('[role=status][aria-live=polite]').last().textContent()).toMatch(/Anslutningen till Uppehåll i sophämtningen är sparad/);
    await page.getByRole('button', { name: 'Visa förhandsgranskningen' }).click();
    const preview = page.getByRole('region', { name: 'Förhandsgranskning på svenska' });
    await preview.getByRole('heading', { level: 1, name: 'Uppehåll i sophämtningen i Krokom' }).waitFor();
    await preview.getByRole('group', { name: /Finns det en grind till kärlen\?/ }).waitFor();

    await page.getByRole('button', { name: 'Lämna ”Uppehåll i sophämtningen”' }).click();
    const confirm = page.getByRole('group', { name: /Vill ni sluta erbjuda/ });
    await confirm.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('st-leave-heading');
    await confirm.getByRole('button', { name: 'Ja, lämna e-tjänsten' }).click();
    await confirm.getByText('Det finns ärenden som väntar i era köer. Hämta eller leverera dem först.').waitFor();
    await expectNoSeriousAxeFindings(page, 'leave refused');
    expect((await fetch(`${samform.url}/api/t/krokom/services/uppehall-i-hamtning`)).status).toBe(200);

    expect(pauseLease).toBeDefined();
    const ack = await apiAsTenant(samform.url, 'krokom', 'POST', `/api/t/krokom/queues/va/items/${pauseLease!.id}/ack`, { leaseId: pauseLease!.leaseId });
    expect(ack.status).toBe(200);
    await confirm.getByRole('button', { name: 'Ja, lämna e-tjänsten' }).click();
    await expect.poll(() => page.locator('[role=status][aria-live=polite]').last().textContent()).toMatch(/Ni har lämnat Uppehåll i sophämtningen/);
    await entry.getByText('Inte ansluten').waitFor();
    expect((await fetch(`${samform.url}/api/t/krokom/services/uppehall-i-hamtning`)).status).toBe(404);
  });
});
