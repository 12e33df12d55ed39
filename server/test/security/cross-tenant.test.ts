/**
 * Security suite, item 3: Östersund's case worker and API key asking for an Åre queue item by
 * its real id → 404, and an audit entry; a `tenant` field in a body never changes the tenant.
 *
 * The attempt is recorded in Åre's log, not Östersund's: Åre is the controller of the case that
 * was reached for, so its auditors are the ones who must be able to see who tried; the entry
 * names the Östersund account or key, so Åre can raise it with Östersund.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { call, logIn, startTestServer } from '../harness.ts';
import type { TestServer } from '../harness.ts';

const REGION = 'region-jamtland-harjedalen';
let server: TestServer;
let caseworker: Record<string, string>;
let areItem: string;
let ownItem: string;

async function submitLeak(tenant: string, extra: Record<string, unknown> = {}): Promise<string> {
  const data = { ...exampleAnswers(REGION, 'felanmalan', new Date()), kind: 'water-leak' };
  const { status, body } = await call(`${server.url}/api/t/${tenant}/services/felanmalan/submissions`, { body: { data, ...extra } });
  expect(status).toBe(201);
  return body.id as string;
}

beforeAll(async () => {
  server = await startTestServer();
  caseworker = { cookie: await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund'), origin: server.url };
  areItem = await submitLeak('are');
  ownItem = await submitLeak('ostersund');
}, 60_000);
afterAll(() => server.close());

const ostersundKey = { authorization: 'Bearer demo-key-ostersund' };

async function attemptsIn(tenant: string): Promise<{ actor: Record<string, string>; target: string }[]> {
  return (await server.store.listAudit(tenant, { kind: 'cross-tenant-attempt', limit: 500 })) as never;
}

describe("Östersund asking for Åre's queue item by its real id", () => {
  const attempts = [
    { what: 'read it', method: 'GET', path: () => `/api/t/are/queues/va/items/${areItem}` },
    { what: 'ack it', method: 'POST', path: () => `/api/t/are/queues/va/items/${areItem}/ack`, body: { leaseId: 'guess' } },
    { what: 'list its queue', method: 'GET', path: () => '/api/t/are/queues/va/items' },
    { what: 'lease from its queue', method: 'POST', path: () => '/api/t/are/queues/va/lease' },
    { what: 'fetch a file of it', method: 'GET', path: () => `/api/t/are/queues/va/items/${areItem}/attachments/${areItem}` },
  ];

  for (const [who, headers] of [
    ['case worker', () => caseworker],
    ['API key', () => ostersundKey],
  ] as const) {
    it.each(attempts)(`when Östersund's ${who} tries to $what, then 404 and an entry in Åre's audit log naming them`, async (attempt) => {
      const before = (await attemptsIn('are')).length;
      const { status, body } = await call(`${server.url}${attempt.path()}`, { method: attempt.method, headers: headers(), ...(attempt.body === undefined ? {} : { body: attempt.body }) });
      expect(status).toBe(404);
      expect(body.code).toBe('queue-not-found');
      expect(JSON.stringify(body)).not.toContain(areItem);
      const entries = await attemptsIn('are');
      expect(entries.length).toBe(before + 1);
      const entry = entries[0]!;
      expect(entry.actor).toEqual(who === 'API key' ? { kind: 'api-key', keyId: 'demo-ostersund', tenant: 'ostersund' } : expect.objectContaining({ kind: 'staff', username: 'ostersund.handlaggare' }));
      expect(entry.target).toBe(`${attempt.method} ${attempt.path()}`);
    });
  }

  it("when the attempts are made, then Östersund's own log holds none of them, and Åre's item is untouched", async () => {
    expect(await attemptsIn('ostersund')).toEqual([]);
    expect(await server.store.getQueueItem('are', 'va', areItem)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it("when Östersund's case worker asks its own tenant for Åre's item id, then 404 item not found, as for any unknown id", async () => {
    const { status, body } = await call(`${server.url}/api/t/ostersund/queues/va/items/${areItem}`, { headers: caseworker });
    expect(status).toBe(404);
    expect(body.code).toBe('queue-item-not-found');
    const own = await call(`${server.url}/api/t/ostersund/queues/va/items/${ownItem}`, { headers: caseworker });
    expect(own.status).toBe(200);
  });

  it("when Åre's auditor reads the log over the API, then the attempt is there without any personnummer", async () => {
    const auditor = { cookie: await logIn(server.url, 'are.granskare', 'demo-are') };
    const { status, body } = await call(`${server.url}/api/t/are/audit?kind=cross-tenant-attempt`, { headers: auditor });
    expect(status).toBe(200);
    expect(body.entries.length).toBeGreaterThanOrEqual(10);
    expect(JSON.stringify(body)).not.toMatch(/\d{6,8}[-+]?\d{4}/);
  });
});

describe('a tenant field in a body', () => {
  it('when a submission to Östersund says tenant "are", then it lands in Östersund and Åre gets nothing', async () => {
    const areBefore = (await server.store.listQueueItems('are', 'va', { limit: 500 })).length;
    const id = await submitLeak('ostersund', { tenant: 'are' });
    expect((await server.store.getSubmission('ostersund', id))?.tenant).toBe('ostersund');
    expect(await server.store.getSubmission('are', id)).toBeNull();
    expect((await server.store.listQueueItems('are', 'va', { limit: 500 })).length).toBe(areBefore);
  });

  it("when Östersund's key leases with tenant \"are\" in the body, then it gets an Östersund item, never Åre's", async () => {
    const { status, body } = await call(`${server.url}/api/t/ostersund/queues/va/lease`, { method: 'POST', headers: ostersundKey, body: { tenant: 'are' } });
    expect(status).toBe(200);
    expect(body.item.id).not.toBe(areItem);
    expect(await server.store.getQueueItem('ostersund', 'va', body.item.id)).not.toBeNull();
    expect(await server.store.getQueueItem('are', 'va', areItem)).toMatchObject({ status: 'pending' });
  });

  it("when Östersund's admin creates an account or a key with tenant \"are\", then 422 at /tenant and nothing is made in Åre", async () => {
    const admin = { cookie: await logIn(server.url, 'ostersund.admin', 'demo-ostersund'), origin: server.url };
    const staff = await call(`${server.url}/api/t/ostersund/staff`, { headers: admin, body: { username: 'ostersund.smuggel', displayName: 'S', roles: ['admin'], tenant: 'are' } });
    expect(staff.status).toBe(422);
    expect(staff.body.errors).toContainEqual(expect.objectContaining({ path: '/tenant' }));
    expect(await server.store.findStaffUserByUsername('ostersund.smuggel')).toBeNull();
    const key = await call(`${server.url}/api/t/ostersund/api-keys`, { headers: admin, body: { label: 'Smuggel', tenant: 'are' } });
    expect(key.status).toBe(422);
    expect(key.body.errors).toContainEqual(expect.objectContaining({ path: '/tenant' }));
    expect((await server.store.listApiKeys('are')).map((k) => k.label)).not.toContain('Smuggel');
  });
});
