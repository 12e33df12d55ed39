import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';
import { logInThroughIdp, OidcBrowser } from './oidc-browser.ts';

// Östersund's staff log in with the municipality's own account: in demo mode the demo IdP
// stands in for Östersund's identity provider, and its staff personas match demo accounts.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const SID = 'samform.sid';
const start = () => `${server.url}/api/auth/sso/ostersund/login`;

async function me(browser: OidcBrowser): Promise<{ status: number; body: { user?: { username: string; tenantRoles: Record<string, string[]> } } }> {
  const response = await browser.fetch(`${server.url}/api/auth/me`);
  return { status: response.status, body: (await response.json()) as never };
}

describe('staff single sign-on per tenant', () => {
  it('when the staff login page asks which tenants have SSO, then Östersund is listed and no other', async () => {
    const response = await fetch(`${server.url}/api/auth/sso`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tenants: [{ id: 'ostersund', name: 'Östersund' }] });
  });

  it('when a case worker logs in with Östersund’s account, then a staff session starts under a new id, and the picker offers staff personas only', async () => {
    const browser = new OidcBrowser();
    const planted = `s%3A${'x'.repeat(32)}.${'y'.repeat(43)}`;
    browser.setCookie(server.url, SID, planted);
    const { landedAt, pickerHtml } = await logInThroughIdp(browser, start(), 'ostersund.handlaggare', '/api/auth/sso/callback');
    expect(pickerHtml).toContain('Handläggare, Östersund');
    expect(pickerHtml).not.toContain('Tolvan');
    expect(landedAt).toBe(`${server.url}/staff`);
    const sid = browser.cookie(server.url, SID);
    expect(sid).toBeDefined();
    expect(sid).not.toBe(planted);
    const signedIn = await me(browser);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ username: 'ostersund.handlaggare', tenantRoles: { ostersund: ['caseworker'] } });
    const [login] = await server.store.listAudit('ostersund', { kind: 'login', limit: 1 });
    expect(login).toMatchObject({ actor: { kind: 'staff', username: 'ostersund.handlaggare' }, detail: { method: 'sso' } });

    const out = await browser.fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { origin: server.url } });
    expect(out.status).toBe(200);
    const replayed = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: `${SID}=${sid}` } });
    expect(replayed.status).toBe(401);
  });

  it('when the municipal account has no Samform account, then 403 says so, and no session starts', async () => {
    const browser = new OidcBrowser();
    const { callback } = await logInThroughIdp(browser, start(), 'ostersund.okand', '/api/auth/sso/callback');
    expect(callback?.status).toBe(403);
    expect(await callback?.text()).toMatch(/inget Samform-konto/);
    expect((await me(browser)).status).toBe(401);
    const [failed] = await server.store.listAudit('ostersund', { kind: 'login-failed', limit: 1 });
    expect(failed).toMatchObject({ actor: { kind: 'anonymous', username: 'ostersund.okand' }, detail: { method: 'sso', reason: 'unknown' } });
  });

  it('when the account belongs to another municipality, then Östersund’s SSO refuses it with 403', async () => {
    const browser = new OidcBrowser();
    const { callback } = await logInThroughIdp(browser, start(), 'are.handlaggare', '/api/auth/sso/callback');
    expect(callback?.status).toBe(403);
    expect(await callback?.text()).toMatch(/hör inte till den här kommunen/);
    expect((await me(browser)).status).toBe(401);
    // Logged where it was tried: in Östersund's log, not Åre's.
    const [failed] = await server.store.listAudit('ostersund', { kind: 'login-failed', limit: 1 });
    expect(failed).toMatchObject({ actor: { kind: 'anonymous', username: 'are.handlaggare' }, detail: { method: 'sso', reason: 'not-in-tenant' } });
  });

  it('when a tenant without SSO is asked, then 404; and a callback without a started login is 400', async () => {
    expect((await fetch(`${server.url}/api/auth/sso/are/login`, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${server.url}/api/auth/sso/callback?code=x&state=y`, { redirect: 'manual' })).status).toBe(400);
  });
});
