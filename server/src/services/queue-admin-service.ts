import { NotFoundError, UnprocessableError } from '@samform/model';
import type { JsonValue, LocalText } from '@samform/model';
import type { Delivery, Queue, QueueItem, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/permissions.ts';
import { checkWebhookTarget } from '../delivery/webhook-target.ts';
import type { ServiceDeps } from './service-deps.ts';

/** A queue as an admin sees it: the webhook secret is never shown, only that it is set. */
export type QueueView = Omit<Queue, 'delivery'> & { delivery: Exclude<Delivery, { kind: 'webhook' }> | { kind: 'webhook'; url: string; secret: 'set' } };

type Problem = { path: string; keyword: string; message: string };

const QUEUE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** Queue settings and dead letters are the tenant admin's (`queues:configure`); keys are refused. */
export function authorizeQueueAdmin(actor: Actor, tenant: string): void {
  authorize(actor, tenant, 'queues:configure', { notFoundCode: 'queue-not-found' });
}

/** The view of a queue without its secret. */
export function queueView(queue: Queue): QueueView {
  const { delivery } = queue;
  return { id: queue.id, name: queue.name, delivery: delivery.kind === 'webhook' ? { kind: 'webhook', url: delivery.url, secret: 'set' } : delivery };
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseName(value: unknown, problems: Problem[]): LocalText | undefined {
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 200) return { sv: value.trim() };
  if (isObject(value) && typeof value.sv === 'string' && value.sv.trim() !== '') {
    const name: LocalText = { sv: value.sv.trim() };
    for (const [locale, text] of Object.entries(value)) {
      if (!/^[a-z]{2,3}$/.test(locale) || typeof text !== 'string' || text.length > 200) {
        problems.push({ path: `/name/${locale}`, keyword: 'type', message: 'Each name must be a text of at most 200 characters under a language code.' });
      } else if (locale !== 'sv') name[locale] = text;
    }
    return name;
  }
  problems.push({ path: '/name', keyword: 'required', message: 'name must be a text, or {"sv": "…", "en": "…"}.' });
  return undefined;
}

async function parseDelivery(value: unknown, allowPrivate: boolean, keptSecret: string | undefined, problems: Problem[]): Promise<Delivery | undefined> {
  if (!isObject(value)) {
    problems.push({ path: '/delivery', keyword: 'required', message: 'delivery must be {"kind": "pull"}, {"kind": "webhook", "url", "secret"} or {"kind": "email", "to"}.' });
    return undefined;
  }
  const extra = (allowed: string[]): void => {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) problems.push({ path: `/delivery/${key}`, keyword: 'additionalProperties', message: `delivery of kind "${String(value.kind)}" has no "${key.slice(0, 40)}".` });
  };
  switch (value.kind) {
    case 'pull':
      extra(['kind']);
      return { kind: 'pull' };
    case 'webhook': {
      extra(['kind', 'url', 'secret']);
      // No secret given: the webhook keeps the one it has (the admin never sees it to send it back).
      const { url, secret = keptSecret } = value;
      if (typeof url !== 'string' || url.length > 2000) problems.push({ path: '/delivery/url', keyword: 'type', message: 'url must be an https URL of at most 2000 characters.' });
      else {
        const problem = await checkWebhookTarget(url, allowPrivate);
        if (problem) problems.push({ path: '/delivery/url', keyword: problem.code, message: problem.message });
      }
      if (typeof secret !== 'string' || secret.length < 16 || secret.length > 200) {
        problems.push(
          secret === undefined
            ? { path: '/delivery/secret', keyword: 'required', message: 'secret is required for a new webhook: a text of 16 to 200 characters.' }
            : { path: '/delivery/secret', keyword: 'minLength', message: 'secret must be a text of 16 to 200 characters.' },
        );
      }
      return typeof url === 'string' && typeof secret === 'string' ? { kind: 'webhook', url, secret } : undefined;
    }
    case 'email': {
      extra(['kind', 'to']);
      if (typeof value.to !== 'string' || value.to.length > 254 || !EMAIL.test(value.to)) {
        problems.push({ path: '/delivery/to', keyword: 'format', message: 'to must be one e-mail address.' });
        return undefined;
      }
      return { kind: 'email', to: value.to };
    }
    default:
      problems.push({ path: '/delivery/kind', keyword: 'enum', message: 'kind must be "pull", "webhook" or "email".' });
      return undefined;
  }
}

