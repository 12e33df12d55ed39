import { randomBytes, randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@samform/model';
import type { StaffRole, StaffUser, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/password-hash.ts';
import type { ScryptCost } from '../auth/password-hash.ts';
import { authorizeStaff } from '../auth/permissions.ts';
import { BodyReader } from './staff-input.ts';
import type { ServiceDeps } from './service-deps.ts';

/** A staff account as a tenant's administrators see it: only that tenant's part of it. */
export interface StaffView {
  id: string;
  username: string;
  displayName: string;
  roles: StaffRole[];
  /** The queues the caseworker role reaches in this tenant. */
  queues: string[];
  disabled: boolean;
  demo: boolean;
}

/** What staff administration needs besides the usual: the password hash cost (tests make it cheap). */
export type StaffDeps = ServiceDeps & { passwordCost?: ScryptCost };

/** A new random password, shown once: 18 random bytes as 24 base64url characters. */
export function newInitialPassword(): string {
  return randomBytes(18).toString('base64url');
}

function viewOf(user: StaffUser, tenant: string): StaffView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.tenantRoles[tenant] ?? [],
    queues: user.queues?.[tenant] ?? [],
    disabled: user.disabled,
    demo: user.demo,
  };
}

function staffNotFound(): NotFoundError {
  return new NotFoundError('staff-not-found', 'The tenant has no such staff account.');
}

/** The user, when it belongs to the tenant (a role or a queue there); another tenant's user is not found. */
async function tenantUser(deps: ServiceDeps, tenant: string, id: string): Promise<StaffUser> {
  const user = id.length <= 100 ? await deps.store.getStaffUser(id) : null;
  if (user === null || (user.tenantRoles[tenant] === undefined && user.queues?.[tenant] === undefined)) throw staffNotFound();
  return user;
}

async function queueIds(deps: ServiceDeps, tenant: string): Promise<string[]> {
  return (await deps.store.listQueues(tenant)).map((q) => q.id);
}

/** Give `user` exactly `roles` and `queues` in `tenant`; empty lists remove the tenant from the account. */
function withTenantPart(user: StaffUser, tenant: string, roles: StaffRole[], queues: string[]): StaffUser {
  const tenantRoles = { ...user.tenantRoles };
  const allQueues = { ...user.queues };
  if (roles.length > 0) tenantRoles[tenant] = roles;
  else delete tenantRoles[tenant];
  if (queues.length > 0) allQueues[tenant] = queues;
  else delete allQueues[tenant];
  const { queues: _old, ...rest } = user;
  return { ...rest, tenantRoles, ...(Object.keys(allQueues).length === 0 ? {} : { queues: allQueues }) };
}

/** The tenant's staff, sorted by username. */
export async function listStaff(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant }): Promise<StaffView[]> {
  authorizeStaff(actor, input.tenant.id, 'staff:manage');
  return (await deps.store.listStaffUsers(input.tenant.id)).map((user) => viewOf(user, input.tenant.id));
}

/**
 * Create an account in the tenant. Without a password one is made and returned once as
 * `initialPassword`; a password the administrator sets has at least 12 characters.
 */
export async function createStaff(
  deps: StaffDeps,
  actor: Actor,
  input: { tenant: Tenant; body: { [key: string]: unknown } },
): Promise<{ staff: StaffView; initialPassword?: string }> {
  const admin = authorizeStaff(actor, input.tenant.id, 'staff:manage');
  const read = new BodyReader(input.body, ['username', 'displayName', 'roles', 'queues', 'password']);
  const username = read.username('username');
  const displayName = read.text('displayName', 200);
  const roles = read.roles('roles') ?? [];
  const queues = read.has('queues') ? (read.queues('queues', await queueIds(deps, input.tenant.id)) ?? []) : [];
  const password = read.has('password') ? read.password('password') : undefined;
  if (roles.length === 0 && !read.problems.some((p) => p.path.startsWith('/roles'))) read.problems.push({ path: '/roles', keyword: 'minItems', message: 'give at least one role' });
  read.done('invalid-staff', 'account');
  const initialPassword = password === undefined ? newInitialPassword() : undefined;
  const user: StaffUser = {
    id: randomUUID(),
    username: username!,
    displayName: displayName!,
    passwordHash: await hashPassword(password ?? initialPassword!, deps.passwordCost),
    tenantRoles: { [input.tenant.id]: roles },
    ...(queues.length === 0 ? {} : { queues: { [input.tenant.id]: queues } }),
    disabled: false,
    demo: false,
  };
  if ((await deps.store.findStaffUserByUsername(user.username)) !== null) throw new ConflictError('username-taken', `The username "${user.username}" is taken.`);
  await deps.store.putStaffUser(user);
  await deps.audit(input.tenant.id, admin, { kind: 'staff-created', target: user.username, detail: { roles, queues } });
  return { staff: viewOf(user, input.tenant.id), ...(initialPassword === undefined ? {} : { initialPassword }) };
}

