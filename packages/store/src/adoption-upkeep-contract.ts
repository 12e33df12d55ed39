/**
 * The adoption-upkeep part of the storage contract (issue 5): leaving an adoption, its logo,
 * citizen drafts in flight, and weeding delivered submissions. Run by `describeStoreContract`.
 */
import { describe, expect, it } from 'vitest';
import type { Adoption, AdoptionLogo, NewAttachment, NewSubmission, Store } from './port.ts';

const OWNER = 'region-jamtland-harjedalen';
const adoption: Adoption = { owner: OWNER, serviceId: 'felanmalan', track: 'latest', overrides: { contact: { sv: 'Ring oss.' } }, adoptedAt: '2025-03-01T08:00:00.000Z' };
const logo: AdoptionLogo = { type: 'image/png', sha256: 'a'.repeat(64), bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]) };

function submission(n: number, retainUntil?: string): NewSubmission {
  return {
    id: `a0000000-0000-4000-8000-00000000000${n}`,
    reference: `RET0-000${n}`,
    serviceOwner: OWNER,
    serviceId: 'felanmalan',
    version: 1,
    receivedAt: `2025-03-0${n}T08:00:00.000Z`,
    queue: 'va',
    locale: 'sv',
    data: { n },
    ...(retainUntil === undefined ? {} : { retainUntil }),
  };
}

async function deliver(store: Store, tenant: string, count: number, now: Date): Promise<void> {
  for (let i = 0; i < count; i++) {
    const lease = await store.leaseQueueItem(tenant, 'va', { now, leaseMs: 60_000 });
    if (lease === null) throw new Error('nothing to lease');
    await store.ackQueueItem(tenant, 'va', lease.item.id, lease.leaseId, now);
    await closeCase(store, tenant, lease.item.id, now);
  }
}

// Retention weeds only cases a case worker has closed: delivered but still worked stays (issue 7).
async function closeCase(store: Store, tenant: string, id: string, now: Date): Promise<void> {
  const open = await store.getCase(tenant, id);
  if (open === null) throw new Error('no case');
  await store.recordCaseEvent(tenant, id, { kind: 'status', from: open.case.status, to: 'closed', final: true, at: now.toISOString(), by: 'case-worker' });
}

