import type { Actor } from '../auth/actor.ts';
import { authorizeStaff, queueScope } from '../auth/permissions.ts';
import type { StaffActor } from './authorize-design.ts';

/** Reading cases, or changing them (claim, status, notes, messages). */
export type CaseAccess = 'read' | 'work';

const PERMISSION = { read: 'cases:read', work: 'cases:work' } as const;

/**
 * May the actor see or work the tenant's cases, in `queue` when given? Decided by the one
 * permission table (`cases:read` / `cases:work`): no credentials 401; someone else's staff or
 * key 404, so another tenant's cases cannot be probed; API keys 403, since working a case is a
 * person's act; own staff without a case role, or a case worker asking for a queue not given to
 * them, 403.
 */
export function authorizeCaseWork(actor: Actor, tenant: string, access: CaseAccess, queue?: string): StaffActor {
  return authorizeStaff(actor, tenant, PERMISSION[access], queue === undefined ? {} : { queue });
}

/** The queues whose cases the actor may see: null for all (administrators), else the case worker's own. */
export function caseQueueScope(actor: Actor, tenant: string): readonly string[] | null {
  return queueScope(actor, tenant, PERMISSION.read);
}
