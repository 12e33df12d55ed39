import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { openSqliteStore } from '@samform/store';
import { startDeliveryWorker } from '../src/delivery/delivery-worker.ts';
import { eventIdOf } from '../src/delivery/webhook-payload.ts';
import { call, LogCapture, logIn } from './harness.ts';
import { createLogger } from '../src/http/create-logger.ts';
import { eventually, startDeliveryServer, startReceiver, testDeliveryConfig, verifies } from './delivery-harness.ts';

const SECRET = 'a-webhook-secret-of-some-length';
const KEY = { authorization: 'Bearer demo-key-ostersund' };
const leakAnswers = () => exampleAnswers('region-jamtland-harjedalen', 'felanmalan');

type Server = Awaited<ReturnType<typeof startDeliveryServer>>;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function submit(server: Server, data: object = leakAnswers()) {
  const receipt = await call(`${server.url}/api/t/ostersund/services/felanmalan/submissions`, { body: { data } });
  expect(receipt.status).toBe(201);
  return receipt.body as { id: string; reference: string; queue: string; receivedAt: string; version: number };
}

async function configure(server: Server, cookie: string, queue: string, delivery: object) {
  return call(`${server.url}/api/t/ostersund/queues/${queue}`, { method: 'PUT', headers: { cookie, origin: server.url }, body: { name: 'Vatten och avlopp', delivery } });
}

