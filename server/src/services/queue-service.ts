import { AppError, NotFoundError } from '@samform/model';
import type { Lease, QueueItem, QueueItemStatus, QueueWithCounts, StaffRole, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Reading a queue, or taking and finishing its items. */
export type QueueAccess = 'read' | 'work';

/** The default lease: long enough to push a case into a case-management system. */
export const DEFAULT_LEASE_SECONDS = 300;

const ROLES: Record<QueueAccess, readonly StaffRole[]> = {
  read: ['admin', 'caseworker', 'auditor'],
  work: ['admin', 'caseworker'],
};

function notFound(): NotFoundError {
  return new NotFoundError('queue-not-found', 'There is no such queue.');
}

/**
 * May the actor use the tenant's queues? No credentials: 401. Someone else's staff or key: 404,
 * so another tenant's queues cannot even be probed. Own staff without a fitting role: 403.
 */
export function authorizeQueues(actor: Actor, tenant: string, access: QueueAccess): void {
  switch (actor.kind) {
    case 'anonymous':
      throw new AppError('unauthenticated', 401, 'Sign in, or send Authorization: Bearer <API key>.');
    case 'api-key':
      if (actor.tenant !== tenant) throw notFound();
      return;
    case 'staff': {
      const roles = actor.tenantRoles[tenant] ?? [];
      if (roles.length === 0) throw notFound();
      if (!roles.some((role) => ROLES[access].includes(role))) throw new AppError('forbidden', 403, 'Your role does not give access to the queues.');
      return;
    }
  }
}

async function requireQueue(deps: ServiceDeps, tenant: Tenant, queueId: string): Promise<void> {
  if ((await deps.store.getQueue(tenant.id, queueId)) === null) throw notFound();
}

/** The tenant's queues with their item counts per state. */
export async function listQueues(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant }): Promise<QueueWithCounts[]> {
  authorizeQueues(actor, input.tenant.id, 'read');
  return deps.store.listQueues(input.tenant.id);
}

/** A queue's items, oldest first, optionally of one state. */
export async function listQueueItems(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; queueId: string; status?: QueueItemStatus; limit?: number },
): Promise<QueueItem[]> {
  authorizeQueues(actor, input.tenant.id, 'read');
  await requireQueue(deps, input.tenant, input.queueId);
  return deps.store.listQueueItems(input.tenant.id, input.queueId, {
    ...(input.status === undefined ? {} : { status: input.status }),
    ...(input.limit === undefined ? {} : { limit: input.limit }),
  });
}

/** Lease the oldest free item, or null when the queue has none. */
export async function leaseQueueItem(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; queueId: string; leaseSeconds?: number }): Promise<Lease | null> {
  authorizeQueues(actor, input.tenant.id, 'work');
  await requireQueue(deps, input.tenant, input.queueId);
  return deps.store.leaseQueueItem(input.tenant.id, input.queueId, { now: deps.clock(), leaseMs: (input.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000 });
}

/** Mark a leased item done; 409 when the lease is not the current one. */
export async function ackQueueItem(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; queueId: string; itemId: string; leaseId: string }): Promise<QueueItem> {
  authorizeQueues(actor, input.tenant.id, 'work');
  await requireQueue(deps, input.tenant, input.queueId);
  return deps.store.ackQueueItem(input.tenant.id, input.queueId, input.itemId, input.leaseId, deps.clock());
}

/** Give a leased item back: free again now, or after `delaySeconds`; 409 when the lease is not the current one. */
export async function nackQueueItem(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; queueId: string; itemId: string; leaseId: string; delaySeconds?: number },
): Promise<QueueItem> {
  authorizeQueues(actor, input.tenant.id, 'work');
  await requireQueue(deps, input.tenant, input.queueId);
  return deps.store.nackQueueItem(input.tenant.id, input.queueId, input.itemId, input.leaseId, {
    now: deps.clock(),
    ...(input.delaySeconds === undefined ? {} : { delayMs: input.delaySeconds * 1000 }),
  });
}
