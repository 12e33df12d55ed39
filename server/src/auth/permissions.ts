import { AppError, NotFoundError } from '@samform/model';
import type { StaffRole } from '@samform/store';
import type { Actor } from './actor.ts';

/** What an endpoint needs. Every staff or machine endpoint names exactly one. */
export type Permission =
  | 'queues:read'
  | 'queues:work'
  | 'queues:configure'
  | 'cases:read'
  | 'cases:work'
  | 'services:design'
  | 'adoptions:manage'
  | 'staff:manage'
  | 'api-keys:manage'
  | 'audit:read'
  | 'tenants:manage';

/** Who holds a permission. */
export interface PermissionRule {
  /** Tenant roles that grant it. */
  roles: readonly StaffRole[];
  /** The tenant's API key (its integration) holds it too. */
  apiKey: boolean;
  /** Granted by the platform administrator flag instead of a tenant role (not tenant-bound). */
  platform: boolean;
  /** Queue-bound: the caseworker role and a limited key reach only their own queues. */
  perQueue: boolean;
  /** Who may, for the 401/403 messages. */
  who: string;
}

/**
 * The one table of who may do what. Routes and services ask `authorize`; the role-matrix test
 * derives every expected status from this table, so changing a right here changes the test.
 */
export const PERMISSIONS: Readonly<Record<Permission, PermissionRule>> = {
  'queues:read': { roles: ['admin', 'caseworker', 'auditor'], apiKey: true, platform: false, perQueue: true, who: 'administrators, case workers of the queue, auditors and the tenant’s API keys' },
  'queues:work': { roles: ['admin', 'caseworker'], apiKey: true, platform: false, perQueue: true, who: 'administrators, case workers of the queue and the tenant’s API keys' },
  'queues:configure': { roles: ['admin'], apiKey: false, platform: false, perQueue: false, who: 'administrators' },
  // Cases are worked by people (every change is a person's act), in the queues given to them.
  'cases:read': { roles: ['admin', 'caseworker'], apiKey: false, platform: false, perQueue: true, who: 'administrators and case workers of the queue' },
  'cases:work': { roles: ['admin', 'caseworker'], apiKey: false, platform: false, perQueue: true, who: 'administrators and case workers of the queue' },
  'services:design': { roles: ['admin', 'designer'], apiKey: false, platform: false, perQueue: false, who: 'designers and administrators' },
  'adoptions:manage': { roles: ['admin'], apiKey: false, platform: false, perQueue: false, who: 'administrators' },
  'staff:manage': { roles: ['admin'], apiKey: false, platform: false, perQueue: false, who: 'administrators' },
  'api-keys:manage': { roles: ['admin'], apiKey: false, platform: false, perQueue: false, who: 'administrators' },
  'audit:read': { roles: ['admin', 'auditor'], apiKey: false, platform: false, perQueue: false, who: 'auditors and administrators' },
  'tenants:manage': { roles: [], apiKey: false, platform: true, perQueue: false, who: 'platform administrators' },
};

/** A staff member or key that passed `authorize`. */
export type AuthorizedActor = Exclude<Actor, { kind: 'anonymous' }>;

/**
 * Thrown for a caller who belongs to another tenant (or to none): answered 404 exactly like a
 * missing object, but the routes record the attempt in the addressed tenant's audit log.
 */
export class CrossTenantError extends NotFoundError {
  constructor(
    code: string,
    readonly tenant: string,
    readonly actor: AuthorizedActor,
  ) {
    super(code, code === 'queue-not-found' ? 'There is no such queue.' : 'No such API endpoint.');
  }
}

function forbidden(rule: PermissionRule): AppError {
  return new AppError('forbidden', 403, `Only ${rule.who} may do this.`);
}

/** The tenant roles of `actor` that grant `permission`. */
export function grantingRoles(actor: Actor, tenant: string, permission: Permission): StaffRole[] {
  if (actor.kind !== 'staff') return [];
  return (actor.tenantRoles[tenant] ?? []).filter((role) => PERMISSIONS[permission].roles.includes(role));
}

/**
 * The queues of `tenant` the actor may reach under a queue permission: null for all of them
 * (administrators, auditors, unlimited keys), else the list (case workers, limited keys).
 */
export function queueScope(actor: Actor, tenant: string, permission: Permission): readonly string[] | null {
  if (!PERMISSIONS[permission].perQueue) return null;
  if (actor.kind === 'api-key') return actor.queues ?? null;
  if (actor.kind !== 'staff') return [];
  const roles = grantingRoles(actor, tenant, permission);
  if (roles.some((role) => role !== 'caseworker')) return null;
  return actor.queues[tenant] ?? [];
}

/**
 * May the actor do `permission` in `tenant` (and on `queue`, for queue permissions)? No
 * credentials: 401. Staff or a key of another tenant: CrossTenantError (404), so another
 * tenant's things cannot even be probed. Within the tenant, no granting role, an API key on a
 * staff-only permission, or a queue not given to the case worker or key: 403.
 */
export function authorize(actor: Actor, tenant: string | null, permission: Permission, options: { queue?: string; notFoundCode?: string } = {}): AuthorizedActor {
  const rule = PERMISSIONS[permission];
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 401, `Sign in (${rule.who}).`);
  if (rule.platform) {
    if (actor.kind === 'staff' && actor.platformAdmin) return actor;
    throw forbidden(rule);
  }
  if (tenant === null) throw new Error(`permission ${permission} needs a tenant`);
  const notFoundCode = options.notFoundCode ?? 'not-found';
  if (actor.kind === 'api-key') {
    if (actor.tenant !== tenant) throw new CrossTenantError(notFoundCode, tenant, actor);
    if (!rule.apiKey) throw new AppError('staff-only', 403, `This needs a staff sign-in; API keys cannot use it (${rule.who}).`);
  } else {
    if ((actor.tenantRoles[tenant] ?? []).length === 0) throw new CrossTenantError(notFoundCode, tenant, actor);
    if (grantingRoles(actor, tenant, permission).length === 0) throw forbidden(rule);
  }
  if (options.queue !== undefined) {
    const scope = queueScope(actor, tenant, permission);
    if (scope !== null && !scope.includes(options.queue)) throw new AppError('queue-not-assigned', 403, 'This queue is not one of yours.');
  }
  return actor;
}

/** The staff member behind `authorize`, for staff-only permissions. */
export function authorizeStaff(actor: Actor, tenant: string | null, permission: Permission, options: { queue?: string; notFoundCode?: string } = {}): Extract<Actor, { kind: 'staff' }> {
  const authorized = authorize(actor, tenant, permission, options);
  if (authorized.kind !== 'staff') throw new Error(`permission ${permission} must not admit API keys here`);
  return authorized;
}
