import { describe, expect, it } from 'vitest';
import type { StaffRole } from '@samform/store';
import type { Actor } from './actor.ts';
import { CrossTenantError, PERMISSIONS, authorize, queueScope } from './permissions.ts';

const staff = (roles: { [tenant: string]: StaffRole[] }, queues: { [t: string]: string[] } = {}, platformAdmin = false): Actor => ({
  kind: 'staff',
  userId: 'u',
  username: 'u',
  tenantRoles: roles,
  queues,
  platformAdmin,
});

describe('the permission table', () => {
  it('grants what issue 6 asks, and nothing more', () => {
    const table = Object.fromEntries(Object.entries(PERMISSIONS).map(([name, rule]) => [name, { roles: [...rule.roles].sort(), apiKey: rule.apiKey, platform: rule.platform, perQueue: rule.perQueue }]));
    expect(table).toEqual({
      'queues:read': { roles: ['admin', 'auditor', 'caseworker'], apiKey: true, platform: false, perQueue: true },
      'queues:work': { roles: ['admin', 'caseworker'], apiKey: true, platform: false, perQueue: true },
      'queues:configure': { roles: ['admin'], apiKey: false, platform: false, perQueue: false },
      'cases:read': { roles: ['admin', 'caseworker'], apiKey: false, platform: false, perQueue: true },
      'cases:work': { roles: ['admin', 'caseworker'], apiKey: false, platform: false, perQueue: true },
      'services:design': { roles: ['admin', 'designer'], apiKey: false, platform: false, perQueue: false },
      'adoptions:manage': { roles: ['admin'], apiKey: false, platform: false, perQueue: false },
      'staff:manage': { roles: ['admin'], apiKey: false, platform: false, perQueue: false },
      'api-keys:manage': { roles: ['admin'], apiKey: false, platform: false, perQueue: false },
      'audit:read': { roles: ['admin', 'auditor'], apiKey: false, platform: false, perQueue: false },
      'tenants:manage': { roles: [], apiKey: false, platform: true, perQueue: false },
    });
  });
});

describe('authorize', () => {
  it('when a case worker asks for a queue not given to them, then 403; their own queue passes', () => {
    const worker = staff({ ostersund: ['caseworker'] }, { ostersund: ['va'] });
    expect(() => authorize(worker, 'ostersund', 'queues:work', { queue: 'avfall' })).toThrow(expect.objectContaining({ status: 403, code: 'queue-not-assigned' }));
    expect(authorize(worker, 'ostersund', 'queues:work', { queue: 'va' })).toBe(worker);
  });

  it('when someone of another tenant asks, then a CrossTenantError (404) naming the addressed tenant', () => {
    let error: unknown;
    try {
      authorize({ kind: 'api-key', tenant: 'ostersund', keyId: 'k' }, 'are', 'queues:read', { notFoundCode: 'queue-not-found' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CrossTenantError);
    expect(error).toMatchObject({ status: 404, code: 'queue-not-found', tenant: 'are' });
  });

  it('when a platform admin asks inside a tenant, then 404; over tenants, allowed', () => {
    const platform = staff({}, {}, true);
    expect(() => authorize(platform, 'ostersund', 'audit:read')).toThrow(CrossTenantError);
    expect(authorize(platform, null, 'tenants:manage')).toBe(platform);
    expect(() => authorize(staff({ ostersund: ['admin'] }), null, 'tenants:manage')).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('queueScope', () => {
  it('gives admins and auditors every queue, case workers and limited keys theirs', () => {
    expect(queueScope(staff({ t: ['admin'] }), 't', 'queues:read')).toBeNull();
    expect(queueScope(staff({ t: ['auditor', 'caseworker'] }, { t: ['va'] }), 't', 'queues:read')).toBeNull();
    expect(queueScope(staff({ t: ['auditor', 'caseworker'] }, { t: ['va'] }), 't', 'queues:work')).toEqual(['va']);
    expect(queueScope(staff({ t: ['caseworker'] }), 't', 'queues:read')).toEqual([]);
    expect(queueScope({ kind: 'api-key', tenant: 't', keyId: 'k', queues: ['avfall'] }, 't', 'queues:read')).toEqual(['avfall']);
  });
});
