import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { call, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

const KEY = { authorization: 'Bearer demo-key-ostersund' };
let server: TestServer;
const q = (path: string) => `${server.url}/api/t/ostersund/queues/gata${path}`;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function submitToGata(): Promise<string> {
  const data = { ...exampleAnswers('region-jamtland-harjedalen', 'felanmalan'), kind: 'park' };
  const receipt = await call(`${server.url}/api/t/ostersund/services/felanmalan/submissions`, { body: { data } });
  expect(receipt.body.queue).toBe('gata');
  return receipt.body.id as string;
}

describe('pull delivery: nack', () => {
  it('when a system nacks its lease, then the item is free again at once and the old lease is void', async () => {
    const id = await submitToGata();
    const lease = await call(q('/lease'), { method: 'POST', headers: KEY });
    expect(lease.body.item.id).toBe(id);
    const nack = await call(q(`/items/${id}/nack`), { headers: KEY, body: { leaseId: lease.body.leaseId } });
    expect(nack).toMatchObject({ status: 200, body: { item: { id, status: 'pending', attempts: 1 } } });
    const again = await call(q('/lease'), { method: 'POST', headers: KEY });
    expect(again.body.item).toMatchObject({ id, attempts: 2 });
    const stale = await call(q(`/items/${id}/ack`), { headers: KEY, body: { leaseId: lease.body.leaseId } });
    expect(stale).toMatchObject({ status: 409, body: { code: 'lease-mismatch' } });
    expect((await call(q(`/items/${id}/ack`), { headers: KEY, body: { leaseId: again.body.leaseId } })).status).toBe(200);
  });

  it('when a system nacks with a delay, then the item is not leased again before it', async () => {
    const id = await submitToGata();
    const lease = await call(q('/lease'), { method: 'POST', headers: KEY });
    const nack = await call(q(`/items/${id}/nack`), { headers: KEY, body: { leaseId: lease.body.leaseId, delaySeconds: 3600 } });
    expect(nack.status).toBe(200);
    expect(Date.parse(nack.body.item.notBefore) - Date.now()).toBeGreaterThan(3590_000);
    expect((await call(q('/lease'), { method: 'POST', headers: KEY })).status).toBe(204);
  });

  it('when a nack is malformed or names a stale lease, then 400 or 409 and nothing changes', async () => {
    expect((await call(q('/items/x/nack'), { headers: KEY, body: {} })).body.code).toBe('invalid-lease-id');
    expect((await call(q('/items/x/nack'), { headers: KEY, body: { leaseId: 'l', delaySeconds: -1 } })).body.code).toBe('invalid-delay-seconds');
    expect((await call(q('/items/no-such-item/nack'), { headers: KEY, body: { leaseId: 'l' } })).status).toBe(404);
  });

  it('when a lease runs out without an ack, then the item is leased again', async () => {
    const id = await submitToGata();
    const lease = await call(q('/lease'), { method: 'POST', headers: KEY, body: { leaseSeconds: 10 } });
    expect(lease.body.item.id).toBe(id);
    // The store decides expiry by the time it is given; the server's clock is the wall clock here.
    const later = new Date(Date.parse(lease.body.leaseUntil));
    const again = await server.store.leaseQueueItem('ostersund', 'gata', { now: later, leaseMs: 1000 });
    expect(again?.item).toMatchObject({ id, attempts: 2 });
  });
});
