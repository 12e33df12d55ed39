import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './src/browser.ts';
import { startSamformUnderTest, type SamformUnderTest } from './src/samform-under-test.ts';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const SERVICE = 'xss-prov';
const DRAFT = 'xss-utkast';

// An e-service whose title, label, help, option and (later) answer are all the payload.
const definition = {
  id: SERVICE,
  title: { sv: `Prov ${PAYLOAD}`, en: `Test ${PAYLOAD}` },
  description: { sv: PAYLOAD, en: PAYLOAD },
  category: 'other',
  identification: 'anonymous',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['note', 'choice'],
    properties: {
      note: { type: 'string', maxLength: 200 },
      choice: { type: 'string', enum: ['a', 'b'] },
    },
  },
  uiSchema: { 'ui:order': ['note', 'choice'], choice: { 'ui:widget': 'radio' } },
  steps: [{ id: 'prov', title: { sv: `Steg ${PAYLOAD}`, en: `Step ${PAYLOAD}` }, fields: ['note', 'choice'] }],
  routing: { queue: 'ideer' },
  receipt: { nextSteps: { sv: PAYLOAD, en: PAYLOAD } },
  texts: {
    note: { label: { sv: `Text ${PAYLOAD}`, en: `Text ${PAYLOAD}` }, help: { sv: PAYLOAD, en: PAYLOAD } },
    choice: { label: { sv: 'Val', en: 'Choice' }, options: { a: { sv: PAYLOAD, en: PAYLOAD }, b: { sv: 'Annat', en: 'Other' } } },
  },
};

/** What would show that the payload ran or became markup. */
async function injected(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('img[src="x"], img[onerror]').length);
}

// Labels, options and answers are data: React and the server's renderer escape them, so the
// payload is shown as text on every page and never becomes an element or runs.
describe('security 6: markup in labels, options and answers stays text', () => {
  let samform: SamformUnderTest;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  let cookie = '';

  beforeAll(async () => {
    // Publishing refuses markup in texts, so the version is put into the store directly, as if it
    // had got there some other way: the pages must still show it as text.
    samform = await startSamformUnderTest({
      prepare: (store) =>
        store.publishServiceVersion('ostersund', { owner: 'ostersund', serviceId: SERVICE, version: 1, definition: definition as never, publishedAt: new Date().toISOString() }),
    });
    const login = await fetch(`${samform.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: samform.url },
      body: JSON.stringify({ username: 'ostersund.designer', password: 'demo-ostersund' }),
    });
    cookie = login.headers.getSetCookie().find((c) => c.startsWith('samform.sid='))!.split(';')[0]!;
    const headers = { 'content-type': 'application/json', origin: samform.url, cookie };
    // The designer may save such a draft (stored as text); publishing it is refused.
    const created = await fetch(`${samform.url}/api/t/ostersund/admin/services`, { method: 'POST', headers, body: JSON.stringify({ definition: { ...definition, id: DRAFT } }) });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
    const published = await fetch(`${samform.url}/api/t/ostersund/admin/services/${DRAFT}/publish`, { method: 'POST', headers, body: JSON.stringify({ note: 'XSS-prov' }) });
    if (published.status !== 422) throw new Error(`publish: ${published.status} ${await published.text()}`);
    const stored = await fetch(`${samform.url}/api/t/ostersund/admin/services/${DRAFT}/draft`, { headers: { cookie } });
    expect(((await stored.json()) as { definition: { texts: { note: { label: { sv: string } } } } }).definition.texts.note.label.sv).toBe(`Text ${PAYLOAD}`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await samform?.stop();
  });

  it('6. when a citizen fills in the form, reviews it and sends it, then the payload is text on the form, the review page and the receipt', async () => {
    await page.goto(`${samform.url}/t/ostersund/e/${SERVICE}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: PAYLOAD }).waitFor();
    expect(await page.getByText(`Text ${PAYLOAD}`).count()).toBeGreaterThan(0);
    await page.getByRole('radio', { name: PAYLOAD }).waitFor();
    expect(await injected(page)).toBe(0);

    await page.getByRole('textbox').first().fill(PAYLOAD);
    await page.getByRole('radio', { name: PAYLOAD }).check();
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('heading', { level: 1, name: /Kontrollera dina svar/ }).waitFor();
    expect(await page.locator('main').innerText()).toContain(PAYLOAD);
    expect(await injected(page)).toBe(0);

    // The review page as the server renders it (a reload), not only as React drew it.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Kontrollera dina svar/ }).waitFor();
    expect(await page.locator('main').innerText()).toContain(PAYLOAD);
    expect(await injected(page)).toBe(0);

    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.getByRole('heading', { level: 1, name: /Tack, vi har tagit emot ditt ärende/ }).waitFor();
    expect(await page.locator('main').innerText()).toContain(PAYLOAD);
    expect(await injected(page)).toBe(0);
    expect(dialogs).toEqual([]);

    // Stored as text: the case holds the payload as typed.
    const lease = await fetch(`${samform.url}/api/t/ostersund/queues/ideer/items?status=pending`, { headers: { authorization: 'Bearer demo-key-ostersund' } });
    const items = (await lease.json()) as { service: string; data: { note?: string } }[];
    const filed = items.find((item) => item.service.endsWith(SERVICE)) ?? (await anyQueueItem(samform.url));
    expect(filed?.data.note).toBe(PAYLOAD);
  });

  it('6. when a designer opens the e-service and its preview, then the payload is text there too', async () => {
    const [name, value] = cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: samform.url }]);
    await page.goto(`${samform.url}/staff/t/ostersund/e/${DRAFT}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // The designer's own view of the draft: labels and options as text.
    await page.getByText(`Text ${PAYLOAD}`).first().waitFor();
    expect(await injected(page)).toBe(0);
    // The preview renders the form with the renderer; wait for its option to be drawn.
    await page.getByRole('tab', { name: 'Förhandsgranska' }).click();
    const preview = page.getByRole('region', { name: /Förhandsgranskning/ }).first();
    await preview.getByRole('radio', { name: PAYLOAD }).waitFor();
    expect(await preview.innerText()).toContain(`Text ${PAYLOAD}`);
    expect(await injected(page)).toBe(0);
    await page.goto(`${samform.url}/staff/t/ostersund`);
    await page.getByText(PAYLOAD).first().waitFor();
    expect(await injected(page)).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

async function anyQueueItem(base: string): Promise<{ service: string; data: { note?: string } } | undefined> {
  const queues = (await (await fetch(`${base}/api/t/ostersund/queues`, { headers: { authorization: 'Bearer demo-key-ostersund' } })).json()) as { id: string }[];
  for (const queue of queues) {
    const items = (await (await fetch(`${base}/api/t/ostersund/queues/${queue.id}/items`, { headers: { authorization: 'Bearer demo-key-ostersund' } })).json()) as { service: string; data: { note?: string } }[];
    const found = items.find((item) => item.service.endsWith(SERVICE));
    if (found) return found;
  }
  return undefined;
}
