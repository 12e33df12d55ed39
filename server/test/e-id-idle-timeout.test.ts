import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@samform/store';
import type { Store } from '@samform/store';
import { startSamform } from '../src/start-samform.ts';
import type { RunningSamform } from '../src/start-samform.ts';
import { stateOf } from './citizen-browser.ts';
import { CHEAP_COST, demoForms, LogCapture, tempDir } from './harness.ts';
import { logInWithEId, OidcBrowser } from './oidc-browser.ts';

// WCAG 2.2.1 for e-ID logins: an idle time-out the page can read and extend, and a cap that holds.
// The app's clock is moved by hand; the IdP keeps the wall clock (its tokens are checked at login,
// which happens before the clock moves).
const MINUTE = 60_000;
const IDLE_MINUTES = 20;
const FORM = '/t/ostersund/e/bestall-slamtomning';

let offset = 0;
const clock = () => new Date(Date.now() + offset);
let running: RunningSamform;
let store: Store;
let cleanup: () => void;
let url: string;

beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  store = await openSqliteStore({ file: path.join(temp.dir, 'samform.sqlite') });
  running = await startSamform({
    store,
    mode: 'demo',
    host: '127.0.0.1',
    logDestination: new LogCapture(),
    forms: await demoForms(),
    passwordCost: CHEAP_COST,
    eIdIdleMs: IDLE_MINUTES * MINUTE,
    clock,
  });
  url = running.url;
}, 60_000);
afterAll(async () => {
  await running?.close();
  await store?.close();
  cleanup?.();
});

interface EIdSession {
  loggedIn: boolean;
  expiresAt: string | null;
  idleSeconds?: number;
}

async function session(browser: OidcBrowser): Promise<EIdSession> {
  const response = await browser.fetch(`${url}/api/citizen/e-id/session`);
  expect(response.status).toBe(200);
  return (await response.json()) as EIdSession;
}

async function extend(browser: OidcBrowser): Promise<{ status: number; body: EIdSession }> {
  const response = await browser.fetch(`${url}/api/citizen/e-id/session/extend`, { method: 'POST', headers: { origin: url } });
  return { status: response.status, body: (await response.json()) as EIdSession };
}

async function loggedIn(browser: OidcBrowser): Promise<boolean> {
  const state = stateOf(await (await browser.fetch(`${url}${FORM}`)).text());
  return state.eId?.login !== null && state.eId?.login !== undefined;
}

async function stepOf(browser: OidcBrowser): Promise<string> {
  const form = await (await browser.fetch(`${url}${FORM}`)).text();
  return /name="_step" value="([^"]+)"/.exec(form)?.[1] ?? '';
}

// Posts a step as the page does when the time-out warning opens (marked as the page's own save).
async function saveStep(browser: OidcBrowser, step: string, customerNumber: string): Promise<void> {
  const posted = await browser.fetch(`${url}${FORM}`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded', 'samform-autosave': '1' },
    body: new URLSearchParams([['_step', step], ['customerNumber', customerNumber], ['_action', 'continue']]),
  });
  expect(posted.status).toBeLessThan(400);
}

async function freshLogin(): Promise<OidcBrowser> {
  offset = 0;
  const browser = new OidcBrowser();
  await logInWithEId(browser, url, 'tolvan', FORM);
  return browser;
}

describe('the e-ID login ends when idle (WCAG 2.2.1)', () => {
  it('when a citizen has just logged in, then the session answer gives the idle length and an end 20 minutes ahead, and asking does not extend it', async () => {
    const browser = await freshLogin();
    const first = await session(browser);
    expect(first).toMatchObject({ loggedIn: true, idleSeconds: IDLE_MINUTES * 60 });
    const left = Date.parse(first.expiresAt!) - clock().getTime();
    expect(left).toBeGreaterThan((IDLE_MINUTES - 1) * MINUTE);
    expect(left).toBeLessThanOrEqual(IDLE_MINUTES * MINUTE);
    offset += 5 * MINUTE;
    expect((await session(browser)).expiresAt).toBe(first.expiresAt);
  });

  it('when the page is rendered for a logged-in citizen, then it says how long the login lasts without activity (no JavaScript needed)', async () => {
    const browser = await freshLogin();
    const html = await (await browser.fetch(`${url}${FORM}`)).text();
    expect(stateOf(html).eId.login.idleMinutes).toBe(IDLE_MINUTES);
    expect(html).toContain(`Du loggas ut automatiskt efter ${IDLE_MINUTES} minuter utan aktivitet`);
  });

  it('when nothing happens for the idle time, then the login has ended server-side: session says so, extend is refused, the page offers the login again', async () => {
    const browser = await freshLogin();
    offset += IDLE_MINUTES * MINUTE + 1000;
    expect(await session(browser)).toEqual({ loggedIn: false, expiresAt: null });
    const refused = await extend(browser);
    expect(refused.status).toBe(401);
    expect(await loggedIn(browser)).toBe(false);
  });

  it('when the citizen extends, then the end moves forward and the login outlives the first idle end', async () => {
    const browser = await freshLogin();
    const before = (await session(browser)).expiresAt!;
    offset += 15 * MINUTE;
    const extended = await extend(browser);
    expect(extended.status).toBe(200);
    const extendedTo = Date.parse(extended.body.expiresAt!);
    expect(Math.abs(extendedTo - (clock().getTime() + IDLE_MINUTES * MINUTE))).toBeLessThan(1000);
    expect(Date.parse(extended.body.expiresAt!)).toBeGreaterThan(Date.parse(before));
    offset += 10 * MINUTE;
    // 25 minutes after login, 10 after the extension: still logged in.
    expect((await session(browser)).loggedIn).toBe(true);
    expect(await loggedIn(browser)).toBe(true);
  });

  it('when the citizen moves through the form, then each page counts as activity; the page\'s own save at the warning does not', async () => {
    const browser = await freshLogin();
    offset += 10 * MINUTE;
    const step = await stepOf(browser);
    const afterPage = Date.parse((await session(browser)).expiresAt!);
    expect(Math.abs(afterPage - (clock().getTime() + IDLE_MINUTES * MINUTE))).toBeLessThan(1000);
    offset += 10 * MINUTE;
    await saveStep(browser, step, '104527');
    expect(Date.parse((await session(browser)).expiresAt!)).toBe(afterPage);
  });

  it('when the citizen keeps extending, then the login still ends 8 hours after it began', async () => {
    const browser = await freshLogin();
    const start = clock().getTime();
    for (let minutes = 15; minutes < 8 * 60; minutes += 15) {
      offset = minutes * MINUTE;
      const answer = await extend(browser);
      expect(answer.status).toBe(200);
      expect(Date.parse(answer.body.expiresAt!)).toBeLessThanOrEqual(start + 8 * 60 * MINUTE + 1000);
    }
    offset = 8 * 60 * MINUTE + 1000;
    expect((await extend(browser)).status).toBe(401);
    expect(await loggedIn(browser)).toBe(false);
  });

  it('when the login has ended, then logging in again finds the answers saved before', async () => {
    const browser = await freshLogin();
    await saveStep(browser, await stepOf(browser), '246810');
    offset += IDLE_MINUTES * MINUTE + 1000;
    expect(await loggedIn(browser)).toBe(false);
    await logInWithEId(browser, url, 'tolvan', FORM);
    const state = stateOf(await (await browser.fetch(`${url}${FORM}`)).text());
    expect(state.eId.login).toMatchObject({ name: 'Tolvan Tolvansson' });
    expect(state.form.answers.customerNumber).toBe('246810');
  });
});
