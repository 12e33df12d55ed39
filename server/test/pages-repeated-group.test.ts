import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';
import { CitizenBrowser, stateOf } from './citizen-browser.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const OWNER_CHANGE = '/t/ostersund/e/agarbyte';
const BUYERS_STEP = `${OWNER_CHANGE}?steg=2`;

/** The `name`s of the text inputs of the buyers, in page order. */
function buyerInputs(html: string): string[] {
  return [...html.matchAll(/<input [^>]*name="(buyers\.[^"]+)"/g)].map((m) => m[1]!);
}
/** The `value` of the input named `name`. */
function valueOf(html: string, name: string): string | undefined {
  return new RegExp(`<input [^>]*name="${name.replace(/\./g, '\\.')}"[^>]*value="([^"]*)"`).exec(html)?.[1];
}
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const SELLER: [string, string][] = [
  ['_step', 'seller'],
  ['seller.name', 'Tora Tolvansson'],
  ['seller.property', 'Östersund Arvesgården 4:12'],
  ['seller.address', 'Storgatan 12, Östersund'],
  ['seller.transferDate', daysAhead(28)],
  ['seller.reading', '1234'],
  ['seller.finalInvoiceAddress', 'Kyrkgatan 3, 831 34 Östersund'],
  ['_action', 'continue'],
];
const REST: [string, string][] = [['household', '3'], ['invoiceAddress', 'Storgatan 12, 831 30 Östersund']];

