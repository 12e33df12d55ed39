import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { call } from '../harness.ts';
import { CitizenBrowser } from '../citizen-browser.ts';
import { DEMO, startSecurityApp } from './security-app.ts';
import type { SecurityApp } from './security-app.ts';

const IDLE_MS = 10 * 60_000;
let now = Date.parse('2026-11-26T09:00:00Z');
let app: SecurityApp;
beforeAll(async () => {
  app = await startSecurityApp({ clock: () => new Date(now), staffIdleMs: IDLE_MS });
}, 60_000);
afterAll(() => app.close());

async function signIn(cookie?: string): Promise<string> {
  const response = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(DEMO.caseWorker),
  });
  expect(response.status).toBe(200);
  const set = response.headers.getSetCookie().find((c) => c.startsWith('samform.sid='));
  expect(set).toBeDefined();
  return set!.split(';')[0]!;
}

const me = (cookie: string) => call(`${app.url}/api/auth/me`, { headers: { cookie } });
const status = (cookie: string) => call(`${app.url}/api/auth/session`, { headers: { cookie } });
const extend = (cookie: string) => call(`${app.url}/api/auth/session/extend`, { method: 'POST', headers: { cookie, origin: app.url } });
const sid = (cookie: string) => decodeURIComponent(cookie.slice('samform.sid='.length)).replace(/^s:/, '').split('.')[0]!;

describe('security 9: session ids and logout', () => {
  it('9. when a browser signs in again with its old cookie, then it gets a new session id and the old cookie is dead', async () => {
    const first = await signIn();
    const second = await signIn(first);
    expect(sid(second)).not.toBe(sid(first));
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
  });

  it('9. when a staff member signs out, then the session is gone from the store and the old cookie is dead', async () => {
    const cookie = await signIn();
    const key = createHash('sha256').update(sid(cookie)).digest('hex');
    expect(await app.store.getSession(key, new Date())).not.toBeNull();
    const out = await call(`${app.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: app.url } });
    expect(out.status).toBe(200);
    expect(await app.store.getSession(key, new Date())).toBeNull();
    expect((await me(cookie)).status).toBe(401);
    expect((await call(`${app.url}/api/t/ostersund/queues`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('staff idle time-out (WCAG 2.2.1)', () => {
  it('when a session is asked about, then it tells when it ends, and asking does not extend it', async () => {
    const cookie = await signIn();
    const first = await status(cookie);
    expect(first.body).toEqual({ signedIn: true, expiresAt: new Date(now + IDLE_MS).toISOString(), idleSeconds: IDLE_MS / 1000 });
    now += 60_000;
    expect((await status(cookie)).body.expiresAt).toBe(first.body.expiresAt);
  });

  it('when the staff member extends before the end, then the session lives on; when idle past the end, then it is ended server-side', async () => {
    const cookie = await signIn();
    now += IDLE_MS - 2 * 60_000;
    const extended = await extend(cookie);
    expect(extended.status).toBe(200);
    expect(extended.body.expiresAt).toBe(new Date(now + IDLE_MS).toISOString());
    now += IDLE_MS - 60_000;
    expect((await me(cookie)).status).toBe(200);
    // Any other request is activity too.
    now += IDLE_MS - 60_000;
    expect((await me(cookie)).status).toBe(200);
    now += IDLE_MS;
    expect((await status(cookie)).body).toEqual({ signedIn: false, expiresAt: null });
    expect((await me(cookie)).status).toBe(401);
    // The old cookie stays dead even if used again at once.
    expect((await extend(cookie)).status).toBe(401);
  });

  it('when a session is extended from another site, then 403 and it is not extended', async () => {
    const cookie = await signIn();
    const before = (await status(cookie)).body.expiresAt;
    now += 60_000;
    const evil = await call(`${app.url}/api/auth/session/extend`, { method: 'POST', headers: { cookie, origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect((await status(cookie)).body.expiresAt).toBe(before);
  });

  it('when a session is 8 hours old, then it ends even though it was used all along', async () => {
    const cookie = await signIn();
    // A request every 5 minutes (half the idle time) for just under 8 hours.
    for (let step = 0; step < 95; step++) {
      now += 5 * 60_000;
      expect((await me(cookie)).status).toBe(200);
    }
    now += 5 * 60_000;
    expect((await me(cookie)).status).toBe(401);
  });
});

describe("the citizen's saved answers", () => {
  it('when a citizen with a draft asks and extends, then the record tells its end and is renewed; without a record, none is made', async () => {
    const browser = new CitizenBrowser(app.url);
    expect((await call(`${app.url}/api/citizen/session`)).body).toEqual({ expiresAt: null });
    expect((await call(`${app.url}/api/citizen/session/extend`, { method: 'POST', headers: { origin: app.url } })).status).toBe(404);
    await browser.post('/t/ostersund/e/lamna-din-ide', [['_step', 'idea'], ['title', 'Bänkar']]);
    const asked = await call(`${app.url}/api/citizen/session`, { headers: { cookie: browser.cookie! } });
    expect(asked.body.expiresAt).toBe(new Date(now + 24 * 3_600_000).toISOString());
    now += 3_600_000;
    const extended = await call(`${app.url}/api/citizen/session/extend`, { method: 'POST', headers: { cookie: browser.cookie!, origin: app.url } });
    expect(extended.status).toBe(200);
    expect(extended.body.expiresAt).toBe(new Date(now + 24 * 3_600_000).toISOString());
    const page = await browser.get('/t/ostersund/e/lamna-din-ide');
    expect(page.html).toContain('Bänkar');
  });
});
