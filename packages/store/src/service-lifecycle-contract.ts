/**
 * The contract part for drafts, the version list and retirement (issue 4), run inside
 * `describeStoreContract` against a fresh store per test.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '@samform/model';
import { ConflictError, NotFoundError } from '@samform/model';
import type { PublishedServiceVersion, ServiceDraft, Store } from './port.ts';

const draftV1: ServiceDefinition = {
  id: 'gravtillstand',
  title: { sv: 'Ansök om grävtillstånd', en: 'Apply for a digging permit' },
  schema: {
    type: 'object',
    properties: {
      plats: { type: 'string', maxLength: 200 },
      // A compiled show-when condition: keys with `$` must survive every adapter.
      akut: { type: 'boolean' },
    },
    allOf: [{ $comment: 'samform:show-when:plats', if: { properties: { akut: { const: true } }, required: ['akut'] }, then: { required: ['plats'] } }],
  },
  uiSchema: { plats: { 'ui:kind': 'short-text', 'ui:showWhen': { field: 'akut', equals: true } } },
  texts: { plats: { label: { sv: 'Plats', en: 'Place' } }, akut: { label: { sv: 'Akut?', en: 'Urgent?' } } },
  routing: { queue: 'gata' },
};
const draftV2: ServiceDefinition = { ...draftV1, title: { sv: 'Grävtillstånd', en: 'Digging permit' } };
const ideaDraft: ServiceDefinition = {
  id: 'ide',
  title: { sv: 'Lämna en idé' },
  schema: { type: 'object', properties: { ide: { type: 'string' } } },
  texts: { ide: { label: { sv: 'Din idé' } } },
  routing: { queue: 'ideer' },
};

const saved = { definition: draftV1, updatedAt: '2025-04-01T09:00:00.000Z', updatedBy: 'u-designer' };

const publishedV1: PublishedServiceVersion = {
  owner: 'ostersund',
  serviceId: 'gravtillstand',
  version: 1,
  definition: draftV1,
  publishedAt: '2025-04-02T10:00:00.000Z',
  note: 'Första versionen',
  publishedBy: 'u-designer',
};
const seededV2: PublishedServiceVersion = { owner: 'ostersund', serviceId: 'gravtillstand', version: 2, definition: draftV2, publishedAt: '2025-04-03T10:00:00.000Z' };

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

/** Drafts, who published, and retirement, against the store `current()` gives for the test. */
export function describeServiceLifecycleContract(current: () => Store): void {
  describe('service drafts', () => {
    it('stores, replaces, lists sorted by service id, and deletes drafts', async () => {
      const store = current();
      await store.putServiceDraft('ostersund', 'gravtillstand', saved);
      await store.putServiceDraft('ostersund', 'ide', { definition: ideaDraft, updatedAt: '2025-04-01T08:00:00.000Z', updatedBy: 'u-admin' });
      const first: ServiceDraft = { serviceId: 'gravtillstand', ...saved };
      expect(await store.getServiceDraft('ostersund', 'gravtillstand')).toEqual(first);

      const edited = { definition: draftV2, updatedAt: '2025-04-01T09:05:00.000Z', updatedBy: 'u-admin' };
      await store.putServiceDraft('ostersund', 'gravtillstand', edited);
      expect(await store.listServiceDrafts('ostersund')).toEqual([
        { serviceId: 'gravtillstand', ...edited },
        { serviceId: 'ide', definition: ideaDraft, updatedAt: '2025-04-01T08:00:00.000Z', updatedBy: 'u-admin' },
      ]);

      expect(await store.deleteServiceDraft('ostersund', 'gravtillstand')).toBe(true);
      expect(await store.deleteServiceDraft('ostersund', 'gravtillstand')).toBe(false);
      expect(await store.getServiceDraft('ostersund', 'gravtillstand')).toBeNull();
      expect((await store.listServiceDrafts('ostersund')).map((d) => d.serviceId)).toEqual(['ide']);
    });

    it('refuses a new draft where one exists when asked only to create, keeping the first', async () => {
      const store = current();
      await store.putServiceDraft('ostersund', 'gravtillstand', saved, { onlyIfAbsent: true });
      const error = await failure(
        store.putServiceDraft('ostersund', 'gravtillstand', { ...saved, definition: draftV2 }, { onlyIfAbsent: true }),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ code: 'draft-exists' });
      expect(await store.getServiceDraft('ostersund', 'gravtillstand')).toEqual({ serviceId: 'gravtillstand', ...saved });
      // Another tenant's draft of the same id is no obstacle.
      await store.putServiceDraft('krokom', 'gravtillstand', saved, { onlyIfAbsent: true });
      expect(await store.getServiceDraft('krokom', 'gravtillstand')).toEqual({ serviceId: 'gravtillstand', ...saved });
    });

    it('refuses a draft whose definition names another service id', async () => {
      const store = current();
      const error = await failure(store.putServiceDraft('ostersund', 'ide', saved));
      expect(error).toMatchObject({ code: 'service-id-mismatch', status: 422 });
      expect(await store.getServiceDraft('ostersund', 'ide')).toBeNull();
    });

    it('never finds or deletes a draft through another tenant', async () => {
      const store = current();
      await store.putServiceDraft('ostersund', 'gravtillstand', saved);
      expect(await store.getServiceDraft('krokom', 'gravtillstand')).toBeNull();
      expect(await store.listServiceDrafts('krokom')).toEqual([]);
      expect(await store.deleteServiceDraft('krokom', 'gravtillstand')).toBe(false);
      expect(await store.getServiceDraft('ostersund', 'gravtillstand')).not.toBeNull();
    });
  });

  describe('version list and publisher', () => {
    it('keeps who published a version, and lists versions without definitions, ascending', async () => {
      const store = current();
      await store.publishServiceVersion('ostersund', seededV2);
      await store.publishServiceVersion('ostersund', publishedV1);
      expect(await store.getServiceVersion('ostersund', 'gravtillstand', 1)).toEqual(publishedV1);
      expect(await store.getServiceVersion('ostersund', 'gravtillstand')).toEqual(seededV2);
      expect(await store.listServiceVersions('ostersund', 'gravtillstand')).toEqual([
        { version: 1, publishedAt: '2025-04-02T10:00:00.000Z', note: 'Första versionen', publishedBy: 'u-designer' },
        { version: 2, publishedAt: '2025-04-03T10:00:00.000Z' },
      ]);
      expect(await store.listServiceVersions('krokom', 'gravtillstand')).toEqual([]);
      expect(await store.listServiceVersions('ostersund', 'ide')).toEqual([]);
    });
  });

  describe('retirement', () => {
    it('reports the latest version of each published e-service, none retired at first', async () => {
      const store = current();
      await store.publishServiceVersion('ostersund', publishedV1);
      await store.publishServiceVersion('ostersund', seededV2);
      await store.publishServiceVersion('ostersund', { ...publishedV1, serviceId: 'ide', definition: ideaDraft });
      await store.putServiceDraft('ostersund', 'bara-utkast', { ...saved, definition: { ...ideaDraft, id: 'bara-utkast' } });
      expect(await store.listServiceStatuses('ostersund')).toEqual([
        { serviceId: 'gravtillstand', latestVersion: 2, retired: false, retiredAt: null },
        { serviceId: 'ide', latestVersion: 1, retired: false, retiredAt: null },
      ]);
      expect(await store.getServiceStatus('ostersund', 'gravtillstand')).toEqual({ serviceId: 'gravtillstand', latestVersion: 2, retired: false, retiredAt: null });
      expect(await store.getServiceStatus('ostersund', 'bara-utkast')).toBeNull();
    });

    it('retires an e-service, keeps the first time when retired again, and offers it again', async () => {
      const store = current();
      await store.publishServiceVersion('ostersund', publishedV1);
      await store.setServiceRetired('ostersund', 'gravtillstand', true, '2025-05-01T12:00:00.000Z');
      await store.setServiceRetired('ostersund', 'gravtillstand', true, '2025-05-02T12:00:00.000Z');
      const retired = { serviceId: 'gravtillstand', latestVersion: 1, retired: true, retiredAt: '2025-05-01T12:00:00.000Z' };
      expect(await store.getServiceStatus('ostersund', 'gravtillstand')).toEqual(retired);
      expect(await store.listServiceStatuses('ostersund')).toEqual([retired]);
      // Its versions stay readable: cases filled against them still need them.
      expect(await store.getServiceVersion('ostersund', 'gravtillstand', 1)).toEqual(publishedV1);

      await store.setServiceRetired('ostersund', 'gravtillstand', false, '2025-05-03T12:00:00.000Z');
      expect(await store.getServiceStatus('ostersund', 'gravtillstand')).toEqual({ serviceId: 'gravtillstand', latestVersion: 1, retired: false, retiredAt: null });
      await store.setServiceRetired('ostersund', 'gravtillstand', false, '2025-05-04T12:00:00.000Z');
      expect((await store.getServiceStatus('ostersund', 'gravtillstand'))?.retired).toBe(false);
    });

    it('refuses to retire an e-service the tenant never published, also one of another tenant', async () => {
      const store = current();
      await store.publishServiceVersion('ostersund', publishedV1);
      await store.putServiceDraft('ostersund', 'ide', { ...saved, definition: ideaDraft });
      for (const [tenant, serviceId] of [['ostersund', 'ide'], ['krokom', 'gravtillstand']] as const) {
        const error = await failure(store.setServiceRetired(tenant, serviceId, true, '2025-05-01T12:00:00.000Z'));
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ code: 'service-not-found' });
      }
      expect(await store.listServiceStatuses('krokom')).toEqual([]);
      expect(await store.getServiceStatus('krokom', 'gravtillstand')).toBeNull();
      expect((await store.getServiceStatus('ostersund', 'gravtillstand'))?.retired).toBe(false);
    });

    it('keeps a retirement to its tenant', async () => {
      const store = current();
      await store.publishServiceVersion('ostersund', publishedV1);
      await store.publishServiceVersion('krokom', { ...publishedV1, owner: 'krokom' });
      await store.setServiceRetired('ostersund', 'gravtillstand', true, '2025-05-01T12:00:00.000Z');
      expect((await store.getServiceStatus('krokom', 'gravtillstand'))?.retired).toBe(false);
      expect((await store.listServiceStatuses('krokom')).map((s) => s.retired)).toEqual([false]);
    });
  });
}