/**
 * Create or change a queue and how its cases are delivered (tenant admin). 422 with JSON
 * pointers for a bad body; webhook targets are checked (https, public unless allowed). A webhook
 * without `secret` keeps the queue's current secret; a new webhook must have one.
 */
export async function putQueueConfig(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; queueId: string; body: unknown; allowPrivateWebhooks: boolean },
): Promise<QueueView> {
  authorizeQueueAdmin(actor, input.tenant.id);
  if (!QUEUE_ID.test(input.queueId)) throw new NotFoundError('queue-not-found', 'There is no such queue.');
  const problems: Problem[] = [];
  if (!isObject(input.body)) throw new UnprocessableError('invalid-queue', 'The queue is not valid.', [{ path: '', keyword: 'type', message: 'The body must be a JSON object.' }]);
  for (const key of Object.keys(input.body)) {
    if (key !== 'name' && key !== 'delivery') problems.push({ path: `/${key.slice(0, 40)}`, keyword: 'additionalProperties', message: 'Only "name" and "delivery" may be given.' });
  }
  const name = parseName(input.body.name, problems);
  const existing = await deps.store.getQueue(input.tenant.id, input.queueId);
  const keptSecret = existing?.delivery.kind === 'webhook' ? existing.delivery.secret : undefined;
  const delivery = await parseDelivery(input.body.delivery, input.allowPrivateWebhooks, keptSecret, problems);
  if (problems.length > 0 || name === undefined || delivery === undefined) throw new UnprocessableError('invalid-queue', 'The queue is not valid.', problems);
  const queue: Queue = { id: input.queueId, name, delivery };
  const before = await deps.store.getQueue(input.tenant.id, input.queueId);
  await deps.store.putQueue(input.tenant.id, queue);
  deps.log.info({ tenant: input.tenant.id, queue: queue.id, delivery: delivery.kind }, 'queue delivery configured');
  // The view, never the secret: the log says only that a webhook has one and whether it changed.
  const view = queueView(queue);
  await deps.audit(input.tenant.id, actor, {
    kind: before === null ? 'queue-created' : 'queue-configured',
    target: queue.id,
    detail: {
      delivery: deliveryDetail(view.delivery),
      ...(before === null ? {} : { previous: deliveryDetail(queueView(before).delivery) }),
      ...(delivery.kind === 'webhook' ? { secretChanged: before?.delivery.kind !== 'webhook' || before.delivery.secret !== delivery.secret } : {}),
    },
  });
  return view;
}

// A delivery as the audit log keeps it: where cases go, and never a webhook's secret.
function deliveryDetail(delivery: QueueView['delivery']): { [key: string]: JsonValue } {
  switch (delivery.kind) {
    case 'pull':
      return { kind: 'pull' };
    case 'webhook':
      return { kind: 'webhook', url: delivery.url };
    case 'email':
      return { kind: 'email', to: delivery.to };
  }
}

/** One queue with its delivery (secret hidden); the tenant admin's. */
export async function getQueueConfig(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; queueId: string }): Promise<QueueView> {
  authorizeQueueAdmin(actor, input.tenant.id);
  const queue = await deps.store.getQueue(input.tenant.id, input.queueId);
  if (queue === null) throw new NotFoundError('queue-not-found', 'There is no such queue.');
  return queueView(queue);
}

/** A dead-lettered item back to pending (tenant admin). */
export async function redriveQueueItem(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; queueId: string; itemId: string }): Promise<QueueItem> {
  authorizeQueueAdmin(actor, input.tenant.id);
  await getQueueConfig(deps, actor, input);
  const item = await deps.store.redriveQueueItem(input.tenant.id, input.queueId, input.itemId);
  deps.log.info({ tenant: input.tenant.id, queue: input.queueId, item: item.id }, 'queue item redriven');
  await deps.audit(input.tenant.id, actor, { kind: 'queue-item-redriven', target: `${input.queueId}/${item.id}`, detail: { reference: item.reference } });
  return item;
}

/** Every dead-lettered item of the queue back to pending (tenant admin); how many. */
export async function redriveDeadQueueItems(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; queueId: string }): Promise<number> {
  authorizeQueueAdmin(actor, input.tenant.id);
  await getQueueConfig(deps, actor, input);
  const count = await deps.store.redriveDeadQueueItems(input.tenant.id, input.queueId);
  deps.log.info({ tenant: input.tenant.id, queue: input.queueId, count }, 'dead queue items redriven');
  await deps.audit(input.tenant.id, actor, { kind: 'queue-redriven', target: input.queueId, detail: { count } });
  return count;
}