describe('webhook delivery', () => {
  it('when the receiver fails its first calls and then recovers, then every case arrives signed, with a stable event id to de-duplicate on', async () => {
    const receiver = await startReceiver({ failFirst: 5 });
    const server = await startDeliveryServer(testDeliveryConfig());
    cleanups.push(receiver.close, server.close);
    const admin = await logIn(server.url, 'ostersund.admin', 'demo-ostersund');
    expect((await configure(server, admin, 'va', { kind: 'webhook', url: receiver.url, secret: SECRET })).status).toBe(200);
    // The change is audited with where cases now go, never with the secret.
    const [configured] = await server.store.listAudit('ostersund', { kind: 'queue-configured', limit: 1 });
    expect(configured).toMatchObject({ target: 'va', actor: { username: 'ostersund.admin' }, detail: { delivery: { kind: 'webhook', url: receiver.url }, previous: { kind: 'pull' }, secretChanged: true } });
    expect(JSON.stringify(await server.store.listAudit('ostersund'))).not.toContain(SECRET);

    const receipts = await Promise.all(Array.from({ length: 12 }, () => submit(server)));
    const expected = new Map(receipts.map((r) => [eventIdOf('ostersund', r.id), r]));
    await eventually(() => new Set(receiver.calls.filter((c) => c.status === 204).map((c) => c.eventId)).size === 12, 'all 12 cases delivered');

    expect(receiver.calls.filter((c) => c.status === 503)).toHaveLength(5);
    for (const call of receiver.calls) {
      expect(verifies(call, SECRET)).toBe(true);
      expect(verifies(call, 'another-secret-entirely')).toBe(false);
      const body = JSON.parse(call.body);
      const receipt = expected.get(call.eventId)!;
      expect(receipt).toBeDefined();
      expect(body).toEqual({
        event: { id: call.eventId, type: 'submission.received', createdAt: receipt.receivedAt },
        submission: {
          id: receipt.id,
          reference: receipt.reference,
          tenant: 'ostersund',
          service: 'region-jamtland-harjedalen/felanmalan',
          version: receipt.version,
          receivedAt: receipt.receivedAt,
          queue: 'va',
          data: leakAnswers(),
        },
      });
    }
    // Every failed call's event came again with the very same body, so the receiver can de-duplicate on the id.
    for (const failed of receiver.calls.filter((c) => c.status === 503)) {
      expect(receiver.calls.filter((c) => c.eventId === failed.eventId && c.status === 204).map((c) => c.body)).toEqual([failed.body]);
    }
    await eventually(async () => (await server.store.listQueueItems('ostersund', 'va', { status: 'acked', limit: 100 })).length === 12, 'all acked');
    const retried = (await server.store.listQueueItems('ostersund', 'va', { status: 'acked', limit: 100 })).filter((i) => i.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.every((i) => i.lastError === 'HTTP 503')).toBe(true);
  }, 60_000);

  it('when a webhook keeps failing past the retry window, then the case is dead-lettered with its error, the admins are told, and a redrive delivers it', async () => {
    let healthy = false;
    const receiver = await startReceiver({ answer: () => (healthy ? 200 : 500) });
    const server = await startDeliveryServer(testDeliveryConfig({ workersInServer: false }));
    cleanups.push(receiver.close, server.close);
    const admin = await logIn(server.url, 'ostersund.admin', 'demo-ostersund');
    expect((await configure(server, admin, 'va', { kind: 'webhook', url: receiver.url, secret: SECRET })).status).toBe(200);
    const receipt = await submit(server);

    // A worker of its own on another connection, with a clock the test moves.
    const store = await openSqliteStore({ file: server.file });
    let now = new Date('2030-01-07T10:00:00.000Z');
    const worker = startDeliveryWorker({ store, config: testDeliveryConfig(), logger: createLogger(new LogCapture()), clock: () => now, random: () => 0.5, refreshMs: 0 }, false);
    cleanups.push(async () => {
      await worker.stop();
      await store.close();
    });

    await worker.round();
    let [item] = await store.listQueueItems('ostersund', 'va');
    expect(item).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500', firstAttemptAt: '2030-01-07T10:00:00.000Z' });
    // Full jitter around the base delay: half of 20 ms with random() = 0.5.
    expect(item!.notBefore).toBe('2030-01-07T10:00:00.010Z');
    const notices = await store.listOutboxMessages('ostersund', { kind: 'webhook-failure' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ to: ['ostersund.admin@demo.samform.localhost'], subject: 'Samform: leveransen till kön "va" misslyckas' });
    expect(notices[0]!.text).toContain(receipt.reference);

    now = new Date('2030-01-08T09:00:00.000Z');
    await worker.round();
    [item] = await store.listQueueItems('ostersund', 'va');
    expect(item).toMatchObject({ status: 'pending', attempts: 2 });
    now = new Date('2030-01-09T10:00:00.000Z'); // 48 hours after the first attempt
    await worker.round();
    expect(receiver.calls).toHaveLength(3);

    const dead = await call(`${server.url}/api/t/ostersund/queues/va/items?status=dead`, { headers: KEY });
    expect(dead.status).toBe(200);
    expect(dead.body).toEqual([expect.objectContaining({ id: receipt.id, status: 'dead', attempts: 3, lastError: 'HTTP 500' })]);
    // Only one failure notice per queue and day, and a digest of the day's dead letters.
    expect((await store.listOutboxMessages('ostersund', { kind: 'webhook-failure' })).map((m) => m.id)).toEqual([
      'webhook-failure:va:2030-01-07',
      'webhook-failure:va:2030-01-08',
      'webhook-failure:va:2030-01-09',
    ]);
    const digests = await store.listOutboxMessages('ostersund', { kind: 'digest' });
    expect(digests.map((d) => d.id)).toContain('digest:2030-01-09');
    expect(digests.find((d) => d.id === 'digest:2030-01-09')!.text).toContain(`${receipt.reference} (olevererat): HTTP 500`);

    const caseworker = await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund');
    const refused = await call(`${server.url}/api/t/ostersund/queues/va/items/${receipt.id}/redrive`, { method: 'POST', headers: { cookie: caseworker, origin: server.url } });
    expect(refused.status).toBe(403);
    const redrive = await call(`${server.url}/api/t/ostersund/queues/va/items/${receipt.id}/redrive`, { method: 'POST', headers: { cookie: admin, origin: server.url } });
    expect(redrive.status).toBe(200);
    expect(redrive.body.item).toMatchObject({ id: receipt.id, status: 'pending', attempts: 0 });
    expect(await server.store.listAudit('ostersund', { kind: 'queue-item-redriven' })).toEqual([
      expect.objectContaining({ target: `va/${receipt.id}`, actor: expect.objectContaining({ username: 'ostersund.admin' }), detail: { reference: receipt.reference } }),
    ]);
    const again = await call(`${server.url}/api/t/ostersund/queues/va/items/${receipt.id}/redrive`, { method: 'POST', headers: { cookie: admin, origin: server.url } });
    expect(again).toMatchObject({ status: 409, body: { code: 'not-dead' } });

    healthy = true;
    await worker.round();
    expect(receiver.calls.at(-1)).toMatchObject({ status: 200, eventId: eventIdOf('ostersund', receipt.id) });
    expect((await store.listQueueItems('ostersund', 'va'))[0]).toMatchObject({ status: 'acked', attempts: 1 });
  }, 60_000);

  it('when several items are dead, then redrive-all puts them all back', async () => {
    const receiver = await startReceiver({ answer: () => 500 });
    const server = await startDeliveryServer(testDeliveryConfig({ workersInServer: false }));
    cleanups.push(receiver.close, server.close);
    const admin = await logIn(server.url, 'ostersund.admin', 'demo-ostersund');
    await configure(server, admin, 'va', { kind: 'webhook', url: receiver.url, secret: SECRET });
    await submit(server);
    await submit(server);
    const store = await openSqliteStore({ file: server.file });
    let now = new Date('2030-01-07T10:00:00.000Z');
    const worker = startDeliveryWorker({ store, config: testDeliveryConfig({ retryWindowMs: 1000 }), logger: createLogger(new LogCapture()), clock: () => now, refreshMs: 0 }, false);
    cleanups.push(async () => {
      await worker.stop();
      await store.close();
    });
    await worker.round();
    now = new Date('2030-01-07T10:00:02.000Z');
    await worker.round();
    expect((await call(`${server.url}/api/t/ostersund/queues/va/items?status=dead`, { headers: KEY })).body).toHaveLength(2);
    const all = await call(`${server.url}/api/t/ostersund/queues/va/redrive`, { method: 'POST', headers: { cookie: admin, origin: server.url } });
    expect(all).toMatchObject({ status: 200, body: { redriven: 2 } });
    expect(await server.store.listAudit('ostersund', { kind: 'queue-redriven' })).toEqual([expect.objectContaining({ target: 'va', detail: { count: 2 } })]);
    expect((await call(`${server.url}/api/t/ostersund/queues/va/items?status=pending`, { headers: KEY })).body).toHaveLength(2);
  }, 60_000);
});

