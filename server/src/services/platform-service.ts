import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@samform/model';
import type { Queue, StaffUser, Tenant } from '@samform/store';
import { PLATFORM_LOG } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { authorizeStaff } from '../auth/permissions.ts';
import { BodyReader } from './staff-input.ts';
import type { StaffDeps } from './staff-service.ts';
import { newInitialPassword } from './staff-service.ts';
import type { ServiceDeps } from './service-deps.ts';

const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * A new municipality's first queue: an adoption must route to a queue of the municipality's own,
 * and queues are configured, not created, in the staff pages; cases are pulled over the API
 * until its administrator sets a webhook or e-mail.
 */
export const FIRST_QUEUE: Queue = { id: 'arenden', name: { sv: 'Ärenden', en: 'Cases' }, delivery: { kind: 'pull' } };

/** Every tenant, for the platform administrators. */
export async function listPlatformTenants(deps: ServiceDeps, actor: Actor): Promise<Tenant[]> {
  authorizeStaff(actor, null, 'tenants:manage');
  return deps.store.listTenants();
}

/** Create a municipality or a collaboration; ConflictError `tenant-exists` when the id is taken. */
export async function createTenant(deps: ServiceDeps, actor: Actor, input: { body: { [key: string]: unknown } }): Promise<Tenant> {
  const admin = authorizeStaff(actor, null, 'tenants:manage');
  const read = new BodyReader(input.body, ['id', 'name', 'kind', 'memberOf']);
  const { id, kind, memberOf } = input.body;
  if (typeof id !== 'string' || !TENANT_ID.test(id)) read.problems.push({ path: '/id', keyword: 'pattern', message: '2–63 characters: lower-case letters, digits and dashes' });
  const name = read.text('name', 200);
  if (kind !== 'municipality' && kind !== 'collaboration') read.problems.push({ path: '/kind', keyword: 'enum', message: 'municipality or collaboration' });
  const tenants = await deps.store.listTenants();
  const collaborations = tenants.filter((t) => t.kind === 'collaboration').map((t) => t.id);
  const members: string[] = [];
  if (memberOf !== undefined) {
    if (!Array.isArray(memberOf) || kind === 'collaboration') read.problems.push({ path: '/memberOf', keyword: 'type', message: 'a list of collaborations, for a municipality only' });
    else {
      memberOf.forEach((item: unknown, i) => {
        if (typeof item !== 'string' || !collaborations.includes(item)) read.problems.push({ path: `/memberOf/${i}`, keyword: 'enum', message: 'an existing collaboration' });
        else if (!members.includes(item)) members.push(item);
      });
    }
  }
  read.done('invalid-tenant', 'tenant');
  const tenant: Tenant = { id: id as string, name: name!, kind: kind as Tenant['kind'], memberOf: members };
  if (tenants.some((t) => t.id === tenant.id)) throw new ConflictError('tenant-exists', `There is a tenant "${tenant.id}" already.`);
  await deps.store.putTenant(tenant);
  if (tenant.kind === 'municipality') await deps.store.putQueue(tenant.id, FIRST_QUEUE);
  await deps.audit(PLATFORM_LOG, admin, { kind: 'tenant-created', target: tenant.id, detail: { kind: tenant.kind } });
  await deps.audit(tenant.id, admin, { kind: 'tenant-created', target: tenant.id });
  return tenant;
}

/**
 * Appoint a tenant's administrator: an existing account (by username) gets the admin role
 * there; otherwise an account is created, with `initialPassword` returned once.
 */
export async function appointTenantAdmin(
  deps: StaffDeps,
  actor: Actor,
  input: { tenantId: string; body: { [key: string]: unknown } },
): Promise<{ id: string; username: string; created: boolean; initialPassword?: string }> {
  const admin = authorizeStaff(actor, null, 'tenants:manage');
  const tenant = await deps.store.getTenant(input.tenantId);
  if (tenant === null) throw new NotFoundError('tenant-not-found', 'There is no such tenant.');
  const read = new BodyReader(input.body, ['username', 'displayName']);
  const username = read.username('username');
  const existing = username === undefined ? null : await deps.store.findStaffUserByUsername(username);
  const displayName = existing === null ? read.text('displayName', 200) : undefined;
  read.done('invalid-admin', 'appointment');
  let user: StaffUser;
  let initialPassword: string | undefined;
  if (existing !== null) {
    const roles = existing.tenantRoles[tenant.id] ?? [];
    user = { ...existing, tenantRoles: { ...existing.tenantRoles, [tenant.id]: roles.includes('admin') ? roles : [...roles, 'admin'] } };
  } else {
    initialPassword = newInitialPassword();
    user = {
      id: randomUUID(),
      username: username!,
      displayName: displayName!,
      passwordHash: await hashPassword(initialPassword, deps.passwordCost),
      tenantRoles: { [tenant.id]: ['admin'] },
      disabled: false,
      demo: false,
    };
  }
  await deps.store.putStaffUser(user);
  for (const log of [PLATFORM_LOG, tenant.id]) await deps.audit(log, admin, { kind: 'tenant-admin-appointed', target: user.username, detail: { tenant: tenant.id } });
  return { id: user.id, username: user.username, created: existing === null, ...(initialPassword === undefined ? {} : { initialPassword }) };
}
