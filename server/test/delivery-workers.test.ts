import { afterAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { openSqliteStore } from '@samform/store';
import type { Store } from '@samform/store';
import { startDeliveryWorker } from '../src/delivery/delivery-worker.ts';
import { eventIdOf } from '../src/delivery/webhook-payload.ts';
import { createLogger } from '../src/http/create-logger.ts';
import { call, LogCapture } from './harness.ts';
import { eventually, startDeliveryServer, startReceiver, testDeliveryConfig, verifies } from './delivery-harness.ts';

// How long the two workers lease side by side; the issue asks for a minute, and CI runs the full minute (it overlaps the other server files; `SAMFORM_TEST_WORKER_SECONDS` shortens it locally).
const SECONDS = Number(process.env.SAMFORM_TEST_WORKER_SECONDS ?? '60');
const SECRET = 'two-workers-share-this-secret';
const LEASE_MS = 1500;

interface LeaseRecord { worker: number; item: string; leaseId: string; leasedAt: number; leaseUntil: number }

/** The worker's own connection, recording each lease it got and when it began to settle each one. */
function recording(store: Store, worker: number, leases: LeaseRecord[], settling: Map<string, number>): Store {
  return {
    ...store,
    leaseQueueItem: async (tenant, queue, options) => {
      const lease = await store.leaseQueueItem(tenant, queue, options);
      if (lease) leases.push({ worker, item: lease.item.id, leaseId: lease.leaseId, leasedAt: Date.now(), leaseUntil: Date.parse(lease.leaseUntil) });
      return lease;
    },
    ackQueueItem: (tenant, queue, item, leaseId, now) => {
      settling.set(leaseId, Date.now());
      return store.ackQueueItem(tenant, queue, item, leaseId, now);
    },
    nackQueueItem: (tenant, queue, item, leaseId, options) => {
      settling.set(leaseId, Date.now());
      return store.nackQueueItem(tenant, queue, item, leaseId, options);
    },
  };
}

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (closers.length > 0) await closers.pop()!();
});

describe('two delivery workers on one queue', () => {
  it(`when two workers on separate connections lease from one queue for ${SECONDS} s, then no case is handed to both inside one lease and every case arrives`, async () => {
    // A flaky, slow-ish receiver makes retries and lets leases overlap in time if they could.
    let n = 0;
    const receiver = await startReceiver({ delayMs: 15, answer: () => (++n % 3 === 0 ? 503 : 204) });
    const server = await startDeliveryServer(testDeliveryConfig({ workersInServer: false }));
    closers.push(receiver.close, server.close);
    await server.store.putQueue('ostersund', { id: 'va', name: { sv: 'VA' }, delivery: { kind: 'webhook', url: receiver.url, secret: SECRET } });

    const leases: LeaseRecord[] = [];
    const settling = new Map<string, number>();
    const workers = await Promise.all(
      [1, 2].map(async (worker) => {
        const store = await openSqliteStore({ file: server.file });
        const running = startDeliveryWorker({
          store: recording(store, worker, leases, settling),
          config: testDeliveryConfig(),
          logger: createLogger(new LogCapture()),
          pollMs: 10,
          leaseMs: LEASE_MS,
          concurrency: 4,
          refreshMs: 200,
        });
        return { stop: async () => { await running.stop(); await store.close(); } };
      }),
    );
    closers.push(async () => { for (const w of workers) await w.stop(); });

    const ids: string[] = [];
    const until = Date.now() + SECONDS * 1000;
    const data = exampleAnswers('region-jamtland-harjedalen', 'felanmalan');
    while (Date.now() < until) {
      const batch = await Promise.all(
        [1, 2, 3].map(() => call(`${server.url}/api/t/ostersund/services/felanmalan/submissions`, { body: { data } })),
      );
      for (const receipt of batch) {
        expect(receipt.status).toBe(201);
        ids.push(receipt.body.id);
      }
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    const wanted = new Set(ids.map((id) => eventIdOf('ostersund', id)));
    await eventually(() => new Set(receiver.calls.filter((c) => c.status === 204).map((c) => c.eventId)).size === wanted.size, 'every case delivered', 30_000);
    for (const w of workers) await w.stop();

    // Both workers took part.
    expect(new Set(leases.map((l) => l.worker))).toEqual(new Set([1, 2]));
    expect(leases.filter((l) => l.worker === 1).length).toBeGreaterThan(ids.length / 10);
    expect(leases.filter((l) => l.worker === 2).length).toBeGreaterThan(ids.length / 10);

    // No item was leased again while an earlier lease on it was still held: each next lease began
    // after the earlier one was given back (acked or nacked) or had run out.
    const byItem = new Map<string, LeaseRecord[]>();
    for (const lease of leases) byItem.set(lease.item, [...(byItem.get(lease.item) ?? []), lease]);
    let handedOver = 0;
    for (const list of byItem.values()) {
      list.sort((a, b) => a.leasedAt - b.leasedAt);
      for (let i = 1; i < list.length; i++) {
        const previous = list[i - 1]!;
        const released = Math.min(previous.leaseUntil, settling.get(previous.leaseId) ?? Infinity);
        expect(list[i]!.leasedAt).toBeGreaterThanOrEqual(released);
        if (list[i]!.worker !== previous.worker) handedOver++;
      }
    }
    // Retries moved between the workers, so the check above saw real contention.
    expect(handedOver).toBeGreaterThan(0);

    // At the receiver: never two calls for one event at once, one success per case, all signed.
    const byEvent = new Map<string, typeof receiver.calls>();
    for (const c of receiver.calls) byEvent.set(c.eventId, [...(byEvent.get(c.eventId) ?? []), c]);
    expect(new Set(byEvent.keys())).toEqual(wanted);
    for (const calls of byEvent.values()) {
      calls.sort((a, b) => a.startedAt - b.startedAt);
      for (let i = 1; i < calls.length; i++) expect(calls[i]!.startedAt).toBeGreaterThanOrEqual(calls[i - 1]!.endedAt);
      expect(calls.filter((c) => c.status === 204)).toHaveLength(1);
      expect(calls.every((c) => verifies(c, SECRET))).toBe(true);
    }
    expect(await server.store.listQueueItems('ostersund', 'va', { status: 'acked', limit: 500 }).then((items) => items.length)).toBe(Math.min(ids.length, 500));
  }, (SECONDS + 90) * 1000);
});
