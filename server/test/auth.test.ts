import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, logIn, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const login = (body: unknown, headers: Record<string, string> = {}) => call(`${server.url}/api/auth/login`, { body, headers: { origin: server.url, ...headers } });
const me = (cookie: string) => call(`${server.url}/api/auth/me`, { headers: { cookie } });

describe('staff sign-in', () => {
  it('when a demo case worker signs in, then 200 with the profile and an HttpOnly SameSite=Lax session cookie', async () => {
    const answer = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'ostersund.handlaggare', password: 'demo-ostersund' }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      user: { id: expect.any(String), username: 'ostersund.handlaggare', displayName: expect.any(String), tenantRoles: { ostersund: ['caseworker'] }, queues: { ostersund: expect.arrayContaining(['va', 'avfall']) }, platformAdmin: false },
    });
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('samform.sid='))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    // Plain HTTP on the loopback address: a Secure cookie would never come back.
    expect(cookie).not.toMatch(/; Secure/i);
    const profile = await me(cookie.split(';')[0]!);
    expect(profile.status).toBe(200);
    expect(profile.body.user.username).toBe('ostersund.handlaggare');
  });

  it('when the user is unknown or the password wrong, then the same 401 invalid-credentials', async () => {
    const unknown = await login({ username: 'nobody.handlaggare', password: 'demo-ostersund' });
    const wrong = await login({ username: 'ostersund.handlaggare', password: 'demo-krokom' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.code).toBe('invalid-credentials');
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('when fields are missing or not strings, then 401 invalid-credentials', async () => {
    expect((await login({ username: 'ostersund.handlaggare' })).status).toBe(401);
    expect((await login({ username: { $ne: '' }, password: { $ne: '' } })).status).toBe(401);
  });

  it('when a sign-in comes from another site, then 403 cross-origin', async () => {
    const answer = await login({ username: 'ostersund.handlaggare', password: 'demo-ostersund' }, { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('cross-origin');
  });

  it('when someone signs in carrying an existing session, then the session id changes and the old one is dead', async () => {
    const first = await logIn(server.url, 'ostersund.admin', 'demo-ostersund');
    const answer = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie: first },
      body: JSON.stringify({ username: 'ostersund.designer', password: 'demo-ostersund' }),
    });
    expect(answer.status).toBe(200);
    const second = answer.headers.getSetCookie().find((c) => c.startsWith('samform.sid='))!.split(';')[0]!;
    expect(second).not.toBe(first);
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).body.user.username).toBe('ostersund.designer');
  });

  it('when a staff member signs out, then the cookie is cleared and the old cookie no longer works', async () => {
    const cookie = await logIn(server.url, 'krokom.admin', 'demo-krokom');
    expect((await me(cookie)).status).toBe(200);
    const out = await call(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: server.url } });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join()).toMatch(/samform\.sid=;.*Expires=Thu, 01 Jan 1970/);
    expect((await me(cookie)).status).toBe(401);
    const queues = await call(`${server.url}/api/t/krokom/queues`, { headers: { cookie } });
    expect(queues.status).toBe(401);
  });

  it('when nobody is signed in, then /api/auth/me answers 401', async () => {
    const { status, body } = await call(`${server.url}/api/auth/me`);
    expect(status).toBe(401);
    expect(body.code).toBe('unauthenticated');
  });

  it('when the server is reached by a public host name over plain HTTP, then no session cookie is sent (it is Secure)', async () => {
    const { port } = new URL(server.url);
    const setCookie = await new Promise<string[] | undefined>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/auth/login', method: 'POST', headers: { host: `samform.example:${port}`, 'content-type': 'application/json', origin: `http://samform.example:${port}` } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode === 200 ? res.headers['set-cookie'] : ['status ' + res.statusCode]));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ username: 'ostersund.handlaggare', password: 'demo-ostersund' }));
    });
    expect(setCookie).toBeUndefined();
  });
});
