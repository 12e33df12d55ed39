import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { CitizenBrowser, stateOf } from './citizen-browser.ts';
import { call, logIn, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
let caseWorker: string;
const IDEA = '/t/ostersund/e/lamna-din-ide';

beforeAll(async () => {
  server = await startTestServer();
  caseWorker = await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund');
}, 60_000);
afterAll(() => server.close());

/** A citizen sends the idea with JavaScript (the API), from a browser that keeps its receipt. */
async function sendIdea(): Promise<{ browser: CitizenBrowser; id: string; reference: string }> {
  const browser = new CitizenBrowser(server.url);
  // A first step saved gives the browser its citizen cookie.
  await browser.post(IDEA, [['_step', 'idea'], ['title', 'Utkast'], ['need', 'Behov'], ['proposal', 'Förslag'], ['_action', 'continue']]);
  expect(browser.cookie).toBeDefined();
  const response = await fetch(`${server.url}/api/t/ostersund/services/lamna-din-ide/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie: browser.cookie ?? '' },
    body: JSON.stringify({ data: exampleAnswers('ostersund', 'lamna-din-ide', new Date()) }),
  });
  expect(response.status).toBe(201);
  const { id, reference } = (await response.json()) as { id: string; reference: string };
  return { browser, id, reference };
}

const change = (id: string, path: string, body: unknown) =>
  call(`${server.url}/api/t/ostersund/cases/${id}/${path}`, { headers: { cookie: caseWorker, origin: server.url }, body });

describe('the citizen follows the case', () => {
  let sent: { browser: CitizenBrowser; id: string; reference: string };
  let statusPath: string;

  beforeAll(async () => {
    sent = await sendIdea();
  });

  it('when the receipt is opened, then it shows the first stop of the idea journey and the status link', async () => {
    const receipt = await sent.browser.get(`${IDEA}/kvitto/${sent.reference}`);
    expect(receipt.status).toBe(200);
    expect(receipt.html).toContain('Följ ditt ärende');
    expect(receipt.html).toContain('Idén har kommit in');
    const state = stateOf(receipt.html);
    expect(state.caseStatus.current.id).toBe('received');
    statusPath = state.caseStatus.statusPath;
    expect(statusPath).toMatch(/^\/t\/ostersund\/status\/[A-Za-z0-9_-]{24}$/);
    expect(receipt.html).toContain(`href="${statusPath}"`);
  });

  it('when a case worker moves the idea twice with messages and writes a note, then the status page shows the stops and messages but never the note', async () => {
    expect((await change(sent.id, 'status', { to: 'investigating', message: 'Arbetsgruppen tittar på idén.' })).status).toBe(200);
    expect((await change(sent.id, 'notes', { text: 'INTERN: ring kontoret' })).status).toBe(200);
    expect((await change(sent.id, 'status', { to: 'decision', message: 'Beslut tas i juni.' })).status).toBe(200);
    expect((await change(sent.id, 'messages', { text: 'Tack för en bra idé!' })).status).toBe(200);

    // Without a cookie: the link alone is the key.
    const page = await fetch(`${server.url}${statusPath}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-robots-tag')).toBe('noindex');
    expect(html).toContain(`Ärende ${sent.reference}`);
    for (const shown of ['Arbetsgruppen utreder idén', 'Arbetsgruppen tittar på idén.', 'Beslut tas i juni.', 'Tack för en bra idé!', 'aria-current="step"']) expect(html).toContain(shown);
    expect(html).not.toContain('INTERN');
    const state = stateOf(html);
    expect(state.status.current.id).toBe('decision');
    expect(state.status.history.map((e: { kind: string }) => e.kind)).toEqual(['status', 'status', 'status', 'message']);
    expect(JSON.stringify(state)).not.toContain('INTERN');
    // No answers ride along on a page anyone with the link may open.
    expect(JSON.stringify(state)).not.toContain(exampleAnswers('ostersund', 'lamna-din-ide', new Date()).title as string);
  });

  it('when the status page is asked for in English, then it speaks English', async () => {
    const html = await (await fetch(`${server.url}${statusPath}?lang=en`)).text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain(`Case ${sent.reference}`);
    expect(html).toContain('The working group investigates');
    expect(html).toContain('What has happened');
  });

  it('when the receipt is opened again, then it shows the new stop too', async () => {
    const receipt = await sent.browser.get(`${IDEA}/kvitto/${sent.reference}`);
    expect(stateOf(receipt.html).caseStatus.current.id).toBe('decision');
  });

  it.each([
    ['an unknown token', '/t/ostersund/status/AAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a malformed token', '/t/ostersund/status/short'],
    ['a token at another municipality', 'OTHER'],
    ['an unknown municipality', '/t/nowhere/status/AAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('when the status link has %s, then a 404 page', async (_name, path) => {
    const address = path === 'OTHER' ? statusPath.replace('/t/ostersund/', '/t/krokom/') : path;
    const page = await fetch(`${server.url}${address}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Sidan finns inte');
  });
});

describe('an idea that leaves the journey', () => {
  it('when the idea is declined at the decision, then the status page shows the stops it passed and the exit, not the stops ahead', async () => {
    const sent = await sendIdea();
    const token = (await server.store.getCase('ostersund', sent.id))!.case.statusToken;
    const fresh = stateOf(await (await fetch(`${server.url}/t/ostersund/status/${token}`)).text());
    expect(fresh.status.stops.map((s: { id: string; state: string }) => `${s.id}:${s.state}`)).toEqual([
      'received:current', 'investigating:ahead', 'decision:ahead', 'project-prepared:ahead', 'project-running:ahead', 'reality:ahead', 'evaluated:ahead', 'simpler-everyday:ahead',
    ]);
    await change(sent.id, 'status', { to: 'investigating' });
    await change(sent.id, 'status', { to: 'declined', message: 'Idén finns redan som tjänst.' });
    const declined = stateOf(await (await fetch(`${server.url}/t/ostersund/status/${token}`)).text());
    expect(declined.status.stops.map((s: { id: string; state: string }) => `${s.id}:${s.state}`)).toEqual(['received:passed', 'investigating:passed', 'declined:current']);
    expect(declined.status.current).toMatchObject({ id: 'declined', final: true });
  });
});
