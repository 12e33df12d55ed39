import { NotFoundError } from '@samform/model';
import type { Lease, QueueItem, QueueItemStatus, QueueWithCounts, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { authorize, queueScope } from '../auth/permissions.ts';
import type { AuthorizedActor } from '../auth/permissions.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Reading a queue, or taking and finishing its items. */
export type QueueAccess = 'read' | 'work';

/** The default lease: long enough to push a case into a case-management system. */
export const DEFAULT_LEASE_SECONDS = 300;

function notFound(): NotFoundError {
  return new NotFoundError('queue-not-found', 'There is no such queue.');
}

/**
 * May the actor use the tenant's queues (`queues:read` / `queues:work`), and this queue when one
 * is named? No credentials: 401. Someone else's staff or key: 404, so another tenant's queues
 * cannot even be probed. Own staff without a fitting role, a case worker or a limited key
 * asking for a queue not theirs: 403.
 */
export function authorizeQueues(actor: Actor, tenant: string, access: QueueAccess, queue?: string): void {
  authorize(actor, tenant, access === 'read' ? 'queues:read' : 'queues:work', { notFoundCode: 'queue-not-found', ...(queue === undefined ? {} : { queue }) });
}

async function requireQueue(deps: ServiceDeps, tenant: Tenant, queueId: string): Promise<void> {
  if ((await deps.store.getQueue(tenant.id, queueId)) === null) throw notFound();
}

/** The tenant's queues with their item counts per state: the ones the actor may reach. */
export async function listQueues(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant }): Promise<QueueWithCounts[]> {
  authorizeQueues(actor, input.tenant.id, 'read');
  const scope = queueScope(actor, input.tenant.id, 'queues:read');
  const queues = await deps.store.listQueues(input.tenant.id);
  return scope === null ? queues : queues.filter((queue) => scope.includes(queue.id));
}

/** A queue's items, oldest first, optionally of one state; the listing (which shows answers) is audited. */
export async function listQueueItems(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; queueId: string; status?: QueueItemStatus; limit?: number },
): Promise<QueueItem[]> {
  authorizeQueues(actor, input.tenant.id, 'read', input.queueId);
  await requireQueue(deps, input.tenant, input.queueId);
  const items = await deps.store.listQueueItems(input.tenant.id, input.queueId, {
    ...(input.status === undefined ? {} : { status: input.status }),
    ...(input.limit === undefined ? {} : { limit: input.limit }),
  });
  await deps.audit(input.tenant.id, actor as AuthorizedActor, {
    kind: 'queue-items-listed',
    target: input.queueId,
    detail: { count: items.length, ...(input.status === undefined ? {} : { status: input.status }) },
  });
  return items;
}

/** One item of a queue, by id; its reading is audited. */
export async function getQueueItem(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; queueId: string; itemId: string }): Promise<QueueItem> {
  authorizeQueues(actor, input.tenant.id, 'read', input.queueId);
  await requireQueue(deps, input.tenant, input.queueId);
  const item = await deps.store.getQueueItem(input.tenant.id, input.queueId, input.itemId);
  if (item === null) throw new NotFoundError('queue-item-not-found', 'There is no such item in this queue.');
  await deps.audit(input.tenant.id, actor as AuthorizedActor, { kind: 'queue-item-read', target: `${input.queueId}/${item.id}`, detail: { reference: item.reference } });
  return item;
}

/** Lease the oldest free item, or null when the queue has none; a lease hands out a case, so it is audited. */
export async function leaseQueueItem(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; queueId: string; leaseSeconds?: number }): Promise<Lease | null> {
  authorizeQueues(actor, input.tenant.id, 'work', input.queueId);
  await requireQueue(deps, input.tenant, input.queueId);
  const lease = await deps.store.leaseQueueItem(input.tenant.id, input.queueId, { now: deps.clock(), leaseMs: (input.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000 });
  if (lease !== null) {
    await deps.audit(input.tenant.id, actor as AuthorizedActor, { kind: 'queue-item-leased', target: `${input.queueId}/${lease.item.id}`, detail: { reference: lease.item.reference } });
  }
  return lease;
}

/** Mark a leased item done; 409 when the lease is not the current one. */
export async function ackQueueItem(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; queueId: string; itemId: string; leaseId: string }): Promise<QueueItem> {
  authorizeQueues(actor, input.tenant.id, 'work', input.queueId);
  await requireQueue(deps, input.tenant, input.queueId);
  return deps.store.ackQueueItem(input.tenant.id, input.queueId, input.itemId, input.leaseId, deps.clock());
}

/** Give a leased item back: free again now, or after `delaySeconds`; 409 when the lease is not the current one. */
export async function nackQueueItem(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; queueId: string; itemId: string; leaseId: string; delaySeconds?: number },
): Promise<QueueItem> {
  authorizeQueues(actor, input.tenant.id, 'work', input.queueId);
  await requireQueue(deps, input.tenant, input.queueId);
  return deps.store.nackQueueItem(input.tenant.id, input.queueId, input.itemId, input.leaseId, {
    now: deps.clock(),
    ...(input.delaySeconds === undefined ? {} : { delayMs: input.delaySeconds * 1000 }),
  });
}
