import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { call, logIn, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
let staff: { own: string; other: string; designer: string };
const REGION = 'region-jamtland-harjedalen';

beforeAll(async () => {
  server = await startTestServer();
  staff = {
    own: await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund'),
    other: await logIn(server.url, 'krokom.handlaggare', 'demo-krokom'),
    designer: await logIn(server.url, 'ostersund.designer', 'demo-ostersund'),
  };
}, 60_000);
afterAll(() => server.close());

const q = (path: string): string => `${server.url}/api/t/ostersund/queues${path}`;
const ownKey = { authorization: 'Bearer demo-key-ostersund' };
const sameOrigin = (cookie: string) => ({ cookie, origin: server.url });

async function submitFault(tenant = 'ostersund', kind = 'water-leak'): Promise<string> {
  const data = { ...exampleAnswers(REGION, 'felanmalan', new Date()), kind };
  const { status, body } = await call(`${server.url}/api/t/${tenant}/services/felanmalan/submissions`, { body: { data } });
  expect(status).toBe(201);
  return body.id;
}

type Endpoint = { name: string; method: 'GET' | 'POST'; path: () => string; body?: unknown };
const endpoints: Endpoint[] = [
  { name: 'list queues', method: 'GET', path: () => q('') },
  { name: 'list items', method: 'GET', path: () => q('/va/items') },
  { name: 'lease', method: 'POST', path: () => q('/avfall/lease') },
  { name: 'ack', method: 'POST', path: () => q('/avfall/items/00000000-0000-4000-8000-000000000000/ack'), body: { leaseId: 'x' } },
];

async function hit(endpoint: Endpoint, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  return call(endpoint.path(), { method: endpoint.method, headers, ...(endpoint.body === undefined ? {} : { body: endpoint.body }) });
}

describe('who may use a queue endpoint', () => {
  it.each(endpoints)('when $name is called without credentials, then 401 unauthenticated', async (endpoint) => {
    const { status, body } = await hit(endpoint, {});
    expect(status).toBe(401);
    expect(body.code).toBe('unauthenticated');
  });

  it.each(endpoints)('when $name is called with an unknown API key, then 401', async (endpoint) => {
    expect((await hit(endpoint, { authorization: 'Bearer not-a-key' })).status).toBe(401);
  });

  it.each(endpoints)("when $name is called with another tenant's API key, then 404", async (endpoint) => {
    const { status, body } = await hit(endpoint, { authorization: 'Bearer demo-key-krokom' });
    expect(status).toBe(404);
    expect(body.code).toBe('queue-not-found');
  });

  it.each(endpoints)("when $name is called by another tenant's staff, then 404", async (endpoint) => {
    const { status } = await hit(endpoint, sameOrigin(staff.other));
    expect(status).toBe(404);
  });

  it.each(endpoints)("when $name is called with the tenant's API key, then it is served", async (endpoint) => {
    const { status } = await hit(endpoint, ownKey);
    // The ack names an item that does not exist: served means "looked for", so 404 item.
    expect(endpoint.name === 'ack' ? status === 404 : status < 300).toBe(true);
  });

  it.each(endpoints)("when $name is called by the tenant's case worker from the app, then it is served", async (endpoint) => {
    const { status, body } = await hit(endpoint, sameOrigin(staff.own));
    if (endpoint.name === 'ack') expect(body.code).toBe('queue-item-not-found');
    else expect(status).toBeLessThan(300);
  });

  it.each(endpoints.filter((e) => e.method === 'POST'))('when $name comes from a staff session without Origin, then 403 cross-origin', async (endpoint) => {
    const { status, body } = await hit(endpoint, { cookie: staff.own });
    expect(status).toBe(403);
    expect(body.code).toBe('cross-origin');
  });

  it.each(endpoints.filter((e) => e.method === 'POST'))('when $name comes from a staff session with a foreign Origin, then 403 cross-origin', async (endpoint) => {
    const { status, body } = await hit(endpoint, { cookie: staff.own, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(status).toBe(403);
    expect(body.code).toBe('cross-origin');
  });

  it('when a staff POST says Sec-Fetch-Site: same-origin, then it is accepted without Origin', async () => {
    const { status } = await call(q('/gata/lease'), { method: 'POST', headers: { cookie: staff.own, 'sec-fetch-site': 'same-origin' } });
    expect([200, 204]).toContain(status);
  });

  it('when a designer (no queue role) lists the queues, then 403 forbidden', async () => {
    const { status, body } = await call(q(''), { headers: { cookie: staff.designer } });
    expect(status).toBe(403);
    expect(body.code).toBe('forbidden');
  });
});

describe('queues at work', () => {
  it('when the queues are listed, then each has its counts per status', async () => {
    await submitFault();
    const { status, body } = await call(q(''), { headers: ownKey });
    expect(status).toBe(200);
    expect(body.map((queue: { id: string }) => queue.id)).toEqual(['avfall', 'gata', 'ideer', 'va']);
    const va = body.find((queue: { id: string }) => queue.id === 'va');
    expect(va.name).toEqual({ sv: 'Vatten och avlopp', en: 'Water and sewage' });
    expect(Object.keys(va.counts).sort()).toEqual(['acked', 'dead', 'leased', 'pending']);
    expect(va.counts.pending).toBeGreaterThanOrEqual(1);
  });

  it('when items are listed by status, then only that status comes, with the contract fields', async () => {
    const id = await submitFault();
    const { status, body } = await call(q('/va/items?status=pending'), { headers: ownKey });
    expect(status).toBe(200);
    expect(body.every((item: { status: string }) => item.status === 'pending')).toBe(true);
    const item = body.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ id, reference: expect.any(String), service: `${REGION}/felanmalan`, version: 1, receivedAt: expect.any(String), status: 'pending' });
    expect(item.data.kind).toBe('water-leak');
  });

  it.each([
    ['an unknown status', '?status=done', 'invalid-status'],
    ['an operator object', '?status[$ne]=acked', 'invalid-query'],
    ['a repeated status', '?status=pending&status=acked', 'invalid-query'],
  ])('when items are asked with %s, then 400', async (_case, query, code) => {
    const { status, body } = await call(q(`/va/items${query}`), { headers: ownKey });
    expect(status).toBe(400);
    expect(body.code).toBe(code);
  });

  it('when a queue is unknown, then 404 queue-not-found on items, lease and ack', async () => {
    for (const [method, path, body] of [
      ['GET', '/nope/items', undefined],
      ['POST', '/nope/lease', undefined],
      ['POST', '/nope/items/x/ack', { leaseId: 'x' }],
    ] as const) {
      const answer = await call(q(path), { method, headers: ownKey, ...(body === undefined ? {} : { body }) });
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('queue-not-found');
    }
  });

  it('when an empty queue is leased from, then 204', async () => {
    const { status, body } = await call(`${server.url}/api/t/bracke/queues/ideer/lease`, { method: 'POST', headers: { authorization: 'Bearer demo-key-bracke' } });
    expect(status).toBe(204);
    expect(body).toBeUndefined();
  });

  it('when an item is leased and acked with its lease, then it is done; a wrong lease gets 409', async () => {
    const krokom = { authorization: 'Bearer demo-key-krokom' };
    const id = await submitFault('krokom', 'sewer');
    const before = Date.now();
    const lease = await call(`${server.url}/api/t/krokom/queues/va/lease`, { method: 'POST', headers: krokom });
    expect(lease.status).toBe(200);
    expect(lease.body.item).toMatchObject({ id, status: 'leased' });
    expect(lease.body.leaseId).toEqual(expect.any(String));
    const until = Date.parse(lease.body.leaseUntil);
    expect(until - before).toBeGreaterThan(299_000);
    expect(until - before).toBeLessThan(302_000);

    const wrong = await call(`${server.url}/api/t/krokom/queues/va/items/${id}/ack`, { body: { leaseId: 'not-the-lease' }, headers: krokom });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('lease-mismatch');

    const ack = await call(`${server.url}/api/t/krokom/queues/va/items/${id}/ack`, { body: { leaseId: lease.body.leaseId }, headers: krokom });
    expect(ack.status).toBe(200);
    expect(ack.body.item).toMatchObject({ id, status: 'acked' });
    const acked = await call(`${server.url}/api/t/krokom/queues/va/items?status=acked`, { headers: krokom });
    expect(acked.body.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('when a lease time is given, then it is used; outside 10-3600 seconds, 400', async () => {
    const headers = { authorization: 'Bearer demo-key-are' };
    await submitFault('are');
    const bad = await call(`${server.url}/api/t/are/queues/va/lease`, { body: { leaseSeconds: 5 }, headers });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid-lease-seconds');
    const before = Date.now();
    const lease = await call(`${server.url}/api/t/are/queues/va/lease`, { body: { leaseSeconds: 60 }, headers });
    expect(lease.status).toBe(200);
    expect(Date.parse(lease.body.leaseUntil) - before).toBeLessThan(62_000);
  });

  it("when another tenant's item is acked through one's own queue, then 404", async () => {
    const id = await submitFault('ostersund', 'no-water');
    const lease = await call(q('/va/lease'), { method: 'POST', headers: ownKey });
    expect(lease.status).toBe(200);
    const { status, body } = await call(`${server.url}/api/t/krokom/queues/va/items/${id}/ack`, { body: { leaseId: lease.body.leaseId }, headers: { authorization: 'Bearer demo-key-krokom' } });
    expect(status).toBe(404);
    expect(body.code).toBe('queue-item-not-found');
  });

  it('when an ack has no leaseId, then 400', async () => {
    const { status, body } = await call(q('/va/items/x/ack'), { body: {}, headers: ownKey });
    expect(status).toBe(400);
    expect(body.code).toBe('invalid-lease-id');
  });
});