/** The adoption-upkeep contract, against the store the suite made for the current test. */
export function describeAdoptionUpkeepContract(current: () => Store): void {
  describe('adoption upkeep', () => {
    it('deletes an adoption with its logo, only in its tenant', async () => {
      const store = current();
      await store.putAdoption('krokom', adoption);
      await store.putAdoption('are', adoption);
      await store.putAdoptionLogo('krokom', OWNER, 'felanmalan', logo);
      expect(await store.getAdoptionLogo('krokom', OWNER, 'felanmalan')).toEqual(logo);
      expect(await store.getAdoptionLogo('are', OWNER, 'felanmalan')).toBeNull();

      expect(await store.deleteAdoption('krokom', OWNER, 'felanmalan')).toBe(true);
      expect(await store.deleteAdoption('krokom', OWNER, 'felanmalan')).toBe(false);
      expect(await store.getAdoption('krokom', OWNER, 'felanmalan')).toBeNull();
      expect(await store.getAdoptionLogo('krokom', OWNER, 'felanmalan')).toBeNull();
      expect(await store.getAdoption('are', OWNER, 'felanmalan')).toEqual(adoption);
    });

    it('replaces a logo put again', async () => {
      const store = current();
      await store.putAdoptionLogo('krokom', OWNER, 'felanmalan', logo);
      const jpeg: AdoptionLogo = { type: 'image/jpeg', sha256: 'b'.repeat(64), bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) };
      await store.putAdoptionLogo('krokom', OWNER, 'felanmalan', jpeg);
      expect(await store.getAdoptionLogo('krokom', OWNER, 'felanmalan')).toEqual(jpeg);
    });

    it('counts the cases of an e-service still waiting in the tenant queues, not delivered ones', async () => {
      const store = current();
      const now = new Date('2025-03-10T08:00:00.000Z');
      for (const n of [1, 2, 3]) await store.acceptSubmission('krokom', submission(n));
      await store.acceptSubmission('are', submission(4));
      expect(await store.countWaitingSubmissions('krokom', OWNER, 'felanmalan')).toBe(3);
      await deliver(store, 'krokom', 2, now);
      expect(await store.countWaitingSubmissions('krokom', OWNER, 'felanmalan')).toBe(1);
      expect(await store.countWaitingSubmissions('krokom', OWNER, 'other')).toBe(0);
      expect(await store.countWaitingSubmissions('are', OWNER, 'felanmalan')).toBe(1);
    });

    it('counts unexpired citizen drafts per version of one e-service', async () => {
      const store = current();
      // Stores drop sessions by the wall clock, so the times are near the real one.
      const start = Date.now();
      const now = new Date(start + 120_000);
      const later = new Date(start + 86_400_000).toISOString();
      const draft = (owner: string, serviceId: string, version: number) => ({ owner, serviceId, version, id: 'd', answers: {} });
      await store.setSession('citizen:1', { data: { drafts: { 'krokom/felanmalan': draft(OWNER, 'felanmalan', 1), 'krokom/ide': draft('krokom', 'ide', 1) }, receipts: [] }, expiresAt: later });
      await store.setSession('citizen:2', { data: { drafts: { 'are/felanmalan': draft(OWNER, 'felanmalan', 1) }, receipts: [] }, expiresAt: later });
      await store.setSession('citizen:3', { data: { drafts: { 'are/felanmalan': draft(OWNER, 'felanmalan', 2) }, receipts: [] }, expiresAt: later });
      await store.setSession('citizen:old', { data: { drafts: { 'are/felanmalan': draft(OWNER, 'felanmalan', 2) } }, expiresAt: new Date(start + 60_000).toISOString() });
      await store.setSession('staff:1', { data: { passport: { user: 'u' } }, expiresAt: later });
      expect(await store.countCitizenDrafts(OWNER, 'felanmalan', now)).toEqual([
        { version: 1, drafts: 2 },
        { version: 2, drafts: 1 },
      ]);
      expect(await store.countCitizenDrafts(OWNER, 'nothing', now)).toEqual([]);
    });

    it('weeds delivered submissions past their retention with their files, never waiting ones', async () => {
      const store = current();
      const received = new Date('2025-03-05T08:00:00.000Z');
      await store.acceptSubmission('krokom', submission(1, '2025-04-01T00:00:00.000Z'));
      await store.acceptSubmission('krokom', submission(2, '2025-04-01T00:00:00.000Z'));
      await store.acceptSubmission('krokom', submission(3));
      await store.acceptSubmission('krokom', submission(5, '2025-05-01T00:00:00.000Z'));
      await store.acceptSubmission('are', submission(4, '2025-04-01T00:00:00.000Z'));
      expect((await store.getSubmission('krokom', submission(1).id))?.retainUntil).toBe('2025-04-01T00:00:00.000Z');
      expect((await store.getSubmission('krokom', submission(3).id))?.retainUntil).toBeUndefined();
      const file: NewAttachment = {
        id: 'a0000000-0000-4000-8000-0000000000f1', serviceOwner: OWNER, serviceId: 'felanmalan', name: 'a.txt', type: 'text/plain',
        size: 1, sha256: 'c'.repeat(64), createdAt: '2025-03-01T08:00:00.000Z', bytes: new Uint8Array([0x61]),
      };
      await store.putAttachment('krokom', file);
      await store.linkAttachments('krokom', submission(1).id, [file.id]);
      // Submission 1 delivered; 2 still leased; 3 delivered but without an end; 5 delivered, not yet due.
      await deliver(store, 'krokom', 1, received);
      await store.leaseQueueItem('krokom', 'va', { now: received, leaseMs: 100 * 24 * 3600_000 });
      await deliver(store, 'krokom', 2, new Date(received.getTime() + 120_000));
      expect((await store.listQueueItems('krokom', 'va', { status: 'acked' })).length).toBe(3);

      expect(await store.deleteExpiredSubmissions('krokom', new Date('2025-03-31T23:59:59.000Z'))).toBe(0);
      expect(await store.deleteExpiredSubmissions('krokom', new Date('2025-04-01T00:00:00.000Z'))).toBe(1);
      expect(await store.getSubmission('krokom', submission(1).id)).toBeNull();
      expect(await store.getAttachment('krokom', file.id)).toBeNull();
      expect(await store.getSubmission('krokom', submission(3).id)).not.toBeNull();
      expect(await store.getSubmission('krokom', submission(5).id)).not.toBeNull();
      expect(await store.getSubmission('are', submission(4).id)).not.toBeNull();
    });

    it('keeps a delivered case past its retention while it is still open in the inbox', async () => {
      const store = current();
      await store.acceptSubmission('krokom', submission(1, '2025-04-01T00:00:00.000Z'));
      const now = new Date('2025-03-05T08:00:00.000Z');
      const lease = await store.leaseQueueItem('krokom', 'va', { now, leaseMs: 60_000 });
      await store.ackQueueItem('krokom', 'va', lease!.item.id, lease!.leaseId, now);
      const later = new Date('2025-06-01T00:00:00.000Z');
      expect(await store.deleteExpiredSubmissions('krokom', later)).toBe(0);
      await closeCase(store, 'krokom', lease!.item.id, later);
      expect(await store.deleteExpiredSubmissions('krokom', later)).toBe(1);
    });

    it('weeds at most the limit per call', async () => {
      const store = current();
      for (const n of [1, 2, 3]) await store.acceptSubmission('krokom', submission(n, '2025-04-01T00:00:00.000Z'));
      await deliver(store, 'krokom', 3, new Date('2025-03-05T08:00:00.000Z'));
      const now = new Date('2025-06-01T00:00:00.000Z');
      expect(await store.deleteExpiredSubmissions('krokom', now, 2)).toBe(2);
      expect(await store.deleteExpiredSubmissions('krokom', now, 2)).toBe(1);
    });
  });
}
