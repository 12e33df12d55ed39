import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';
import { stateOf } from './citizen-browser.ts';
import { logInWithEId, OidcBrowser } from './oidc-browser.ts';
import { exampleAnswers } from '@samform/forms';

// A real demo IdP (oidc-provider on a free port, started by demo mode) and the full code flow
// over HTTP: Samform -> IdP -> persona picker -> IdP -> Samform's callback.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const PAUSE = '/t/ostersund/e/uppehall-i-hamtning';
const SUBMIT = '/api/t/ostersund/services/uppehall-i-hamtning/submissions';
const EID = 'samform.eid';

function submit(browser: OidcBrowser, data: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return browser.fetch(`${server.url}${SUBMIT}`, { method: 'POST', body: JSON.stringify({ data }), headers: { 'content-type': 'application/json', origin: server.url, ...headers } });
}

async function leaseAvfall(): Promise<{ reference: string; data: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/t/ostersund/queues/avfall/lease`, { method: 'POST', headers: { authorization: 'Bearer demo-key-ostersund' } });
  expect(response.status).toBe(200);
  const { item, leaseId } = (await response.json()) as { item: { id: string; reference: string; data: Record<string, unknown> }; leaseId: string };
  // Acked, so the next test leases its own case.
  const ack = await fetch(`${server.url}/api/t/ostersund/queues/avfall/items/${item.id}/ack`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo-key-ostersund', 'content-type': 'application/json' },
    body: JSON.stringify({ leaseId }),
  });
  expect(ack.status).toBeLessThan(300);
  return item;
}

const answers = (personnummer: string): Record<string, unknown> => ({ ...exampleAnswers('region-jamtland-harjedalen', 'uppehall-i-hamtning'), personnummer });

describe('citizen e-ID login through the demo IdP', () => {
  it('when a citizen logs in as Tolvan, then the persona picker is labelled demo-only under a strict CSP and the citizen lands back, logged in', async () => {
    const browser = new OidcBrowser();
    const { landedAt, pickerHtml, pickerHeaders } = await logInWithEId(browser, server.url, 'tolvan', PAUSE);
    expect(pickerHtml).toContain('Test-e-legitimation — endast demo');
    expect(pickerHtml).toContain('type="radio" name="persona"');
    expect(pickerHtml).not.toMatch(/<script|style=/);
    expect(pickerHeaders.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(landedAt).toBe(`${server.url}${PAUSE}`);

    const page = await browser.fetch(`${server.url}${PAUSE}`);
    const state = stateOf(await page.text());
    expect(state.eId).toMatchObject({ identification: 'e-id', login: { name: 'Tolvan Tolvansson', protectedIdentity: false }, missingPersonnummer: false });
    expect(state.form.answers.personnummer).toBe('19121212-1212');
    expect(state.service.uiSchema.personnummer['ui:readonly']).toBe(true);
    expect(state.service.texts.personnummer.help.sv).toMatch(/Hämtat från din e-legitimation/);
  });

  it('when a citizen logs in, then the session id is new (a planted cookie never becomes a login), and logging in again ends the first one', async () => {
    const browser = new OidcBrowser();
    const planted = 'A'.repeat(43);
    browser.setCookie(server.url, EID, planted);
    await logInWithEId(browser, server.url, 'tolvan', PAUSE);
    const first = browser.cookie(server.url, EID);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(planted);

    await logInWithEId(browser, server.url, 'tolvan', PAUSE);
    const second = browser.cookie(server.url, EID);
    expect(second).not.toBe(first);
    const withFirst = await fetch(`${server.url}${SUBMIT}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, cookie: `${EID}=${first}` }, body: JSON.stringify({ data: answers('19121212-1212') }) });
    expect(withFirst.status).toBe(401);
  });

  it('when the callback sets the login cookie, then it is HttpOnly, SameSite=Lax and (on loopback) not Secure', async () => {
    const browser = new OidcBrowser();
    const original = browser.fetch.bind(browser);
    let setCookie = '';
    browser.fetch = async (url, init) => {
      const response = await original(url, init);
      for (const line of response.headers.getSetCookie()) if (line.startsWith(`${EID}=`)) setCookie = line;
      return response;
    };
    await logInWithEId(browser, server.url, 'tolvan', PAUSE);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/;\s*Secure/i);
  });

  it('when a citizen with a draft logs in, then the draft cookie gets a new id and the answers are kept', async () => {
    const browser = new OidcBrowser();
    const form = await (await browser.fetch(`${server.url}/t/ostersund/e/bestall-slamtomning`)).text();
    const step = /name="_step" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const posted = await browser.fetch(`${server.url}/t/ostersund/e/bestall-slamtomning`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([['_step', step], ['customerNumber', '104527'], ['_action', 'continue']]),
    });
    expect(posted.status).toBeLessThan(400);
    const before = browser.cookie(server.url, 'samform.citizen');
    expect(before).toBeDefined();
    await logInWithEId(browser, server.url, 'tolvan', '/t/ostersund/e/bestall-slamtomning');
    const after = browser.cookie(server.url, 'samform.citizen');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const state = stateOf(await (await browser.fetch(`${server.url}/t/ostersund/e/bestall-slamtomning`)).text());
    expect(state.form.answers.customerNumber).toBe('104527');
    expect(state.eId).toMatchObject({ identification: 'optional', login: { name: 'Tolvan Tolvansson' } });
    const planted = await fetch(`${server.url}/t/ostersund/e/bestall-slamtomning`, { headers: { cookie: `samform.citizen=${before}` } });
    expect(stateOf(await planted.text()).form.answers).toEqual({});
  });

  it('when another person logs in on the same browser without a logout, then the draft of the one before is gone; the same person finds it again', async () => {
    const browser = new OidcBrowser();
    await logInWithEId(browser, server.url, 'tolvan', '/t/ostersund/e/bestall-slamtomning');
    const form = await (await browser.fetch(`${server.url}/t/ostersund/e/bestall-slamtomning`)).text();
    const step = /name="_step" value="([^"]+)"/.exec(form)?.[1] ?? '';
    await browser.fetch(`${server.url}/t/ostersund/e/bestall-slamtomning`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([['_step', step], ['customerNumber', '104527'], ['_action', 'continue']]),
    });
    await logInWithEId(browser, server.url, 'tolvan', '/t/ostersund/e/bestall-slamtomning');
    expect(stateOf(await (await browser.fetch(`${server.url}/t/ostersund/e/bestall-slamtomning`)).text()).form.answers.customerNumber).toBe('104527');
    // The next person on the shared computer: Samform's cookies stay, the IdP's session is theirs.
    const next = new OidcBrowser();
    next.setCookie(server.url, 'samform.citizen', browser.cookie(server.url, 'samform.citizen') ?? '');
    await logInWithEId(next, server.url, 'samordning', '/t/ostersund/e/bestall-slamtomning');
    expect(stateOf(await (await next.fetch(`${server.url}/t/ostersund/e/bestall-slamtomning`)).text()).form.answers).toEqual({});
  });

  it('when the citizen logs out, then the cookie is cleared and the old one is dead server-side', async () => {
    const browser = new OidcBrowser();
    await logInWithEId(browser, server.url, 'tolvan', PAUSE);
    const cookie = browser.cookie(server.url, EID);
    const out = await browser.fetch(`${server.url}/e-id/logout?return=${encodeURIComponent(PAUSE)}`, { method: 'POST', headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe(PAUSE);
    expect(browser.cookie(server.url, EID)).toBeUndefined();
    const replayed = await fetch(`${server.url}${SUBMIT}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, cookie: `${EID}=${cookie}` }, body: JSON.stringify({ data: answers('19121212-1212') }) });
    expect(replayed.status).toBe(401);
    const page = stateOf(await (await browser.fetch(`${server.url}${PAUSE}`)).text());
    expect(page.eId.login).toBeNull();
  });

  it('when the logout is posted from another site, then it is refused', async () => {
    const browser = new OidcBrowser();
    await logInWithEId(browser, server.url, 'tolvan', PAUSE);
    const forged = await browser.fetch(`${server.url}/e-id/logout`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(forged.status).toBe(403);
    expect(browser.cookie(server.url, EID)).toBeDefined();
  });
});

describe('an e-service that requires e-ID', () => {
  it('when answers are sent to the API without a login, then 401 with a clear message, and nothing is queued', async () => {
    const response = await submit(new OidcBrowser(), answers('19121212-1212'));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'e-id-required', message: expect.stringMatching(/loggar in med e-legitimation/) });
    const english = await submit(new OidcBrowser(), answers('19121212-1212'), { 'accept-language': 'en' });
    expect(((await english.json()) as { message: string }).message).toMatch(/log in with e-ID/);
    const lease = await fetch(`${server.url}/api/t/ostersund/queues/avfall/lease`, { method: 'POST', headers: { authorization: 'Bearer demo-key-ostersund' } });
    expect(lease.status).toBe(204);
  });

  it('when the body names another personnummer, then the login one is stored instead', async () => {
    const browser = new OidcBrowser();
    await logInWithEId(browser, server.url, 'tolvan', PAUSE);
    const response = await submit(browser, answers('19800101-2387'));
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    const item = await leaseAvfall();
    expect(item.reference).toBe(reference);
    expect(item.data.personnummer).toBe('19121212-1212');
  });

  it('when the body leaves the personnummer out, then the login fills it in', async () => {
    const browser = new OidcBrowser();
    await logInWithEId(browser, server.url, 'samordning', PAUSE);
    const { personnummer: _, ...rest } = answers('x');
    const response = await submit(browser, rest);
    expect(response.status).toBe(201);
    expect((await leaseAvfall()).data.personnummer).toBe('19701063-2391');
  });

  it('when a foreign e-ID without personnummer sends, then 403 says the e-service needs one, and the form page says so too', async () => {
    const browser = new OidcBrowser();
    await logInWithEId(browser, server.url, 'utlandsk', PAUSE);
    const response = await submit(browser, answers('19121212-1212'));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'personnummer-required', message: expect.stringMatching(/personnummer/) });
    const state = stateOf(await (await browser.fetch(`${server.url}${PAUSE}`)).text());
    expect(state.eId).toMatchObject({ login: { name: 'Kari Nordmann' }, missingPersonnummer: true });
  });

  it('when the citizen has protected identity, then the login keeps no name and the page shows none', async () => {
    const browser = new OidcBrowser();
    await logInWithEId(browser, server.url, 'skyddad', PAUSE);
    const html = await (await browser.fetch(`${server.url}${PAUSE}`)).text();
    const state = stateOf(html);
    expect(state.eId.login).toEqual({ protectedIdentity: true, idleMinutes: 20 });
    expect(html).not.toContain('Skyddad Person');
    expect(state.form.answers.personnummer).toBe('19820615-1006');
  });

  it('without JavaScript: the form page asks for a login first; after it, a posted personnummer is replaced by the login one on the way to the queue', async () => {
    const browser = new OidcBrowser();
    const gate = await (await browser.fetch(`${server.url}${PAUSE}`)).text();
    expect(gate).toContain('Logga in med e-legitimation');
    expect(gate).toContain(`href="/t/ostersund/e-id/login?return=${encodeURIComponent(PAUSE).replace(/%2F/g, '%2F')}"`);
    expect(gate).not.toContain('name="personnummer"');

    await logInWithEId(browser, server.url, 'tolvan', PAUSE);
    const form = await (await browser.fetch(`${server.url}${PAUSE}`)).text();
    expect(form).toMatch(/<input[^>]*name="personnummer"[^>]*readOnly|<input[^>]*readonly[^>]*name="personnummer"/i);
    const step = /name="_step" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const a = answers('19800101-2387');
    const posted = await browser.fetch(`${server.url}${PAUSE}`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['_step', step],
        ['personnummer', '19800101-2387'],
        ['property', a.property as string],
        ['role', 'owner'],
        ['from', a.from as string],
        ['to', a.to as string],
        ['contact.email', (a.contact as { email: string }).email],
        ['_action', 'continue'],
      ]),
    });
    expect(posted.status).toBe(303);
    const review = stateOf(await (await browser.fetch(`${server.url}${PAUSE}/granska`)).text());
    expect(review.form.answers.personnummer).toBe('19121212-1212');
    const sent = await browser.fetch(`${server.url}${PAUSE}/granska`, { method: 'POST', headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toMatch(/\/kvitto\//);
    expect((await leaseAvfall()).data.personnummer).toBe('19121212-1212');
  });
});

describe('the return address of a login', () => {
  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/t/ostersund\r\nLocation: https://evil.example'])('when return is %j, then the login is refused with 400 and no redirect', async (target) => {
    const response = await new OidcBrowser().fetch(`${server.url}/t/ostersund/e-id/login?return=${encodeURIComponent(target)}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('Adressen gick inte att använda');
  });

  it('when a callback comes without a login started in this browser, then 400 and no session', async () => {
    const browser = new OidcBrowser();
    const response = await browser.fetch(`${server.url}/e-id/callback?code=x&state=y`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Inloggningen kunde inte slutföras');
    expect(browser.cookie(server.url, EID)).toBeUndefined();
  });

  it('when the citizen cancels at the IdP, then they are back on the page, not logged in', async () => {
    const browser = new OidcBrowser();
    const picker = await browser.follow(`${server.url}/t/ostersund/e-id/login?return=${encodeURIComponent(PAUSE)}`);
    const html = await picker.response.text();
    const abort = /<form method="post" action="([^"]+\/abort)">/.exec(html)?.[1] ?? '';
    const cancelled = await browser.fetch(new URL(abort, picker.url).href, { method: 'POST', body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const back = await browser.follow(new URL(cancelled.headers.get('location') ?? '', picker.url).href, (next) => next.origin === new URL(server.url).origin && next.pathname !== '/e-id/callback');
    expect(back.url).toBe(`${server.url}${PAUSE}`);
    expect(browser.cookie(server.url, EID)).toBeUndefined();
  });
});
