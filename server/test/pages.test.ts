import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceVersion } from '@samform/model';
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

const IDEA = '/t/ostersund/e/lamna-din-ide';
const WATER = '/t/ostersund/e/bestall-slamtomning';

function titleOf(html: string): string {
  return /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
}

async function lease(tenant: string, queue: string): Promise<{ status: number; item?: { reference: string; version: number; service: string; data: Record<string, unknown> } }> {
  const response = await fetch(`${server.url}/api/t/${tenant}/queues/${queue}/lease`, { method: 'POST', headers: { authorization: `Bearer demo-key-${tenant}` } });
  return response.status === 200 ? { status: 200, item: ((await response.json()) as { item: never }).item } : { status: response.status };
}

/** A weekday at least `days` ahead, as the date input posts it. */
function weekdayAhead(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const STEP_1: [string, string][] = [
  ['_step', 'idea'],
  ['title', 'Sms när plogbilen kommer'],
  ['need', 'Jag vet aldrig när min gata ska plogas.'],
  ['proposal', 'Skicka ett sms dagen innan.'],
  ['_action', 'continue'],
];
const STEP_2: [string, string][] = [['_step', 'about'], ['beneficiaries', 'citizens'], ['beneficiaries', 'staff'], ['area', 'planning-building'], ['submitterKind', 'citizen']];
const STEP_3: [string, string][] = [['_step', 'contact'], ['contact.name', 'Tolvan Tolvansson'], ['contact.email', 'tolvan@exempel.se'], ['publicRecord', 'true']];

describe('server-rendered citizen pages', () => {
  it('when the home page is asked, then it is whole HTML with one h1, the municipalities, the state block and no inline script', async () => {
    const page = await new CitizenBrowser(server.url).get('/');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/^<!doctype html>\s*<html lang="sv">/);
    expect(page.html.match(/<h1[^>]*>/g)).toHaveLength(1);
    expect(page.html).toContain('>Välj din kommun</h1>');
    expect(page.html).toContain('<a href="/t/ostersund">Östersund</a>');
    expect(stateOf(page.html)).toMatchObject({ page: 'home', locale: 'sv' });
    // Every script is a file or a JSON data block: nothing inline runs.
    for (const tag of page.html.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="|type="application\/json"/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('when a form page is asked in English, then labels, required text, names, ids and the form action are there, in English', async () => {
    const page = await new CitizenBrowser(server.url).get(`${IDEA}?lang=en`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="en">');
    expect(titleOf(page.html)).toBe('Your idea – Share your idea – Östersund – Samform');
    expect(page.html).toMatch(/<label class="sf-label" for="f-title">What do you want to call the idea\?<span class="sf-required"> <!-- -->\(required\)<\/span><\/label>/);
    expect(page.html).toMatch(/<input id="f-title"[^>]*aria-describedby="f-title__help"[^>]*name="title"/);
    expect(page.html).toContain('action="/t/ostersund/e/lamna-din-ide?lang=en" method="post"');
    expect(page.html).toContain('<input type="hidden" name="_step" value="idea"/>');
    expect(page.html).toContain('<button type="submit" class="sf-button" value="continue" name="_action">Continue</button>');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('when a tenant, an e-service, a receipt or a page does not exist, then a real 404 page answers', async () => {
    const browser = new CitizenBrowser(server.url);
    for (const path of ['/t/nowhere', '/t/ostersund/e/nothing', '/t/region-jamtland-harjedalen/e/bestall-slamtomning', `${IDEA}/kvitto/AAAA-BBBB`, '/no/such/page']) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(404);
      expect(page.html, path).toContain('>Sidan finns inte</h1>');
    }
  });

  it('when the idea form is filled in by plain posts, then errors show, steps follow, the review lists the answers and the case lands in Östersund’s idea queue', async () => {
    const browser = new CitizenBrowser(server.url);
    const empty = await browser.post(IDEA, [['_step', 'idea'], ['title', ''], ['_action', 'continue']]);
    expect(empty.status).toBe(200);
    expect(empty.html).toContain('Det finns 3 fel');
    expect(titleOf(empty.html)).toMatch(/^Fel: Din idé – /);
    expect(empty.html).toMatch(/<input id="f-title"[^>]*aria-invalid="true"/);
    expect(empty.html).toContain('<a href="#f-title">');
    // The summary comes first in the form page, before the heading.
    expect(empty.html.indexOf('sf-error-summary')).toBeLessThan(empty.html.indexOf('<h1'));

    expect(await browser.post(IDEA, STEP_1)).toMatchObject({ status: 303, location: `${IDEA}?steg=2` });
    const step2 = await browser.get(`${IDEA}?steg=2`);
    expect(step2.html).toContain('>Om idén</h1>');
    expect(await browser.post(IDEA, STEP_2)).toMatchObject({ status: 303, location: `${IDEA}?steg=3` });
    expect(await browser.post(IDEA, STEP_3)).toMatchObject({ status: 303, location: `${IDEA}/granska` });

    const review = await browser.get(`${IDEA}/granska`);
    expect(review.html).toContain('>Kontrollera dina svar</h1>');
    expect(review.html).toContain('Sms när plogbilen kommer');
    expect(review.html).toContain('Invånare, Medarbetare i kommunen');
    expect(review.html).toContain('<a id="sf-change-title" href="/t/ostersund/e/lamna-din-ide?granska=1">');
    expect(review.html).toContain('<a id="sf-change-area" href="/t/ostersund/e/lamna-din-ide?steg=2&amp;granska=1">');
    expect(review.html).toContain(`action="${IDEA}/granska" method="post"`);

    // A change link's step leads back to the review.
    expect(await browser.post(`${IDEA}?granska=1`, [...STEP_1.filter(([k]) => k !== 'title'), ['title', 'Sms när plogen kommer']])).toMatchObject({ status: 303, location: `${IDEA}/granska` });

    const sent = await browser.post(`${IDEA}/granska`, [['_action', 'send']]);
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/^\/t\/ostersund\/e\/lamna-din-ide\/kvitto\/[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const reference = sent.location!.slice(-9);
    // Sent twice (a double click, a resent post): one case, the same receipt.
    expect((await browser.post(`${IDEA}/granska`, [['_action', 'send']])).location).toBe(sent.location);

    const receipt = await browser.get(sent.location!);
    expect(receipt.status).toBe(200);
    expect(receipt.html).toContain(`<strong class="sf-reference">${reference}</strong>`);
    expect(receipt.headers.get('cache-control')).toBe('no-store');
    expect((await browser.get(sent.location!)).status).toBe(200);
    expect((await new CitizenBrowser(server.url).get(sent.location!)).status).toBe(404);

    const leased = await lease('ostersund', 'ideer');
    expect(leased.item).toMatchObject({ reference, service: 'lamna-din-ide', data: { title: 'Sms när plogen kommer', beneficiaries: ['citizens', 'staff'], area: 'planning-building', contact: { name: 'Tolvan Tolvansson' }, publicRecord: true } });
    expect((await lease('ostersund', 'ideer')).status).toBe(204);
  });

  it('when the shared water e-service asks for a set day, then the day turns required, and the order lands in Östersund’s water queue', async () => {
    const browser = new CitizenBrowser(server.url);
    const setDay = await browser.post(WATER, [['_step', 'form'], ['customerNumber', '123456'], ['facilityNumber', '9876'], ['kind', 'set-day'], ['ordinaryRound', 'false']]);
    expect(setDay.status).toBe(200);
    expect(setDay.html).toContain('Det finns 2 fel');
    // The if/then resolved with the version's precompiled module: the day is marked required.
    expect(setDay.html).toMatch(/<label class="sf-label" for="f-day">Vilken dag ska vi tömma\?<span class="sf-required">/);
    expect(setDay.html).toContain('<a href="#f-day">');
    expect(setDay.html).toMatch(/<input type="radio"[^>]*id="f-kind-1" name="kind" checked="" value="set-day"\/>/);

    const day = weekdayAhead(14);
    const filled = await browser.post(WATER, [['_step', 'form'], ['customerNumber', '123456'], ['facilityNumber', '9876'], ['kind', 'set-day'], ['day', day], ['ordinaryRound', 'false'], ['contact.name', 'Tolvan'], ['contact.phone', '070-123 45 67']]);
    expect(filled).toMatchObject({ status: 303, location: `${WATER}/granska` });
    const sent = await browser.post(`${WATER}/granska`, [['_action', 'send']]);
    expect(sent.status).toBe(303);
    const leased = await lease('ostersund', 'va');
    expect(leased.item).toMatchObject({ reference: sent.location!.slice(-9), service: 'region-jamtland-harjedalen/bestall-slamtomning', data: { kind: 'set-day', day, ordinaryRound: false } });
  });

  it('when a newer version is published while a citizen is mid-way, then the draft stays on its version to the receipt', async () => {
    const browser = new CitizenBrowser(server.url);
    expect(await browser.post(IDEA, STEP_1)).toMatchObject({ status: 303 });
    const v1 = (await server.store.getServiceVersion('ostersund', 'lamna-din-ide')) as ServiceVersion;
    const definition = structuredClone(v1.definition);
    definition.steps![0]!.title = { sv: 'Din idé, version två', en: 'Your idea, version two' };
    await server.store.publishServiceVersion('ostersund', { ...v1, version: v1.version + 1, definition, publishedAt: new Date().toISOString() });

    expect(stateOf((await new CitizenBrowser(server.url).get(IDEA)).html).service.version).toBe(v1.version + 1);
    const mine = await browser.get(IDEA);
    expect(stateOf(mine.html).service.version).toBe(v1.version);
    expect(mine.html).toContain('>Din idé</h1>');
    await browser.post(IDEA, STEP_2);
    await browser.post(IDEA, STEP_3);
    const sent = await browser.post(`${IDEA}/granska`, [['_action', 'send']]);
    expect(sent.status).toBe(303);
    const leased = await lease('ostersund', 'ideer');
    expect(leased.item).toMatchObject({ reference: sent.location!.slice(-9), version: v1.version });
  });

  it('when a form is posted from another site, then 403 and nothing is saved', async () => {
    const browser = new CitizenBrowser(server.url);
    const foreign = await browser.post(IDEA, STEP_1, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.html).toContain('<h1');
    expect(browser.cookie).toBeUndefined();
    expect((await browser.post(IDEA, STEP_1, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await browser.post(IDEA, STEP_1, { 'sec-fetch-site': 'same-origin', origin: server.url })).status).toBe(303);
  });

  it('when a step is posted as multipart/form-data, then it is read like a urlencoded one', async () => {
    const browser = new CitizenBrowser(server.url);
    const form = new FormData();
    for (const [name, value] of STEP_1) form.append(name, value);
    const response = await fetch(`${server.url}${IDEA}`, { method: 'POST', headers: { origin: server.url }, body: form, redirect: 'manual' });
    expect(response.status).toBe(303);
    browser.cookie = response.headers.getSetCookie()[0]?.split(';')[0];
    expect(stateOf((await browser.get(`${IDEA}?steg=2`)).html).form.answers).toMatchObject({ title: 'Sms när plogbilen kommer' });
  });

  it('when the JSON API sends with the citizen cookie, then the receipt page works in that browser', async () => {
    const browser = new CitizenBrowser(server.url);
    await browser.post(IDEA, STEP_1);
    const response = await fetch(`${server.url}/api/t/ostersund/services/lamna-din-ide/submissions`, {
      method: 'POST',
      // A browser's fetch from our page says where it comes from; with a cookie it must (CSRF).
      headers: { 'content-type': 'application/json', cookie: browser.cookie!, origin: server.url },
      body: JSON.stringify({
        data: { title: 'Via API', need: 'Behov', proposal: 'Förslag', beneficiaries: ['citizens'], area: 'digital', submitterKind: 'citizen', publicRecord: true },
        version: 1,
      }),
    });
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    const receipt = await browser.get(`${IDEA}/kvitto/${reference}`);
    expect(receipt.status).toBe(200);
    expect(receipt.html).toContain(reference);
    // The draft ended with the send.
    expect(stateOf((await browser.get(IDEA)).html).form.answers).toEqual({});
    await lease('ostersund', 'ideer');
  });
});

describe('"show when" without JavaScript', () => {
  // A notice of burning: the phone is asked only of those who want a call; the step about the
  // site only when the fire is outdoors. Built with the designer's own functions.
  async function publishBurning(): Promise<string> {
    const { addField, addStep, newServiceDefinition, setShowWhen, writeField, readField } = await import('@samform/model');
    let def = newServiceDefinition('eldning', { sv: 'Anmälan om eldning', en: 'Notice of burning' }, 'gata');
    const call = addField(def, 'steg-1', 'yes-no');
    def = writeField(call.definition, call.key, { ...readField(call.definition, call.key), label: { sv: 'Vill du att vi ringer dig?', en: 'Shall we call you?' } });
    const phone = addField(def, 'steg-1', 'phone');
    def = setShowWhen(phone.definition, { field: phone.key }, { field: call.key, equals: true });
    const outdoors = addField(def, 'steg-1', 'yes-no');
    def = outdoors.definition;
    const second = addStep(def, { title: { sv: 'Platsen', en: 'The site' } });
    const site = addField(second.definition, second.stepId, 'short-text');
    def = setShowWhen(site.definition, { step: second.stepId }, { field: outdoors.key, equals: true });
    await server.store.publishServiceVersion('ostersund', { owner: 'ostersund', serviceId: 'eldning', version: 1, definition: def, publishedAt: new Date().toISOString() });
    await server.running.validators.get((await server.store.getServiceVersion('ostersund', 'eldning'))!);
    return JSON.stringify({ call: call.key, phone: phone.key, outdoors: outdoors.key });
  }

  it('when the trigger answer hides a question and a step, then the question is not shown, its answer is dropped and the step is skipped', async () => {
    const keys = JSON.parse(await publishBurning()) as { call: string; phone: string; outdoors: string };
    const browser = new CitizenBrowser(server.url);
    const first = await browser.get('/t/ostersund/e/eldning');
    expect(first.status).toBe(200);
    expect(first.html).not.toContain(`name="${keys.phone}"`);

    // A forged phone answer for a hidden question is not kept; no call and indoors: straight to review.
    const posted = await browser.post('/t/ostersund/e/eldning', [['_step', 'steg-1'], [keys.call, 'false'], [keys.phone, '070-174 06 50'], [keys.outdoors, 'false'], ['_action', 'continue']]);
    expect(posted.status).toBe(303);
    expect(posted.location).toMatch(/\/t\/ostersund\/e\/eldning\/granska/);
    const review = await browser.get(posted.location!);
    expect(review.html).not.toContain('070-174 06 50');
    // The hidden step's title stays in the page's state (the definition), not on the page.
    expect(review.html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '')).not.toContain('Platsen');

    // Asking for a call shows the phone question, and it is then required.
    const withCall = await browser.post('/t/ostersund/e/eldning', [['_step', 'steg-1'], [keys.call, 'true'], [keys.outdoors, 'false'], ['_action', 'continue']]);
    expect(withCall.status).toBe(200);
    expect(withCall.html).toContain(`name="${keys.phone}"`);
    expect(withCall.html).toMatch(/Det finns 1 fel/);
  });
});
