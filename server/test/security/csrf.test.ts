import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, logIn, startTestServer } from '../harness.ts';
import type { TestServer } from '../harness.ts';

let server: TestServer;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  cookies.admin = await logIn(server.url, 'ostersund.admin', 'demo-ostersund');
  cookies.designer = await logIn(server.url, 'ostersund.designer', 'demo-ostersund');
  cookies.caseworker = await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund');
}, 60_000);
afterAll(() => server.close());

const REGION = 'region-jamtland-harjedalen';
const api = (path: string) => `${server.url}/api${path}`;

// Every state-changing staff route, each with the role that may use it, so only the origin is wrong.
const STAFF_WRITES: { name: string; method: string; path: string; who: string; body?: unknown }[] = [
  { name: 'create an e-service', method: 'POST', path: '/t/ostersund/admin/services', who: 'designer', body: { definition: {} } },
  { name: 'save a draft', method: 'PUT', path: '/t/ostersund/admin/services/lamna-din-ide/draft', who: 'designer', body: { definition: {} } },
  { name: 'publish', method: 'POST', path: '/t/ostersund/admin/services/lamna-din-ide/publish', who: 'designer', body: { note: 'x' } },
  { name: 'retire', method: 'POST', path: '/t/ostersund/admin/services/lamna-din-ide/retire', who: 'designer', body: { retired: true } },
  { name: 'adopt', method: 'POST', path: '/t/ostersund/adoptions', who: 'admin', body: { owner: REGION, service: 'felanmalan' } },
  { name: 'change an adoption', method: 'PUT', path: `/t/ostersund/adoptions/${REGION}/felanmalan`, who: 'admin', body: { track: 1 } },
  { name: 'lease a queue item', method: 'POST', path: '/t/ostersund/queues/gata/lease', who: 'caseworker' },
  { name: 'ack a queue item', method: 'POST', path: '/t/ostersund/queues/gata/items/x/ack', who: 'caseworker', body: { leaseId: 'x' } },
  { name: 'extend the session', method: 'POST', path: '/auth/session/extend', who: 'caseworker' },
  { name: 'sign out', method: 'POST', path: '/auth/logout', who: 'caseworker' },
  { name: 'sign in over a session', method: 'POST', path: '/auth/login', who: 'caseworker', body: { username: 'ostersund.handlaggare', password: 'demo-ostersund' } },
  { name: 'a route added later (caught before routing)', method: 'POST', path: '/t/ostersund/some-future-route', who: 'admin', body: {} },
  { name: 'send a form with a session cookie', method: 'POST', path: '/t/ostersund/services/lamna-din-ide/submissions', who: 'caseworker', body: { data: {} } },
  { name: 'upload an attachment with a session cookie', method: 'POST', path: '/t/ostersund/attachments/lamna-din-ide?field=x', who: 'caseworker', body: {} },
];

describe('security 8: cross-site requests riding a staff cookie', () => {
  it.each(STAFF_WRITES)('8. when "$name" comes with a valid cookie from Origin: https://evil.example, then 403', async ({ method, path, who, body }) => {
    const answer = await call(api(path), { method, ...(body === undefined ? {} : { body }), headers: { cookie: cookies[who]!, origin: 'https://evil.example' } });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('cross-origin');
  });

  it.each(STAFF_WRITES)('8. when "$name" comes with a valid cookie and no Origin or Sec-Fetch-Site, then 403', async ({ method, path, who, body }) => {
    const answer = await call(api(path), { method, ...(body === undefined ? {} : { body }), headers: { cookie: cookies[who]! } });
    expect(answer.status).toBe(403);
  });

  it('8. when the refusals are over, then none of them took effect: still signed in, the e-service not retired', async () => {
    expect((await call(api('/auth/me'), { headers: { cookie: cookies.caseworker! } })).status).toBe(200);
    const services = await call(api('/t/ostersund/services'));
    expect(JSON.stringify(services.body)).toContain('lamna-din-ide');
  });

  it('8. when a case-management system uses its API key without Origin, then it is not refused as cross-site', async () => {
    const answer = await call(api('/t/ostersund/queues/gata/lease'), { method: 'POST', headers: { authorization: 'Bearer demo-key-ostersund' } });
    expect([200, 204]).toContain(answer.status);
  });

  it('when an anonymous script sends a form without Origin and without cookies, then it is accepted as before', async () => {
    const answer = await call(api('/t/ostersund/services/lamna-din-ide/submissions'), { body: { data: {} } });
    expect(answer.status).toBe(422);
  });

  it("when a citizen's page post rides the citizen cookie without proof of origin, then a 403 page", async () => {
    const page = await fetch(`${server.url}/t/ostersund/e/lamna-din-ide`, {
      method: 'POST',
      headers: { cookie: 'samform.citizen=' + 'a'.repeat(43), 'content-type': 'application/x-www-form-urlencoded' },
      body: '_step=idea&title=x',
      redirect: 'manual',
    });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('<h1');
  });
});
