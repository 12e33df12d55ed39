import type { LocalText } from '@samform/model';
import { call } from '../staff-api.ts';

/** Delivery states of a queue's items. */
export type DeliveryState = 'pending' | 'leased' | 'acked' | 'dead';

/** How a queue delivers, as the server shows it: a webhook's secret only as "set". */
export type DeliveryView = { kind: 'pull' } | { kind: 'webhook'; url: string; secret: 'set' } | { kind: 'email'; to: string };

/** What the settings form sends; a webhook without `secret` keeps the current one. */
export type DeliveryInput = { kind: 'pull' } | { kind: 'webhook'; url: string; secret?: string } | { kind: 'email'; to: string };

/** A queue with its item counts per delivery state. */
export interface QueueCounts {
  id: string;
  name: LocalText;
  counts: Record<DeliveryState, number>;
}

/** A queue's settings. */
export interface QueueSettings {
  id: string;
  name: LocalText;
  delivery: DeliveryView;
}

/** A dead-lettered item as the list shows it. */
export interface DeadItem {
  id: string;
  reference: string;
  service: string;
  receivedAt: string;
  attempts: number;
  lastError?: string;
}

/** An e-service of the tenant, to title its items. */
export interface ServiceTitle {
  id: string;
  owner: string;
  shared: boolean;
  title: LocalText;
}

const base = (tenant: string): string => `/api/t/${encodeURIComponent(tenant)}`;
const queuePath = (tenant: string, queue: string): string => `${base(tenant)}/queues/${encodeURIComponent(queue)}`;

/** The queue administration part of the staff API (tenant admins). */
export const queuesApi = {
  list: (tenant: string) => call<QueueCounts[]>('GET', `${base(tenant)}/queues`),
  get: (tenant: string, queue: string) => call<QueueSettings>('GET', queuePath(tenant, queue)),
  put: (tenant: string, queue: string, body: { name: LocalText; delivery: DeliveryInput }) => call<QueueSettings>('PUT', queuePath(tenant, queue), body),
  dead: (tenant: string, queue: string) => call<DeadItem[]>('GET', `${queuePath(tenant, queue)}/items?status=dead&limit=500`),
  redrive: (tenant: string, queue: string, item: string) => call<{ item: DeadItem }>('POST', `${queuePath(tenant, queue)}/items/${encodeURIComponent(item)}/redrive`),
  redriveAll: (tenant: string, queue: string) => call<{ redriven: number }>('POST', `${queuePath(tenant, queue)}/redrive`),
  services: (tenant: string) => call<ServiceTitle[]>('GET', `${base(tenant)}/services`),
};

/** The key an item's `service` has: the id for the tenant's own e-services, `owner/id` for shared ones. */
export function itemServiceKey(tenant: string, service: Pick<ServiceTitle, 'id' | 'owner'>): string {
  return service.owner === tenant ? service.id : `${service.owner}/${service.id}`;
}