describe('queue delivery settings', () => {
  let server: Server;
  let admin: string;
  beforeAll(async () => {
    server = await startDeliveryServer(testDeliveryConfig({ allowPrivateWebhooks: false, workersInServer: false }));
    admin = await logIn(server.url, 'ostersund.admin', 'demo-ostersund');
  });
  afterAll(() => server.close());

  it('when the admin sets a webhook, then GET shows it with the secret hidden', async () => {
    const put = await configure(server, admin, 'va', { kind: 'webhook', url: 'https://93.184.215.14/hooks', secret: SECRET });
    expect(put).toMatchObject({ status: 200, body: { id: 'va', name: { sv: 'Vatten och avlopp' }, delivery: { kind: 'webhook', url: 'https://93.184.215.14/hooks', secret: 'set' } } });
    const got = await call(`${server.url}/api/t/ostersund/queues/va`, { headers: { cookie: admin } });
    expect(got.body.delivery).toEqual({ kind: 'webhook', url: 'https://93.184.215.14/hooks', secret: 'set' });
    expect(JSON.stringify((await call(`${server.url}/api/t/ostersund/queues`, { headers: KEY })).body)).not.toContain(SECRET);
    expect((await server.store.getQueue('ostersund', 'va'))?.delivery).toMatchObject({ secret: SECRET });
  });

  it('when the admin changes a webhook without sending its secret, then the secret is kept; a new webhook without one is refused', async () => {
    expect((await configure(server, admin, 'va', { kind: 'webhook', url: 'https://93.184.215.14/hooks', secret: SECRET })).status).toBe(200);
    const kept = await configure(server, admin, 'va', { kind: 'webhook', url: 'https://93.184.215.14/other-hooks' });
    expect(kept).toMatchObject({ status: 200, body: { delivery: { kind: 'webhook', url: 'https://93.184.215.14/other-hooks', secret: 'set' } } });
    expect((await server.store.getQueue('ostersund', 'va'))?.delivery).toEqual({ kind: 'webhook', url: 'https://93.184.215.14/other-hooks', secret: SECRET });
    const fresh = await configure(server, admin, 'bygglov', { kind: 'webhook', url: 'https://93.184.215.14/hooks' });
    expect(fresh.status).toBe(422);
    expect(fresh.body.errors).toEqual([expect.objectContaining({ path: '/delivery/secret', keyword: 'required' })]);
  });

  it.each([
    ['a loopback address', 'http://127.0.0.1:9/hook', 'private-target'],
    ['localhost over https', 'https://localhost/hook', 'private-target'],
    ['a private network', 'https://10.1.2.3/hook', 'private-target'],
    ['link-local metadata', 'http://169.254.169.254/latest', 'private-target'],
    ['an IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook', 'private-target'],
    ['plain http to a public host', 'http://93.184.215.14/hook', 'insecure-url'],
    ['another scheme', 'ftp://93.184.215.14/hook', 'invalid-url'],
    ['credentials in the URL', 'https://user:pw@93.184.215.14/hook', 'invalid-url'],
  ])('when the webhook URL is %s without the operator allowing it, then 422 at /delivery/url', async (_name, url, keyword) => {
    const put = await configure(server, admin, 'gata', { kind: 'webhook', url, secret: SECRET });
    expect(put.status).toBe(422);
    expect(put.body.errors).toEqual([expect.objectContaining({ path: '/delivery/url', keyword })]);
  });

  it('when the body is malformed, then 422 names each problem with a JSON pointer and nothing changes', async () => {
    const before = await server.store.getQueue('ostersund', 'avfall');
    const bad = await call(`${server.url}/api/t/ostersund/queues/avfall`, {
      method: 'PUT',
      headers: { cookie: admin, origin: server.url },
      body: { delivery: { kind: 'webhook', url: 42, secret: 'short', extra: 1 }, colour: 'red' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/colour', '/delivery/extra', '/delivery/secret', '/delivery/url', '/name']);
    const kind = await configure(server, admin, 'avfall', { kind: 'carrier-pigeon' });
    expect(kind.body.errors).toEqual([expect.objectContaining({ path: '/delivery/kind' })]);
    const email = await configure(server, admin, 'avfall', { kind: 'email', to: 'not an address' });
    expect(email.body.errors).toEqual([expect.objectContaining({ path: '/delivery/to' })]);
    expect(await server.store.getQueue('ostersund', 'avfall')).toEqual(before);
  });

  it('when someone other than the tenant admin sets delivery, then 401, 403 or 404', async () => {
    const body = { name: 'x', delivery: { kind: 'pull' } };
    expect((await call(`${server.url}/api/t/ostersund/queues/gata`, { method: 'PUT', body })).status).toBe(401);
    expect((await call(`${server.url}/api/t/ostersund/queues/gata`, { method: 'PUT', body, headers: KEY })).status).toBe(403);
    const caseworker = await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund');
    expect((await call(`${server.url}/api/t/ostersund/queues/gata`, { method: 'PUT', body, headers: { cookie: caseworker, origin: server.url } })).status).toBe(403);
    const krokom = await logIn(server.url, 'krokom.admin', 'demo-krokom');
    expect((await call(`${server.url}/api/t/ostersund/queues/gata`, { method: 'PUT', body, headers: { cookie: krokom, origin: server.url } })).status).toBe(404);
  });

  it('when a private target got into the store anyway (or DNS now points inside), then delivery refuses to connect', async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const port = new URL(receiver.url).port;
    const worker = startDeliveryWorker(
      { store: server.store, config: testDeliveryConfig({ allowPrivateWebhooks: false }), logger: createLogger(new LogCapture()), refreshMs: 0 },
      false,
    );
    // A literal loopback address, and a name that resolves to one at connect time (as a rebound DNS name would).
    for (const url of [receiver.url, `http://localhost:${port}/hooks/samform`]) {
      await server.store.putQueue('ostersund', { id: 'va', name: { sv: 'VA' }, delivery: { kind: 'webhook', url, secret: SECRET } });
      const receipt = await submit(server);
      await worker.round();
      const item = (await server.store.listQueueItems('ostersund', 'va', { limit: 500 })).find((i) => i.id === receipt.id);
      expect(item).toMatchObject({ status: 'pending', attempts: 1 });
      expect(item!.lastError).toMatch(/^refused: .*(127\.0\.0\.1|::1)/);
    }
    await worker.stop();
    expect(receiver.calls).toEqual([]);
  });
});