describe('a repeated group without JavaScript (the buyers of a change of owner)', () => {
  it('when the buyers step is shown with no buyer yet, then one empty buyer is there, with a named add submit and no remove', async () => {
    const page = await new CitizenBrowser(server.url).get(BUYERS_STEP);
    expect(page.status).toBe(200);
    expect(buyerInputs(page.html)).toEqual(['buyers.0.name', 'buyers.0.personnummer']);
    expect(page.html).toMatch(/<legend id="f-buyers-0__title" class="sf-legend">Köpare 1</);
    expect(page.html).toMatch(/<button type="submit" value="add:buyers" id="f-buyers__add"[^>]* name="_action">Lägg till köpare<\/button>/);
    // minItems 1: the only buyer cannot be removed.
    expect(page.html).not.toContain('value="remove:');
  });

  it('when buyers are added, filled and removed by plain posts, then answers are kept, maxItems holds, and the case reaches Östersund’s water queue with two buyers', async () => {
    const browser = new CitizenBrowser(server.url);
    expect(await browser.post(OWNER_CHANGE, SELLER)).toMatchObject({ status: 303, location: BUYERS_STEP });

    // Add: the typed answers are kept unchecked (no errors although the step is not done) and an empty buyer follows.
    const added = await browser.post(OWNER_CHANGE, [['_step', 'buyers'], ['buyers.0.name', 'Tolvan Tolvansson'], ['buyers.0.personnummer', '19121212-1212'], ['household', '3'], ['_action', 'add:buyers']]);
    expect(added).toMatchObject({ status: 303, location: `${BUYERS_STEP}#f-buyers-1-name` });
    const two = await browser.get(BUYERS_STEP);
    expect(two.html).not.toContain('sf-error-summary');
    expect(buyerInputs(two.html)).toEqual(['buyers.0.name', 'buyers.0.personnummer', 'buyers.1.name', 'buyers.1.personnummer']);
    expect(valueOf(two.html, 'buyers.0.name')).toBe('Tolvan Tolvansson');
    expect(valueOf(two.html, 'buyers.0.personnummer')).toBe('19121212-1212');
    expect(valueOf(two.html, 'buyers.1.name')).toBe('');
    expect(valueOf(two.html, 'household')).toBe('3');
    // The anchor is the new buyer's first field.
    expect(two.html).toMatch(/<input id="f-buyers-1-name"[^>]*name="buyers.1.name"/);
    expect(stateOf(two.html).form.answers.buyers).toEqual([{ name: 'Tolvan Tolvansson', personnummer: '19121212-1212' }, {}]);
    // maxItems 2: no third add; each buyer can now be removed, by its number.
    expect(two.html).not.toContain('value="add:buyers"');
    expect(two.html).toMatch(/<button type="submit" value="remove:buyers.0" id="f-buyers-0__remove"[^>]* name="_action">Ta bort köpare 1<\/button>/);
    expect(two.html).toMatch(/<button type="submit" value="remove:buyers.1" id="f-buyers-1__remove"[^>]* name="_action">Ta bort köpare 2<\/button>/);

    // A forged add beyond maxItems saves the answers and adds nothing.
    const forged = await browser.post(OWNER_CHANGE, [['_step', 'buyers'], ['buyers.0.name', 'Tolvan Tolvansson'], ['buyers.0.personnummer', '19121212-1212'], ['buyers.1.name', 'Tuva'], ['buyers.1.personnummer', ''], ['_action', 'add:buyers']]);
    expect(forged).toMatchObject({ status: 303, location: `${BUYERS_STEP}#f-buyers` });
    expect(buyerInputs((await browser.get(BUYERS_STEP)).html)).toHaveLength(4);

    // Remove the first: the second moves up, with what was typed in it.
    const removed = await browser.post(OWNER_CHANGE, [['_step', 'buyers'], ['buyers.0.name', 'Tolvan Tolvansson'], ['buyers.0.personnummer', '19121212-1212'], ['buyers.1.name', 'Tuva Tolvansson'], ['buyers.1.personnummer', '19800101-2387'], ['_action', 'remove:buyers.0']]);
    expect(removed).toMatchObject({ status: 303, location: `${BUYERS_STEP}#f-buyers` });
    const one = await browser.get(BUYERS_STEP);
    expect(buyerInputs(one.html)).toEqual(['buyers.0.name', 'buyers.0.personnummer']);
    expect(valueOf(one.html, 'buyers.0.name')).toBe('Tuva Tolvansson');
    // minItems 1: a forged removal of the last buyer removes nothing.
    await browser.post(OWNER_CHANGE, [['_step', 'buyers'], ['buyers.0.name', 'Tuva Tolvansson'], ['buyers.0.personnummer', '19800101-2387'], ['_action', 'remove:buyers.0']]);
    expect(valueOf((await browser.get(BUYERS_STEP)).html, 'buyers.0.name')).toBe('Tuva Tolvansson');

    // Removing a blank first buyer removes that one, not the filled second.
    await browser.post(OWNER_CHANGE, [['_step', 'buyers'], ['buyers.0.name', 'Tuva Tolvansson'], ['buyers.0.personnummer', '19800101-2387'], ['_action', 'add:buyers']]);
    await browser.post(OWNER_CHANGE, [['_step', 'buyers'], ['buyers.0.name', ''], ['buyers.0.personnummer', ''], ['buyers.1.name', 'Tolvan Tolvansson'], ['buyers.1.personnummer', '19121212-1212'], ['_action', 'remove:buyers.0']]);
    expect(stateOf((await browser.get(BUYERS_STEP)).html).form.answers.buyers).toEqual([{ name: 'Tolvan Tolvansson', personnummer: '19121212-1212' }]);
    await browser.post(OWNER_CHANGE, [['_step', 'buyers'], ['buyers.0.name', 'Tolvan Tolvansson'], ['buyers.0.personnummer', '19121212-1212'], ['_action', 'add:buyers']]);

    // Continue with a wrong personnummer in buyer 2: the summary links to that very input.
    const wrong = await browser.post(OWNER_CHANGE, [['_step', 'buyers'], ['buyers.0.name', 'Tolvan Tolvansson'], ['buyers.0.personnummer', '19121212-1212'], ['buyers.1.name', 'Tuva Tolvansson'], ['buyers.1.personnummer', '19800101-2388'], ...REST, ['_action', 'continue']]);
    expect(wrong.status).toBe(200);
    expect(wrong.html).toContain('Det finns 1 fel');
    expect(wrong.html).toContain('<a href="#f-buyers-1-personnummer">');
    expect(wrong.html).toMatch(/<input id="f-buyers-1-personnummer"[^>]*aria-invalid="true"[^>]*name="buyers.1.personnummer"/);
    expect(wrong.html).toContain('Skriv ett personnummer som finns');

    const fixed = await browser.post(OWNER_CHANGE, [['_step', 'buyers'], ['buyers.0.name', 'Tolvan Tolvansson'], ['buyers.0.personnummer', '19121212-1212'], ['buyers.1.name', 'Tuva Tolvansson'], ['buyers.1.personnummer', '19800101-2387'], ...REST, ['_action', 'continue']]);
    expect(fixed).toMatchObject({ status: 303, location: `${OWNER_CHANGE}/granska` });
    const review = await browser.get(`${OWNER_CHANGE}/granska`);
    expect(review.html).toContain('Tuva Tolvansson');

    const sent = await browser.post(`${OWNER_CHANGE}/granska`, [['_action', 'send']]);
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/^\/t\/ostersund\/e\/agarbyte\/kvitto\/[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect((await browser.get(sent.location!)).status).toBe(200);

    const response = await fetch(`${server.url}/api/t/ostersund/queues/va/lease`, { method: 'POST', headers: { authorization: 'Bearer demo-key-ostersund' } });
    expect(response.status).toBe(200);
    const { item } = (await response.json()) as { item: { reference: string; service: string; data: Record<string, unknown> } };
    expect(item).toMatchObject({
      reference: sent.location!.slice(-9),
      service: 'region-jamtland-harjedalen/agarbyte',
      data: {
        seller: { name: 'Tora Tolvansson', reading: 1234 },
        buyers: [{ name: 'Tolvan Tolvansson', personnummer: '19121212-1212' }, { name: 'Tuva Tolvansson', personnummer: '19800101-2387' }],
        household: 3,
      },
    });
  });

  it('when a change link’s step adds a buyer, then it comes back to the same step, still returning to the review, in the page’s language', async () => {
    const browser = new CitizenBrowser(server.url);
    await browser.post(OWNER_CHANGE, SELLER);
    const added = await browser.post(`${OWNER_CHANGE}?steg=2&granska=1&lang=en`, [['_step', 'buyers'], ['buyers.0.name', 'Tolvan'], ['_action', 'add:buyers']]);
    expect(added).toMatchObject({ status: 303, location: `${OWNER_CHANGE}?lang=en&steg=2&granska=1#f-buyers-1-name` });
    const page = await browser.get(added.location!.split('#')[0]!);
    expect(page.html).toContain('>Remove buyer 2</button>');
    expect(page.html).toMatch(/<legend id="f-buyers-1__title" class="sf-legend">Buyer 2</);
  });

  it('when an action names no repeated group of the step, then the answers are saved and nothing else changes', async () => {
    const browser = new CitizenBrowser(server.url);
    for (const action of ['add:household', 'add:seller', 'add:constructor', 'add:buyers.0', 'remove:buyers.99']) {
      const response = await browser.post(OWNER_CHANGE, [['_step', 'buyers'], ['buyers.0.name', 'Tolvan'], ['household', '2'], ['_action', action]]);
      expect(response.status, action).toBe(303);
      expect(response.location, action).toMatch(/^\/t\/ostersund\/e\/agarbyte(\?steg=2)?(#|$)/);
    }
    const page = await browser.get(BUYERS_STEP);
    expect(stateOf(page.html).form.answers).toEqual({ buyers: [{ name: 'Tolvan' }], household: 2 });
  });
});