/**
 * Change an account's roles and queues in this tenant, its name, or disable / enable it (a
 * disabled account loses its sessions at once). An administrator cannot take away their own
 * admin role nor disable themselves, so a tenant is never locked out by a slip.
 */
export async function updateStaff(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; id: string; body: { [key: string]: unknown } },
): Promise<StaffView> {
  const admin = authorizeStaff(actor, input.tenant.id, 'staff:manage');
  const user = await tenantUser(deps, input.tenant.id, input.id);
  const read = new BodyReader(input.body, ['displayName', 'roles', 'queues', 'disabled']);
  if (Object.keys(input.body).length === 0) read.problems.push({ path: '', keyword: 'minProperties', message: 'send displayName, roles, queues and/or disabled' });
  const roles = read.has('roles') ? read.roles('roles') : user.tenantRoles[input.tenant.id] ?? [];
  const queues = read.has('queues') ? read.queues('queues', await queueIds(deps, input.tenant.id)) : user.queues?.[input.tenant.id] ?? [];
  const displayName = read.has('displayName') ? read.text('displayName', 200) : user.displayName;
  const disabled = read.has('disabled') ? read.boolean('disabled') : user.disabled;
  read.done('invalid-staff', 'change');
  if (user.id === admin.userId && !roles!.includes('admin')) throw new ConflictError('own-admin-role', 'You cannot take away your own admin role; ask another administrator.');
  if (user.id === admin.userId && disabled === true) throw new ConflictError('own-account', 'You cannot disable your own account.');
  const changed: StaffUser = { ...withTenantPart(user, input.tenant.id, roles!, queues!), displayName: displayName!, disabled: disabled! };
  await deps.store.putStaffUser(changed);
  await deps.audit(input.tenant.id, admin, {
    kind: 'staff-changed',
    target: user.username,
    detail: {
      ...(read.has('roles') ? { roles: roles! } : {}),
      ...(read.has('queues') ? { queues: queues! } : {}),
      ...(read.has('disabled') ? { disabled: disabled! } : {}),
      ...(read.has('displayName') ? { displayName: true } : {}),
    },
  });
  return viewOf(changed, input.tenant.id);
}

/** Set a new password (at least 12 characters), or make one that is returned once. */
export async function resetStaffPassword(
  deps: StaffDeps,
  actor: Actor,
  input: { tenant: Tenant; id: string; body: { [key: string]: unknown } },
): Promise<{ initialPassword?: string }> {
  const admin = authorizeStaff(actor, input.tenant.id, 'staff:manage');
  const user = await tenantUser(deps, input.tenant.id, input.id);
  const read = new BodyReader(input.body, ['password']);
  const password = read.has('password') ? read.password('password') : undefined;
  read.done('invalid-password', 'password');
  const initialPassword = password === undefined ? newInitialPassword() : undefined;
  await deps.store.putStaffUser({ ...user, passwordHash: await hashPassword(password ?? initialPassword!, deps.passwordCost) });
  await deps.audit(input.tenant.id, admin, { kind: 'staff-password-reset', target: user.username });
  return initialPassword === undefined ? {} : { initialPassword };
}
