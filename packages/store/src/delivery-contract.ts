/**
 * The delivery part of the storage contract (issue 7), run by `describeStoreContract` on the
 * store each of its tests made: nack, scheduled retries, dead letters and redrive, admins by
 * role, and the e-mail outbox.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '@samform/model';
import type { NewSubmission, OutboxMessage, StaffUser, Store } from './port.ts';

const NOW = new Date('2025-03-01T09:00:00.000Z');
const at = (ms: number): Date => new Date(NOW.getTime() + ms);
const LEASE_MS = 60_000;

const leak: NewSubmission = {
  id: 'de11e000-0000-4000-8000-000000000001',
  reference: 'DLVR-0001',
  serviceOwner: 'ostersund',
  serviceId: 'felanmalan-va',
  version: 1,
  receivedAt: '2025-03-01T08:00:00.000Z',
  queue: 'va',
  locale: 'sv',
  data: { beskrivning: 'Läcka' },
};
const drain: NewSubmission = { ...leak, id: 'de11e000-0000-4000-8000-000000000002', reference: 'DLVR-0002', receivedAt: '2025-03-01T08:05:00.000Z' };

const receipt: OutboxMessage = {
  id: 'receipt:de11e000-0000-4000-8000-000000000001',
  kind: 'receipt',
  to: ['asa@example.se'],
  subject: 'Vi har tagit emot ditt ärende DLVR-0001',
  text: 'Tack! Åsa',
  createdAt: '2025-03-01T08:00:00.000Z',
};

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

/** The delivery contract over the store of the enclosing suite. */
export function describeDeliveryContract(getStore: () => Store): void {
  describe('delivery (issue 7)', () => {
    let store: Store;
    beforeEach(async () => {
      store = getStore();
      await store.putQueue('ostersund', { id: 'va', name: { sv: 'VA' }, delivery: { kind: 'webhook', url: 'https://va.example/hook', secret: 's3cret' } });
      await store.acceptSubmission('ostersund', leak);
      await store.acceptSubmission('ostersund', drain);
    });

    it('keeps a webhook delivery, secret included, on the queue', async () => {
      expect((await store.getQueue('ostersund', 'va'))?.delivery).toEqual({ kind: 'webhook', url: 'https://va.example/hook', secret: 's3cret' });
    });

    it('records the first attempt time and keeps it over later leases', async () => {
      const first = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
      expect(first?.item.firstAttemptAt).toBe(NOW.toISOString());
      await store.nackQueueItem('ostersund', 'va', first!.item.id, first!.leaseId, { now: at(1) });
      const again = await store.leaseQueueItem('ostersund', 'va', { now: at(2), leaseMs: LEASE_MS });
      expect(again?.item).toMatchObject({ id: leak.id, attempts: 2, firstAttemptAt: NOW.toISOString() });
    });

    it('makes a nacked item free again at once, or only after its delay, keeping the error', async () => {
      const first = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
      const nacked = await store.nackQueueItem('ostersund', 'va', first!.item.id, first!.leaseId, { now: NOW, delayMs: 10_000, error: 'HTTP 503' });
      expect(nacked).toMatchObject({ id: leak.id, status: 'pending', lastError: 'HTTP 503', notBefore: at(10_000).toISOString() });
      // The delayed item is passed over for the next one, then comes back when due.
      expect((await store.leaseQueueItem('ostersund', 'va', { now: at(9_999), leaseMs: LEASE_MS }))?.item.id).toBe(drain.id);
      expect(await store.leaseQueueItem('ostersund', 'va', { now: at(9_999), leaseMs: LEASE_MS })).toBeNull();
      const due = await store.leaseQueueItem('ostersund', 'va', { now: at(10_000), leaseMs: LEASE_MS });
      expect(due?.item).toMatchObject({ id: leak.id, attempts: 2, lastError: 'HTTP 503' });
      expect(due?.item.notBefore).toBeUndefined();
    });

    it('refuses to nack or dead-letter with a stale lease, and finds no unknown item', async () => {
      const first = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
      expect(await failure(store.nackQueueItem('ostersund', 'va', leak.id, 'other', { now: NOW }))).toMatchObject({ code: 'lease-mismatch' });
      const expired = await failure(store.deadLetterQueueItem('ostersund', 'va', leak.id, first!.leaseId, { now: at(LEASE_MS), error: 'x' }));
      expect(expired).toBeInstanceOf(ConflictError);
      const unknown = await failure(store.nackQueueItem('krokom', 'va', leak.id, first!.leaseId, { now: NOW }));
      expect(unknown).toBeInstanceOf(NotFoundError);
      expect(unknown).toMatchObject({ code: 'queue-item-not-found' });
    });

    it('dead-letters an item with its error, lists it, and redrives it to pending with attempts reset', async () => {
      const first = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
      const dead = await store.deadLetterQueueItem('ostersund', 'va', first!.item.id, first!.leaseId, { now: NOW, error: 'HTTP 500 for 48 hours' });
      expect(dead).toMatchObject({ status: 'dead', lastError: 'HTTP 500 for 48 hours', attempts: 1 });
      expect((await store.listQueueItems('ostersund', 'va', { status: 'dead' })).map((i) => i.id)).toEqual([leak.id]);
      expect((await store.listQueues('ostersund'))[0]?.counts).toEqual({ pending: 1, leased: 0, acked: 0, dead: 1 });

      const redriven = await store.redriveQueueItem('ostersund', 'va', leak.id);
      expect(redriven).toMatchObject({ status: 'pending', attempts: 0, lastError: 'HTTP 500 for 48 hours' });
      expect(redriven.firstAttemptAt).toBeUndefined();
      expect(await failure(store.redriveQueueItem('ostersund', 'va', leak.id))).toMatchObject({ code: 'not-dead' });
      expect(await failure(store.redriveQueueItem('krokom', 'va', leak.id))).toMatchObject({ code: 'queue-item-not-found' });
      expect((await store.leaseQueueItem('ostersund', 'va', { now: at(1), leaseMs: LEASE_MS }))?.item).toMatchObject({ id: leak.id, attempts: 1 });
    });

    it('redrives every dead item of a queue at once, and only of that tenant', async () => {
      for (let n = 0; n < 2; n++) {
        const lease = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        await store.deadLetterQueueItem('ostersund', 'va', lease!.item.id, lease!.leaseId, { now: NOW, error: 'gone' });
      }
      expect(await store.redriveDeadQueueItems('krokom', 'va')).toBe(0);
      expect(await store.redriveDeadQueueItems('ostersund', 'va')).toBe(2);
      expect(await store.listQueueItems('ostersund', 'va', { status: 'pending' })).toHaveLength(2);
    });

    it('finds staff with a role in a tenant, with their e-mail', async () => {
      const admin: StaffUser = {
        id: 'u-admin', username: 'ostersund.admin', displayName: 'Admin', passwordHash: 'x',
        tenantRoles: { ostersund: ['admin'] }, disabled: false, demo: false, email: 'admin@ostersund.se',
      };
      const other: StaffUser = { ...admin, id: 'u-other', username: 'krokom.admin', tenantRoles: { krokom: ['admin'], ostersund: ['caseworker'] } };
      delete other.email;
      await store.putStaffUser(admin);
      await store.putStaffUser(other);
      expect(await store.listStaffUsersWithRole('ostersund', 'admin')).toEqual([admin]);
      expect((await store.listStaffUsersWithRole('krokom', 'admin')).map((u) => [u.username, u.email])).toEqual([['krokom.admin', undefined]]);
      expect(await store.listStaffUsersWithRole('ostersund', 'auditor')).toEqual([]);
    });

    it('writes the outbox of a submission with it, and enqueues another message once per id', async () => {
      await store.acceptSubmission('ostersund', { ...leak, id: 'de11e000-0000-4000-8000-000000000003', reference: 'DLVR-0003', outbox: [receipt] });
      expect(await store.getSubmission('ostersund', 'de11e000-0000-4000-8000-000000000003')).not.toHaveProperty('outbox');
      const digest = { ...receipt, id: 'digest:2025-03-01', kind: 'digest' };
      expect(await store.enqueueOutboxMessage('ostersund', digest)).toBe(true);
      expect(await store.enqueueOutboxMessage('ostersund', { ...digest, subject: 'again' })).toBe(false);
      expect(await store.listOutboxMessages('ostersund')).toEqual([
        { ...receipt, status: 'pending', attempts: 0 },
        { ...digest, status: 'pending', attempts: 0 },
      ]);
      expect(await store.listOutboxMessages('ostersund', { kind: 'digest' })).toHaveLength(1);
      expect(await store.listOutboxMessages('krokom')).toEqual([]);
    });

    it('leases outbox messages one holder at a time, retries them later, and keeps sent and dead ones', async () => {
      await store.enqueueOutboxMessage('ostersund', receipt);
      const first = await store.leaseOutboxMessage('ostersund', { now: NOW, leaseMs: LEASE_MS });
      expect(first?.message).toMatchObject({ id: receipt.id, status: 'leased', attempts: 1 });
      expect(await store.leaseOutboxMessage('ostersund', { now: NOW, leaseMs: LEASE_MS })).toBeNull();
      expect(await store.leaseOutboxMessage('krokom', { now: NOW, leaseMs: LEASE_MS })).toBeNull();

      const retry = await store.settleOutboxMessage('ostersund', receipt.id, first!.leaseId, { now: NOW, status: 'retry', delayMs: 5_000, error: '421 busy' });
      expect(retry).toMatchObject({ status: 'pending', lastError: '421 busy' });
      expect(await store.leaseOutboxMessage('ostersund', { now: at(4_999), leaseMs: LEASE_MS })).toBeNull();
      const second = await store.leaseOutboxMessage('ostersund', { now: at(5_000), leaseMs: LEASE_MS });
      expect(second?.message.attempts).toBe(2);
      expect(await failure(store.settleOutboxMessage('ostersund', receipt.id, first!.leaseId, { now: at(5_000), status: 'sent' }))).toMatchObject({
        code: 'lease-mismatch',
      });
      expect(await store.settleOutboxMessage('ostersund', receipt.id, second!.leaseId, { now: at(5_001), status: 'sent' })).toMatchObject({ status: 'sent' });
      expect(await store.leaseOutboxMessage('ostersund', { now: at(LEASE_MS * 10), leaseMs: LEASE_MS })).toBeNull();

      await store.enqueueOutboxMessage('ostersund', { ...receipt, id: 'bad' });
      const bad = await store.leaseOutboxMessage('ostersund', { now: NOW, leaseMs: LEASE_MS });
      expect(await store.settleOutboxMessage('ostersund', 'bad', bad!.leaseId, { now: NOW, status: 'dead', error: '550 no such user' })).toMatchObject({
        status: 'dead',
        lastError: '550 no such user',
      });
      expect(await failure(store.settleOutboxMessage('ostersund', 'none', 'x', { now: NOW, status: 'sent' }))).toMatchObject({ code: 'outbox-message-not-found' });
    });

    it('leases an outbox message again once its lease has run out', async () => {
      await store.enqueueOutboxMessage('ostersund', receipt);
      const first = await store.leaseOutboxMessage('ostersund', { now: NOW, leaseMs: LEASE_MS });
      const again = await store.leaseOutboxMessage('ostersund', { now: at(LEASE_MS), leaseMs: LEASE_MS });
      expect(again?.message).toMatchObject({ id: receipt.id, attempts: 2 });
      expect(again?.leaseId).not.toBe(first?.leaseId);
    });
  });
}
