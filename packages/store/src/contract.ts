/**
 * The contract every storage adapter must pass. An adapter's test calls
 * `describeStoreContract('sqlite file', makeStore)`; `makeStore` gives a fresh, empty store for
 * each test and a `cleanup` that closes and removes it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceVersion } from '@samform/model';
import { ConflictError, NotFoundError } from '@samform/model';
import type { Adoption, ApiKey, NewSubmission, Queue, StaffUser, Store, Tenant } from './port.ts';
import { describeAdoptionUpkeepContract } from './adoption-upkeep-contract.ts';
import { describeAttachmentContract } from './attachment-contract.ts';
import { describeCaseContract } from './case-contract.ts';
import { describeDeliveryContract } from './delivery-contract.ts';
import { describeServiceLifecycleContract } from './service-lifecycle-contract.ts';
import { describeStaffAdminContract } from './staff-admin-contract.ts';

const ostersund: Tenant = { id: 'ostersund', name: 'Östersunds kommun', kind: 'municipality', memberOf: ['region-jamtland-harjedalen'] };
const krokom: Tenant = { id: 'krokom', name: 'Krokoms kommun', kind: 'municipality', memberOf: ['region-jamtland-harjedalen'] };
const region: Tenant = { id: 'region-jamtland-harjedalen', name: 'Region Jämtland Härjedalen', kind: 'collaboration', memberOf: [] };

const vaV1: ServiceVersion = {
  owner: 'ostersund',
  serviceId: 'felanmalan-va',
  version: 1,
  definition: {
    id: 'felanmalan-va',
    title: { sv: 'Felanmälan vatten och avlopp', en: 'Report a water fault' },
    schema: { type: 'object', properties: { beskrivning: { type: 'string', maxLength: 2000 } }, required: ['beskrivning'] },
    texts: { beskrivning: { label: { sv: 'Beskriv felet', en: 'Describe the fault' } } },
    routing: { queue: 'va' },
  },
  publishedAt: '2025-02-01T10:00:00.000Z',
  note: 'Första versionen',
};
const vaV2: ServiceVersion = {
  owner: 'ostersund',
  serviceId: 'felanmalan-va',
  version: 2,
  definition: {
    id: 'felanmalan-va',
    title: { sv: 'Felanmälan VA', en: 'Report a water fault' },
    schema: { type: 'object', properties: { beskrivning: { type: 'string', maxLength: 4000 } }, required: ['beskrivning'] },
    texts: { beskrivning: { label: { sv: 'Beskriv felet', en: 'Describe the fault' } } },
    routing: { queue: 'va', rules: [{ when: { field: 'beskrivning', isSet: true }, queue: 'va' }] },
  },
  publishedAt: '2025-02-15T10:00:00.000Z',
};
const ideaV1: ServiceVersion = {
  owner: 'ostersund',
  serviceId: 'ide',
  version: 1,
  definition: {
    id: 'ide',
    title: { sv: 'Lämna en idé', en: 'Share an idea' },
    schema: { type: 'object', properties: { ide: { type: 'string' } } },
    texts: { ide: { label: { sv: 'Din idé' } } },
    routing: { queue: 'ideer' },
  },
  publishedAt: '2025-01-10T08:00:00.000Z',
};
const sharedBygglovV1: ServiceVersion = {
  owner: 'region-jamtland-harjedalen',
  serviceId: 'bygglov',
  version: 1,
  definition: {
    id: 'bygglov',
    title: { sv: 'Ansök om bygglov', en: 'Apply for a building permit' },
    schema: { type: 'object', properties: { fastighet: { type: 'string', format: 'fastighetsbeteckning' } } },
    texts: { fastighet: { label: { sv: 'Fastighetsbeteckning' } } },
    routing: { queue: 'bygg' },
  },
  publishedAt: '2025-01-20T08:00:00.000Z',
};

const vaQueue: Queue = { id: 'va', name: { sv: 'Vatten och avlopp', en: 'Water and sewage' }, delivery: { kind: 'pull' } };
const avfallQueue: Queue = { id: 'avfall', name: { sv: 'Avfall' }, delivery: { kind: 'pull' } };

const leak: NewSubmission = {
  id: '0b6f5c2e-1f0a-4c39-9a51-6f1f3b0c0001',
  reference: 'K7M2-9QX4',
  serviceOwner: 'ostersund',
  serviceId: 'felanmalan-va',
  version: 2,
  receivedAt: '2025-03-01T08:00:00.000Z',
  queue: 'va',
  locale: 'sv',
  data: {
    beskrivning: 'Läcka vid Arvesgården 4:12, vatten på gatan',
    fastighet: 'Östersund Arvesgården 4:12',
    antal: 2,
    akut: true,
    bilaga: null,
    kontakt: { namn: 'Åsa Ïnga Sjöberg', telefon: '063-14 30 00' },
    tider: ['08:00', '12:00'],
  },
};
const blockedDrain: NewSubmission = {
  id: '0b6f5c2e-1f0a-4c39-9a51-6f1f3b0c0002',
  reference: 'P3RT-7WZ2',
  serviceOwner: 'ostersund',
  serviceId: 'felanmalan-va',
  version: 2,
  receivedAt: '2025-03-01T08:05:00.000Z',
  queue: 'va',
  locale: 'en',
  data: { beskrivning: 'Blocked drain on Storgatan' },
};
const lowPressure: NewSubmission = {
  id: '0b6f5c2e-1f0a-4c39-9a51-6f1f3b0c0003',
  reference: 'H8NC-4DLM',
  serviceOwner: 'ostersund',
  serviceId: 'felanmalan-va',
  version: 1,
  receivedAt: '2025-03-01T08:10:00.000Z',
  queue: 'va',
  locale: 'sv',
  data: { beskrivning: 'Lågt vattentryck' },
};
const bygglov: NewSubmission = {
  id: '0b6f5c2e-1f0a-4c39-9a51-6f1f3b0c0004',
  reference: 'B2GG-L0V1',
  serviceOwner: 'region-jamtland-harjedalen',
  serviceId: 'bygglov',
  version: 1,
  receivedAt: '2025-03-01T07:30:00.000Z',
  queue: 'bygg',
  locale: 'sv',
  data: { fastighet: 'Krokom Ås 1:23' },
};
const sopkarl: NewSubmission = {
  id: '0b6f5c2e-1f0a-4c39-9a51-6f1f3b0c0005',
  reference: 'S0PK-4RL1',
  serviceOwner: 'ostersund',
  serviceId: 'sopkarl',
  version: 1,
  receivedAt: '2025-03-01T07:00:00.000Z',
  queue: 'avfall',
  locale: 'sv',
  data: { storlek: '190' },
};

const handlaggare: StaffUser = {
  id: 'u-1',
  username: 'ostersund.handlaggare',
  displayName: 'Eva Handläggare',
  passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
  tenantRoles: { ostersund: ['caseworker'], 'region-jamtland-harjedalen': ['auditor'] },
  disabled: false,
  demo: false,
};
const demoAdmin: StaffUser = {
  id: 'u-2',
  username: 'demo.admin',
  displayName: 'Demo Admin',
  passwordHash: 'scrypt$16384$8$1$ZGVtbw$ZGVtbw',
  tenantRoles: { ostersund: ['admin', 'designer'] },
  disabled: false,
  demo: true,
};
const platinaKey: ApiKey = {
  id: 'k-1',
  label: 'Platina',
  hash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  createdAt: '2025-02-01T12:00:00.000Z',
  demo: false,
};
const demoKey: ApiKey = {
  id: 'k-2',
  label: 'Demo',
  hash: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
  createdAt: '2025-02-01T12:00:00.000Z',
  demo: true,
};

const NOW = new Date('2025-03-01T09:00:00.000Z');
const LEASE_MS = 60_000;
const LATER = new Date('2025-03-01T09:01:00.000Z'); // NOW + LEASE_MS: the lease has run out.

type ErrorClass = typeof ConflictError | typeof NotFoundError;

async function expectFailure(promise: Promise<unknown>, type: ErrorClass, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  expect(error).toMatchObject({ code });
}

/** Run the storage contract suite against one adapter. */
export function describeStoreContract(
  name: string,
  makeStore: () => Promise<{ store: Store; cleanup(): Promise<void> }>,
): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      const made = await makeStore();
      store = made.store;
      cleanup = () => made.cleanup();
    });
    afterEach(async () => {
      await cleanup();
    });

    describe('tenants', () => {
      it('lists tenants sorted by id and finds one by id', async () => {
        await store.putTenant(region);
        await store.putTenant(ostersund);
        await store.putTenant(krokom);
        expect(await store.listTenants()).toEqual([krokom, ostersund, region]);
        expect(await store.getTenant('ostersund')).toEqual(ostersund);
        expect(await store.getTenant('bracke')).toBeNull();
      });

      it('replaces a tenant put again', async () => {
        await store.putTenant(ostersund);
        await store.putTenant({ ...ostersund, name: 'Östersund', memberOf: [] });
        expect(await store.listTenants()).toEqual([{ ...ostersund, name: 'Östersund', memberOf: [] }]);
      });
    });

    describe('service versions', () => {
      it('returns a specific version, and the latest when none is named', async () => {
        await store.publishServiceVersion('ostersund', vaV1);
        await store.publishServiceVersion('ostersund', vaV2);
        expect(await store.getServiceVersion('ostersund', 'felanmalan-va', 1)).toEqual(vaV1);
        expect(await store.getServiceVersion('ostersund', 'felanmalan-va')).toEqual(vaV2);
        expect(await store.getServiceVersion('ostersund', 'felanmalan-va', 3)).toBeNull();
        expect(await store.getServiceVersion('ostersund', 'bygglov')).toBeNull();
      });

      it('refuses to publish a version that exists, keeping the first', async () => {
        await store.publishServiceVersion('ostersund', vaV1);
        await expectFailure(
          store.publishServiceVersion('ostersund', { ...vaV1, publishedAt: '2025-02-02T10:00:00.000Z' }),
          ConflictError,
          'version-exists',
        );
        expect(await store.getServiceVersion('ostersund', 'felanmalan-va', 1)).toEqual(vaV1);
      });

      it('lists the latest version of each e-service sorted by id, and version numbers ascending', async () => {
        await store.publishServiceVersion('ostersund', vaV2);
        await store.publishServiceVersion('ostersund', ideaV1);
        await store.publishServiceVersion('ostersund', vaV1);
        await store.publishServiceVersion('region-jamtland-harjedalen', sharedBygglovV1);
        expect(await store.listLatestServiceVersions('ostersund')).toEqual([vaV2, ideaV1]);
        expect(await store.listServiceVersionNumbers('ostersund', 'felanmalan-va')).toEqual([1, 2]);
        expect(await store.listServiceVersionNumbers('ostersund', 'bygglov')).toEqual([]);
      });

      it('never finds a version through another tenant', async () => {
        await store.publishServiceVersion('region-jamtland-harjedalen', sharedBygglovV1);
        expect(await store.getServiceVersion('ostersund', 'bygglov')).toBeNull();
        expect(await store.getServiceVersion('ostersund', 'bygglov', 1)).toBeNull();
        expect(await store.listLatestServiceVersions('ostersund')).toEqual([]);
        expect(await store.listServiceVersionNumbers('ostersund', 'bygglov')).toEqual([]);
        expect(await store.getServiceVersion('region-jamtland-harjedalen', 'bygglov')).toEqual(sharedBygglovV1);
      });

      it('lets two tenants publish the same service id and version', async () => {
        await store.publishServiceVersion('ostersund', vaV1);
        await store.publishServiceVersion('krokom', { ...vaV1, owner: 'krokom' });
        expect(await store.getServiceVersion('krokom', 'felanmalan-va')).toEqual({ ...vaV1, owner: 'krokom' });
        expect(await store.getServiceVersion('ostersund', 'felanmalan-va')).toEqual(vaV1);
      });

      it('refuses a version whose owner is another tenant', async () => {
        const error = await store.publishServiceVersion('krokom', vaV1).then(() => undefined, (e: unknown) => e);
        expect(error).toMatchObject({ code: 'service-owner-mismatch', status: 422 });
        expect(await store.getServiceVersion('krokom', 'felanmalan-va')).toBeNull();
      });
    });

    describe('adoptions', () => {
      const followLatest: Adoption = {
        owner: 'region-jamtland-harjedalen',
        serviceId: 'bygglov',
        track: 'latest',
        overrides: { contact: { email: 'bygg@ostersund.se' }, queue: 'bygg' },
        adoptedAt: '2025-02-10T09:00:00.000Z',
      };
      const pinned: Adoption = {
        owner: 'region-jamtland-harjedalen',
        serviceId: 'bygglov',
        track: 3,
        overrides: {},
        adoptedAt: '2025-02-11T09:00:00.000Z',
      };
      const ekonomiskt: Adoption = {
        owner: 'esamverkan-vasternorrland',
        serviceId: 'ekonomiskt-bistand',
        track: 'latest',
        overrides: {},
        adoptedAt: '2025-02-12T09:00:00.000Z',
      };

      it('stores, replaces and lists adoptions sorted by owner and service', async () => {
        await store.putAdoption('ostersund', followLatest);
        await store.putAdoption('ostersund', ekonomiskt);
        expect(await store.getAdoption('ostersund', 'region-jamtland-harjedalen', 'bygglov')).toEqual(followLatest);
        await store.putAdoption('ostersund', pinned);
        expect(await store.getAdoption('ostersund', 'region-jamtland-harjedalen', 'bygglov')).toEqual(pinned);
        expect(await store.listAdoptions('ostersund')).toEqual([ekonomiskt, pinned]);
        expect(await store.getAdoption('ostersund', 'region-jamtland-harjedalen', 'bostadsanpassning')).toBeNull();
      });

      it('never finds an adoption through another tenant', async () => {
        await store.putAdoption('ostersund', followLatest);
        expect(await store.getAdoption('krokom', 'region-jamtland-harjedalen', 'bygglov')).toBeNull();
        expect(await store.listAdoptions('krokom')).toEqual([]);
      });
    });

    describe('queues', () => {
      it('stores, replaces and lists queues sorted by id with all four counts at zero', async () => {
        await store.putQueue('ostersund', vaQueue);
        await store.putQueue('ostersund', avfallQueue);
        await store.putQueue('ostersund', { ...vaQueue, name: { sv: 'VA' } });
        expect(await store.getQueue('ostersund', 'va')).toEqual({ ...vaQueue, name: { sv: 'VA' } });
        expect(await store.getQueue('ostersund', 'ideer')).toBeNull();
        expect(await store.listQueues('ostersund')).toEqual([
          { ...avfallQueue, counts: { pending: 0, leased: 0, acked: 0, dead: 0 } },
          { ...vaQueue, name: { sv: 'VA' }, counts: { pending: 0, leased: 0, acked: 0, dead: 0 } },
        ]);
      });

      it('counts items per status in each queue', async () => {
        await store.putQueue('ostersund', vaQueue);
        await store.putQueue('ostersund', avfallQueue);
        await store.acceptSubmission('ostersund', leak);
        await store.acceptSubmission('ostersund', blockedDrain);
        await store.acceptSubmission('ostersund', lowPressure);
        await store.acceptSubmission('ostersund', sopkarl);
        const first = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        await store.ackQueueItem('ostersund', 'va', first!.item.id, first!.leaseId, NOW);
        await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        expect(await store.listQueues('ostersund')).toEqual([
          { ...avfallQueue, counts: { pending: 1, leased: 0, acked: 0, dead: 0 } },
          { ...vaQueue, counts: { pending: 1, leased: 1, acked: 1, dead: 0 } },
        ]);
      });

      it('never shows a queue, or its counts, through another tenant', async () => {
        await store.putQueue('ostersund', vaQueue);
        await store.acceptSubmission('ostersund', leak);
        await store.putQueue('krokom', vaQueue);
        expect(await store.getQueue('bracke', 'va')).toBeNull();
        expect(await store.listQueues('bracke')).toEqual([]);
        expect(await store.listQueues('krokom')).toEqual([{ ...vaQueue, counts: { pending: 0, leased: 0, acked: 0, dead: 0 } }]);
      });
    });

    describe('accepting submissions', () => {
      it('stores the submission and its pending queue item together', async () => {
        const result = await store.acceptSubmission('ostersund', leak);
        expect(result).toEqual({ submission: { ...leak, tenant: 'ostersund' }, replayed: false });
        expect(await store.getSubmission('ostersund', leak.id)).toEqual({ ...leak, tenant: 'ostersund' });
        expect(await store.listQueueItems('ostersund', 'va')).toEqual([
          {
            id: leak.id,
            reference: 'K7M2-9QX4',
            service: 'felanmalan-va',
            version: 2,
            receivedAt: '2025-03-01T08:00:00.000Z',
            status: 'pending',
            attempts: 0,
            data: leak.data,
          },
        ]);
      });

      it('names a shared e-service owner/serviceId in the queue item', async () => {
        await store.acceptSubmission('krokom', bygglov);
        const [item] = await store.listQueueItems('krokom', 'bygg');
        expect(item?.service).toBe('region-jamtland-harjedalen/bygglov');
        expect(await store.getSubmission('krokom', bygglov.id)).toEqual({ ...bygglov, tenant: 'krokom' });
      });

      it('never finds a submission or its item through another tenant', async () => {
        await store.acceptSubmission('ostersund', leak);
        expect(await store.getSubmission('krokom', leak.id)).toBeNull();
        expect(await store.listQueueItems('krokom', 'va')).toEqual([]);
        expect(await store.getSubmission('ostersund', '0b6f5c2e-0000-0000-0000-000000000000')).toBeNull();
      });

      it('replays the first submission for the same idempotency key and fingerprint, storing one', async () => {
        const claim = { key: 'idem-7f3a', fingerprint: 'sha256:aa11' };
        const first = await store.acceptSubmission('ostersund', leak, claim);
        // A retry gets a new id and reference from the server; the first ones win.
        const retry = await store.acceptSubmission(
          'ostersund',
          { ...leak, id: '0b6f5c2e-1f0a-4c39-9a51-6f1f3b0c0099', reference: 'R3TR-Y000', receivedAt: '2025-03-01T08:00:03.000Z' },
          claim,
        );
        expect(first).toEqual({ submission: { ...leak, tenant: 'ostersund' }, replayed: false });
        expect(retry).toEqual({ submission: { ...leak, tenant: 'ostersund' }, replayed: true });
        expect(await store.listQueueItems('ostersund', 'va')).toHaveLength(1);
        expect(await store.getSubmission('ostersund', '0b6f5c2e-1f0a-4c39-9a51-6f1f3b0c0099')).toBeNull();
      });

      it('refuses an idempotency key reused with another fingerprint, storing nothing', async () => {
        await store.acceptSubmission('ostersund', leak, { key: 'idem-7f3a', fingerprint: 'sha256:aa11' });
        await expectFailure(
          store.acceptSubmission('ostersund', blockedDrain, { key: 'idem-7f3a', fingerprint: 'sha256:bb22' }),
          ConflictError,
          'idempotency-key-reused',
        );
        expect(await store.getSubmission('ostersund', blockedDrain.id)).toBeNull();
        expect(await store.listQueueItems('ostersund', 'va')).toHaveLength(1);
      });

      it('finds the submission of a used idempotency key without writing, and nothing for an unused one', async () => {
        const claim = { key: 'idem-7f3a', fingerprint: 'sha256:aa11' };
        expect(await store.findIdempotentSubmission('ostersund', claim)).toBeNull();
        await store.acceptSubmission('ostersund', leak, claim);
        expect(await store.findIdempotentSubmission('ostersund', claim)).toEqual({ ...leak, tenant: 'ostersund' });
        expect(await store.findIdempotentSubmission('krokom', claim)).toBeNull();
        await expectFailure(
          store.findIdempotentSubmission('ostersund', { key: 'idem-7f3a', fingerprint: 'sha256:bb22' }),
          ConflictError,
          'idempotency-key-reused',
        );
        expect(await store.listQueueItems('ostersund', 'va')).toHaveLength(1);
      });

      it('scopes an idempotency key to its tenant', async () => {
        const claim = { key: 'idem-7f3a', fingerprint: 'sha256:aa11' };
        await store.acceptSubmission('ostersund', leak, claim);
        const other = await store.acceptSubmission('krokom', bygglov, claim);
        expect(other).toEqual({ submission: { ...bygglov, tenant: 'krokom' }, replayed: false });
        expect(await store.getSubmission('krokom', bygglov.id)).toEqual({ ...bygglov, tenant: 'krokom' });
      });

      it('refuses a reference taken in the tenant, storing nothing, so the server can retry', async () => {
        await store.acceptSubmission('ostersund', leak);
        await expectFailure(
          store.acceptSubmission('ostersund', { ...blockedDrain, reference: leak.reference }, { key: 'idem-1', fingerprint: 'f1' }),
          ConflictError,
          'reference-taken',
        );
        expect(await store.getSubmission('ostersund', blockedDrain.id)).toBeNull();
        expect(await store.listQueueItems('ostersund', 'va')).toHaveLength(1);
        // The key was not used up by the failed write: the retry with a new reference succeeds.
        const retried = await store.acceptSubmission('ostersund', blockedDrain, { key: 'idem-1', fingerprint: 'f1' });
        expect(retried.replayed).toBe(false);
        expect(await store.getSubmission('ostersund', blockedDrain.id)).toEqual({ ...blockedDrain, tenant: 'ostersund' });
      });

      it('refuses a second submission with the same id', async () => {
        await store.acceptSubmission('ostersund', leak);
        await expectFailure(
          store.acceptSubmission('ostersund', { ...blockedDrain, id: leak.id }),
          ConflictError,
          'submission-exists',
        );
        expect(await store.getSubmission('ostersund', leak.id)).toEqual({ ...leak, tenant: 'ostersund' });
      });

      it('allows the same reference in two tenants', async () => {
        await store.acceptSubmission('ostersund', leak);
        await store.acceptSubmission('krokom', { ...bygglov, reference: leak.reference });
        expect(await store.getSubmission('krokom', bygglov.id)).toMatchObject({ reference: 'K7M2-9QX4', tenant: 'krokom' });
      });
    });

    describe('listing queue items', () => {
      beforeEach(async () => {
        // Received out of order: lowPressure is newest, leak oldest.
        await store.acceptSubmission('ostersund', lowPressure);
        await store.acceptSubmission('ostersund', leak);
        await store.acceptSubmission('ostersund', sopkarl);
        await store.acceptSubmission('ostersund', blockedDrain);
      });

      it('lists the queue oldest first', async () => {
        const items = await store.listQueueItems('ostersund', 'va');
        expect(items.map((i) => i.reference)).toEqual(['K7M2-9QX4', 'P3RT-7WZ2', 'H8NC-4DLM']);
      });

      it('filters by status and limits the count', async () => {
        await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        expect((await store.listQueueItems('ostersund', 'va', { status: 'pending' })).map((i) => i.reference)).toEqual([
          'P3RT-7WZ2',
          'H8NC-4DLM',
        ]);
        expect((await store.listQueueItems('ostersund', 'va', { status: 'leased' })).map((i) => i.reference)).toEqual(['K7M2-9QX4']);
        expect(await store.listQueueItems('ostersund', 'va', { status: 'dead' })).toEqual([]);
        expect((await store.listQueueItems('ostersund', 'va', { limit: 2 })).map((i) => i.reference)).toEqual([
          'K7M2-9QX4',
          'P3RT-7WZ2',
        ]);
        expect((await store.listQueueItems('ostersund', 'va', { status: 'pending', limit: 1 })).map((i) => i.reference)).toEqual([
          'P3RT-7WZ2',
        ]);
      });
    });

    describe('leasing', () => {
      beforeEach(async () => {
        await store.acceptSubmission('ostersund', blockedDrain);
        await store.acceptSubmission('ostersund', leak);
        await store.acceptSubmission('ostersund', sopkarl);
      });

      it('leases the oldest pending item, marking it leased with one attempt', async () => {
        const lease = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        expect(lease).toEqual({
          item: {
            id: leak.id,
            reference: 'K7M2-9QX4',
            service: 'felanmalan-va',
            version: 2,
            receivedAt: '2025-03-01T08:00:00.000Z',
            status: 'leased',
            attempts: 1,
            data: leak.data,
            firstAttemptAt: '2025-03-01T09:00:00.000Z',
          },
          leaseId: expect.any(String),
          leaseUntil: '2025-03-01T09:01:00.000Z',
        });
        expect(lease!.leaseId).not.toBe('');
      });

      it('gives a second caller the next item, then nothing', async () => {
        const first = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        const second = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        const third = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        expect(first?.item.reference).toBe('K7M2-9QX4');
        expect(second?.item.reference).toBe('P3RT-7WZ2');
        expect(second?.leaseId).not.toBe(first?.leaseId);
        expect(third).toBeNull();
      });

      it('leases an item again once its lease has expired, not before', async () => {
        const first = await store.leaseQueueItem('ostersund', 'avfall', { now: NOW, leaseMs: LEASE_MS });
        const early = new Date('2025-03-01T09:00:59.999Z');
        expect(await store.leaseQueueItem('ostersund', 'avfall', { now: early, leaseMs: LEASE_MS })).toBeNull();
        const again = await store.leaseQueueItem('ostersund', 'avfall', { now: LATER, leaseMs: 30_000 });
        expect(again).toMatchObject({
          item: { reference: 'S0PK-4RL1', status: 'leased', attempts: 2 },
          leaseUntil: '2025-03-01T09:01:30.000Z',
        });
        expect(again!.leaseId).not.toBe(first!.leaseId);
      });

      it('prefers an older expired lease over a newer pending item', async () => {
        const first = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        const next = await store.leaseQueueItem('ostersund', 'va', { now: LATER, leaseMs: LEASE_MS });
        expect(next?.item.id).toBe(first?.item.id);
        expect(next?.item.attempts).toBe(2);
      });

      it('never leases an item through another tenant or another queue', async () => {
        expect(await store.leaseQueueItem('krokom', 'va', { now: NOW, leaseMs: LEASE_MS })).toBeNull();
        expect(await store.leaseQueueItem('ostersund', 'bygg', { now: NOW, leaseMs: LEASE_MS })).toBeNull();
        expect((await store.listQueueItems('ostersund', 'va', { status: 'pending' })).length).toBe(2);
      });

      it('hands each item out at most once to 20 concurrent callers', async () => {
        const five: NewSubmission[] = [1, 2, 3, 4, 5].map((n) => ({
          ...blockedDrain,
          id: `c0ffee00-0000-4000-8000-00000000000${n}`,
          reference: `CONC-000${n}`,
          receivedAt: `2025-03-01T06:0${n}:00.000Z`,
          queue: 'ideer',
        }));
        for (const s of five) await store.acceptSubmission('ostersund', s);
        const leases = await Promise.all(
          Array.from({ length: 20 }, () => store.leaseQueueItem('ostersund', 'ideer', { now: NOW, leaseMs: LEASE_MS })),
        );
        const granted = leases.filter((l) => l !== null);
        expect(granted).toHaveLength(5);
        expect(new Set(granted.map((l) => l.item.id)).size).toBe(5);
        expect(new Set(granted.map((l) => l.leaseId)).size).toBe(5);
        const items = await store.listQueueItems('ostersund', 'ideer');
        expect(items.map((i) => [i.status, i.attempts])).toEqual(Array.from({ length: 5 }, () => ['leased', 1]));
      });
    });

    describe('acking', () => {
      beforeEach(async () => {
        await store.acceptSubmission('ostersund', leak);
        await store.acceptSubmission('ostersund', blockedDrain);
      });

      it('acks an item with its current lease', async () => {
        const lease = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        const acked = await store.ackQueueItem('ostersund', 'va', leak.id, lease!.leaseId, new Date('2025-03-01T09:00:30.000Z'));
        expect(acked).toMatchObject({ id: leak.id, reference: 'K7M2-9QX4', status: 'acked', attempts: 1 });
        expect((await store.listQueueItems('ostersund', 'va', { status: 'acked' })).map((i) => i.id)).toEqual([leak.id]);
        // Acked items are never leased again.
        const next = await store.leaseQueueItem('ostersund', 'va', { now: LATER, leaseMs: LEASE_MS });
        expect(next?.item.id).toBe(blockedDrain.id);
      });

      it('answers a repeated ack of the same lease with the acked item', async () => {
        const lease = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        await store.ackQueueItem('ostersund', 'va', leak.id, lease!.leaseId, NOW);
        const again = await store.ackQueueItem('ostersund', 'va', leak.id, lease!.leaseId, LATER);
        expect(again).toMatchObject({ id: leak.id, status: 'acked' });
      });

      it('refuses a wrong lease id', async () => {
        await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        await expectFailure(store.ackQueueItem('ostersund', 'va', leak.id, 'not-the-lease', NOW), ConflictError, 'lease-mismatch');
        expect((await store.listQueueItems('ostersund', 'va', { status: 'leased' })).map((i) => i.id)).toEqual([leak.id]);
      });

      it('refuses an expired lease, and the old lease once the item is leased again', async () => {
        const first = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        await expectFailure(store.ackQueueItem('ostersund', 'va', leak.id, first!.leaseId, LATER), ConflictError, 'lease-mismatch');
        const second = await store.leaseQueueItem('ostersund', 'va', { now: LATER, leaseMs: LEASE_MS });
        expect(second?.item.id).toBe(leak.id);
        await expectFailure(store.ackQueueItem('ostersund', 'va', leak.id, first!.leaseId, LATER), ConflictError, 'lease-mismatch');
        const acked = await store.ackQueueItem('ostersund', 'va', leak.id, second!.leaseId, LATER);
        expect(acked.status).toBe('acked');
      });

      it('refuses to ack an item that was never leased', async () => {
        await expectFailure(store.ackQueueItem('ostersund', 'va', blockedDrain.id, 'any', NOW), ConflictError, 'lease-mismatch');
      });

      it('does not find an unknown item, nor one of another tenant or queue', async () => {
        const lease = await store.leaseQueueItem('ostersund', 'va', { now: NOW, leaseMs: LEASE_MS });
        await expectFailure(
          store.ackQueueItem('ostersund', 'va', '0b6f5c2e-0000-0000-0000-000000000000', lease!.leaseId, NOW),
          NotFoundError,
          'queue-item-not-found',
        );
        await expectFailure(store.ackQueueItem('krokom', 'va', leak.id, lease!.leaseId, NOW), NotFoundError, 'queue-item-not-found');
        await expectFailure(store.ackQueueItem('ostersund', 'avfall', leak.id, lease!.leaseId, NOW), NotFoundError, 'queue-item-not-found');
        expect((await store.listQueueItems('ostersund', 'va', { status: 'leased' })).map((i) => i.id)).toEqual([leak.id]);
      });
    });

    describe('staff users', () => {
      it('finds a user by id and by username', async () => {
        await store.putStaffUser(handlaggare);
        expect(await store.getStaffUser('u-1')).toEqual(handlaggare);
        expect(await store.findStaffUserByUsername('ostersund.handlaggare')).toEqual(handlaggare);
        expect(await store.getStaffUser('u-9')).toBeNull();
        expect(await store.findStaffUserByUsername('krokom.handlaggare')).toBeNull();
      });

      it('replaces a user put again, also under a new username', async () => {
        await store.putStaffUser(handlaggare);
        const renamed = { ...handlaggare, username: 'ostersund.eva', disabled: true };
        await store.putStaffUser(renamed);
        expect(await store.getStaffUser('u-1')).toEqual(renamed);
        expect(await store.findStaffUserByUsername('ostersund.handlaggare')).toBeNull();
      });

      it('refuses a username another user has, keeping both as they were', async () => {
        await store.putStaffUser(handlaggare);
        await store.putStaffUser(demoAdmin);
        await expectFailure(store.putStaffUser({ ...demoAdmin, username: handlaggare.username }), ConflictError, 'username-taken');
        expect(await store.getStaffUser('u-1')).toEqual(handlaggare);
        expect(await store.getStaffUser('u-2')).toEqual(demoAdmin);
      });

      it('reports demo credentials while a demo user exists', async () => {
        expect(await store.hasDemoCredentials()).toBe(false);
        await store.putStaffUser(handlaggare);
        expect(await store.hasDemoCredentials()).toBe(false);
        await store.putStaffUser(demoAdmin);
        expect(await store.hasDemoCredentials()).toBe(true);
        await store.putStaffUser({ ...demoAdmin, demo: false });
        expect(await store.hasDemoCredentials()).toBe(false);
      });
    });

    describe('api keys', () => {
      it('finds a key by hash within its tenant only', async () => {
        await store.putApiKey('ostersund', platinaKey);
        expect(await store.findApiKeyByHash('ostersund', platinaKey.hash)).toEqual(platinaKey);
        expect(await store.findApiKeyByHash('krokom', platinaKey.hash)).toBeNull();
        expect(await store.findApiKeyByHash('ostersund', demoKey.hash)).toBeNull();
      });

      it('replaces a key put again', async () => {
        await store.putApiKey('ostersund', platinaKey);
        await store.putApiKey('ostersund', { ...platinaKey, label: 'Platina (ny)' });
        expect(await store.findApiKeyByHash('ostersund', platinaKey.hash)).toEqual({ ...platinaKey, label: 'Platina (ny)' });
      });

      it('refuses a second key of the tenant with the same hash, but not in another tenant', async () => {
        await store.putApiKey('ostersund', platinaKey);
        await expectFailure(store.putApiKey('ostersund', { ...demoKey, hash: platinaKey.hash }), ConflictError, 'api-key-exists');
        await store.putApiKey('krokom', { ...demoKey, hash: platinaKey.hash });
        expect(await store.findApiKeyByHash('ostersund', platinaKey.hash)).toEqual(platinaKey);
        expect(await store.findApiKeyByHash('krokom', platinaKey.hash)).toEqual({ ...demoKey, hash: platinaKey.hash });
      });

      it('reports demo credentials while a demo key exists', async () => {
        await store.putApiKey('ostersund', platinaKey);
        expect(await store.hasDemoCredentials()).toBe(false);
        await store.putApiKey('krokom', demoKey);
        expect(await store.hasDemoCredentials()).toBe(true);
      });
    });

    describe('sessions', () => {
      const session = { data: { userId: 'u-1', csrf: 'q8Zr', flash: ['Sparat'] }, expiresAt: '2099-01-01T00:00:00.000Z' };

      it('stores, replaces and destroys a session', async () => {
        await store.setSession('sid-1', session);
        expect(await store.getSession('sid-1', NOW)).toEqual(session);
        await store.setSession('sid-1', { ...session, data: { userId: 'u-2' } });
        expect(await store.getSession('sid-1', NOW)).toEqual({ ...session, data: { userId: 'u-2' } });
        await store.destroySession('sid-1');
        expect(await store.getSession('sid-1', NOW)).toBeNull();
        await store.destroySession('sid-1');
        expect(await store.getSession('sid-2', NOW)).toBeNull();
      });

      it('returns nothing for an expired session', async () => {
        await store.setSession('sid-1', session);
        expect(await store.getSession('sid-1', new Date('2098-12-31T23:59:59.999Z'))).toEqual(session);
        expect(await store.getSession('sid-1', new Date('2099-01-01T00:00:00.000Z'))).toBeNull();
        expect(await store.getSession('sid-1', new Date('2100-01-01T00:00:00.000Z'))).toBeNull();
      });
    });

    describeAttachmentContract(() => store);
    describeServiceLifecycleContract(() => store);
    describeAdoptionUpkeepContract(() => store);
    describeCaseContract(() => store);
    describeDeliveryContract(() => store);
    describeStaffAdminContract(() => store);

    describe('closing', () => {
      it('can be closed twice', async () => {
        await store.putTenant(ostersund);
        await store.close();
        await expect(store.close()).resolves.toBeUndefined();
      });
    });
  });
}
