/**
 * The contract part for staff and key administration and the audit log (issue 6), run inside
 * `describeStoreContract` against a fresh store per test.
 */
import { describe, expect, it } from 'vitest';
import type { ApiKey, NewAuditEntry, StaffUser, Store } from './port.ts';
import { PLATFORM_LOG } from './port.ts';

function user(id: string, username: string, extra: Partial<StaffUser> = {}): StaffUser {
  return { id, username, displayName: username, passwordHash: 'scrypt$x', tenantRoles: {}, disabled: false, demo: false, ...extra };
}

function key(id: string, extra: Partial<ApiKey> = {}): ApiKey {
  return { id, label: `Key ${id}`, hash: `hash-${id}`, createdAt: `2025-05-0${id.length}T08:00:00.000Z`, demo: false, ...extra };
}

function entry(at: string, kind: string, extra: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return { at, kind, actor: { kind: 'staff', userId: 'u1', username: 'ostersund.admin' }, ...extra };
}

/** Staff and key administration and the audit log. */
export function describeStaffAdminContract(current: () => Store): void {
  describe('staff administration', () => {
    it('keeps queues per tenant and the platform admin flag, and lists a tenant’s staff by username', async () => {
      const store = current();
      const worker = user('u1', 'ostersund.zelda', { tenantRoles: { ostersund: ['caseworker'] }, queues: { ostersund: ['va', 'avfall'] } });
      const onlyQueues = user('u2', 'ostersund.anna', { queues: { ostersund: ['va'] } });
      const other = user('u3', 'are.bo', { tenantRoles: { are: ['admin'] } });
      const platform = user('u4', 'plattform.admin', { platformAdmin: true });
      for (const u of [worker, onlyQueues, other, platform]) await store.putStaffUser(u);
      expect(await store.getStaffUser('u1')).toEqual(worker);
      expect(await store.findStaffUserByUsername('plattform.admin')).toEqual(platform);
      expect((await store.listStaffUsers('ostersund')).map((u) => u.username)).toEqual(['ostersund.anna', 'ostersund.zelda']);
      expect(await store.listStaffUsers('krokom')).toEqual([]);
      expect(await store.listPlatformAdmins()).toEqual([platform]);
    });

    it('drops queues and the platform flag when a user is put again without them', async () => {
      const store = current();
      await store.putStaffUser(user('u1', 'x', { platformAdmin: true, queues: { ostersund: ['va'] } }));
      await store.putStaffUser(user('u1', 'x'));
      expect(await store.getStaffUser('u1')).toEqual(user('u1', 'x'));
      expect(await store.listPlatformAdmins()).toEqual([]);
    });
  });

  describe('API key administration', () => {
    it('lists a tenant’s keys oldest first with their prefix and queues, and gets one by id', async () => {
      const store = current();
      const limited = key('bb', { prefix: 'sk_ab12', queues: ['va'] });
      const all = key('a', { prefix: 'sk_cd34' });
      await store.putApiKey('ostersund', limited);
      await store.putApiKey('ostersund', all);
      await store.putApiKey('are', key('ccc'));
      expect(await store.listApiKeys('ostersund')).toEqual([all, limited]);
      expect(await store.getApiKey('ostersund', 'bb')).toEqual(limited);
      expect(await store.getApiKey('are', 'bb')).toBeNull();
    });

    it('rotates a key by putting a new hash under the same id: the old hash finds nothing', async () => {
      const store = current();
      await store.putApiKey('ostersund', key('a'));
      await store.putApiKey('ostersund', key('a', { hash: 'hash-new' }));
      expect(await store.findApiKeyByHash('ostersund', 'hash-a')).toBeNull();
      expect(await store.findApiKeyByHash('ostersund', 'hash-new')).toMatchObject({ id: 'a' });
    });

    it('records the last use, and revoking deletes only that tenant’s key', async () => {
      const store = current();
      await store.putApiKey('ostersund', key('a'));
      await store.putApiKey('are', key('a'));
      await store.touchApiKey('ostersund', 'a', '2025-06-01T10:00:00.000Z');
      expect((await store.getApiKey('ostersund', 'a'))?.lastUsedAt).toBe('2025-06-01T10:00:00.000Z');
      expect((await store.getApiKey('are', 'a'))?.lastUsedAt ?? null).toBeNull();
      expect(await store.deleteApiKey('ostersund', 'a')).toBe(true);
      expect(await store.deleteApiKey('ostersund', 'a')).toBe(false);
      expect(await store.findApiKeyByHash('ostersund', 'hash-a')).toBeNull();
      expect(await store.getApiKey('are', 'a')).not.toBeNull();
      await store.touchApiKey('ostersund', 'a', '2025-06-01T11:00:00.000Z');
      expect(await store.getApiKey('ostersund', 'a')).toBeNull();
    });
  });

  describe('one queue item', () => {
    it('is found by tenant, queue and id only', async () => {
      const store = current();
      const submission = {
        id: 'f3b5c1de-0000-4000-8000-000000000001', reference: 'AB12-CD34', serviceOwner: 'ostersund', serviceId: 'felanmalan', version: 1,
        receivedAt: '2025-06-01T10:00:00.000Z', queue: 'va', locale: 'sv', data: { text: 'läcka' },
      };
      await store.acceptSubmission('ostersund', submission);
      expect(await store.getQueueItem('ostersund', 'va', submission.id)).toMatchObject({ id: submission.id, reference: 'AB12-CD34', status: 'pending', data: { text: 'läcka' } });
      expect(await store.getQueueItem('ostersund', 'avfall', submission.id)).toBeNull();
      expect(await store.getQueueItem('are', 'va', submission.id)).toBeNull();
    });
  });

  describe('audit log', () => {
    it('lists a tenant’s entries newest first, whole, and never another tenant’s', async () => {
      const store = current();
      const first = entry('2025-06-01T10:00:00.000Z', 'login', { ip: '192.0.2.0', detail: { roles: ['admin'] } });
      const second = entry('2025-06-01T10:01:00.000Z', 'queue-item-read', { target: 'va/123', actor: { kind: 'api-key', keyId: 'k1', tenant: 'ostersund' } });
      const a = await store.appendAudit('ostersund', first);
      const b = await store.appendAudit('ostersund', second);
      await store.appendAudit('are', entry('2025-06-01T10:02:00.000Z', 'login'));
      expect(a).toEqual({ ...first, id: a.id });
      expect(await store.listAudit('ostersund')).toEqual([b, a]);
      expect(await store.listAudit('krokom')).toEqual([]);
    });

    it('pages with `before` and `limit`, and filters by kind', async () => {
      const store = current();
      const stored = [];
      for (let i = 0; i < 7; i++) {
        stored.push(await store.appendAudit('ostersund', entry(`2025-06-01T10:0${i}:00.000Z`, i % 2 === 0 ? 'login' : 'login-failed')));
      }
      const newest = [...stored].reverse();
      const page1 = await store.listAudit('ostersund', { limit: 3 });
      expect(page1).toEqual(newest.slice(0, 3));
      const page2 = await store.listAudit('ostersund', { limit: 3, before: page1.at(-1)!.id });
      expect(page2).toEqual(newest.slice(3, 6));
      const page3 = await store.listAudit('ostersund', { limit: 3, before: page2.at(-1)!.id });
      expect(page3).toEqual(newest.slice(6));
      expect((await store.listAudit('ostersund', { kind: 'login-failed' })).map((e) => e.at)).toEqual([
        '2025-06-01T10:05:00.000Z',
        '2025-06-01T10:03:00.000Z',
        '2025-06-01T10:01:00.000Z',
      ]);
    });

    it('keeps the platform log apart from every tenant', async () => {
      const store = current();
      await store.appendAudit(PLATFORM_LOG, entry('2025-06-01T10:00:00.000Z', 'login-failed', { actor: { kind: 'anonymous', username: 'nobody' } }));
      expect(await store.listAudit('ostersund')).toEqual([]);
      expect(await store.listAudit(PLATFORM_LOG)).toMatchObject([{ kind: 'login-failed', actor: { kind: 'anonymous', username: 'nobody' } }]);
    });
  });
}
