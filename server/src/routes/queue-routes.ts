import { Router } from 'express';
import type { Request } from 'express';
import { AppError } from '@samform/model';
import { QUEUE_ITEM_STATUSES } from '@samform/store';
import type { QueueItem, QueueItemStatus } from '@samform/store';
import { jsonBody } from '../http/json-body.ts';
import { actorOf, tenantOf } from '../http/request-context.ts';
import { ackQueueItem, getQueueItem, leaseQueueItem, listQueueItems, listQueues, nackQueueItem } from '../services/queue-service.ts';
import { getQueueConfig, putQueueConfig, redriveDeadQueueItems, redriveQueueItem } from '../services/queue-admin-service.ts';
import { guard } from './guard.ts';
import { pathParam } from '../http/path-param.ts';
import type { RouteDeps } from './route-deps.ts';

function badRequest(code: string, message: string): AppError {
  return new AppError(code, 400, message);
}

// The simple query parser keeps `status[$ne]=x` a flat key; any key not listed here is refused.
function checkQuery(req: Request, allowed: readonly string[]): void {
  for (const [key, value] of Object.entries(req.query)) {
    if (!allowed.includes(key)) throw badRequest('invalid-query', `Unknown query parameter "${key.slice(0, 40)}".`);
    if (typeof value !== 'string') throw badRequest('invalid-query', `Query parameter "${key}" must be given once.`);
  }
}

function parseStatus(value: unknown): QueueItemStatus | undefined {
  if (value === undefined) return undefined;
  const status = QUEUE_ITEM_STATUSES.find((s) => s === value);
  if (status === undefined) throw badRequest('invalid-status', `status must be one of ${QUEUE_ITEM_STATUSES.join(', ')}.`);
  return status;
}

function parseLimit(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 500) {
    throw badRequest('invalid-limit', 'limit must be a whole number from 1 to 500.');
  }
  return Number(value);
}

function bodyObject(body: unknown): { [key: string]: unknown } {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('invalid-body', 'The body must be a JSON object.');
  return body as { [key: string]: unknown };
}

function parseLeaseSeconds(body: unknown): number | undefined {
  const { leaseSeconds } = bodyObject(body);
  if (leaseSeconds === undefined) return undefined;
  if (typeof leaseSeconds !== 'number' || !Number.isInteger(leaseSeconds) || leaseSeconds < 10 || leaseSeconds > 3600) {
    throw badRequest('invalid-lease-seconds', 'leaseSeconds must be a whole number from 10 to 3600.');
  }
  return leaseSeconds;
}

function parseLeaseId(body: unknown): string {
  const { leaseId } = bodyObject(body);
  if (typeof leaseId !== 'string' || leaseId.length === 0 || leaseId.length > 200) throw badRequest('invalid-lease-id', 'The body must be {"leaseId": "…"}.');
  return leaseId;
}

function parseDelaySeconds(body: unknown): number | undefined {
  const { delaySeconds } = bodyObject(body);
  if (delaySeconds === undefined) return undefined;
  if (typeof delaySeconds !== 'number' || !Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > 86_400) {
    throw badRequest('invalid-delay-seconds', 'delaySeconds must be a whole number from 0 to 86400.');
  }
  return delaySeconds;
}

/** The API view of a queue item; delivery state (issue 7) only when there is some. */
function itemView(item: QueueItem): QueueItem {
  const { id, reference, service, version, receivedAt, status, attempts, data, notBefore, lastError, firstAttemptAt } = item;
  return {
    id, reference, service, version, receivedAt, status, attempts, data,
    ...(notBefore === undefined ? {} : { notBefore }),
    ...(lastError === undefined ? {} : { lastError }),
    ...(firstAttemptAt === undefined ? {} : { firstAttemptAt }),
  };
}

/**
 * A municipality's queues, for its case workers (session) and case-management systems
 * (API key): list, list items, read one, lease, ack, nack; and, for its administrators, a
 * queue's delivery settings and the redrive of dead letters.
 */
export function queueRoutes(deps: RouteDeps): Router {
  const router = Router({ mergeParams: true });
  // Each route names its permission; a queue in the path is checked by the guard too, before
  // any body is read: whether it is theirs comes first.
  const read = guard(deps, 'queues:read', { notFoundCode: 'queue-not-found' });
  const work = guard(deps, 'queues:work', { notFoundCode: 'queue-not-found' });
  const configure = guard(deps, 'queues:configure', { notFoundCode: 'queue-not-found' });

  router.get('/queues', read, async (req, res) => {
    checkQuery(req, []);
    const queues = await listQueues(deps.services(res), actorOf(res), { tenant: tenantOf(res) });
    res.json(queues.map(({ id, name, counts }) => ({ id, name, counts })));
  });

  router.get('/queues/:queue/items', read, async (req, res) => {
    checkQuery(req, ['status', 'limit']);
    const status = parseStatus(req.query.status);
    const limit = parseLimit(req.query.limit);
    const items = await listQueueItems(deps.services(res), actorOf(res), {
      tenant: tenantOf(res),
      queueId: pathParam(req, 'queue'),
      ...(status === undefined ? {} : { status }),
      ...(limit === undefined ? {} : { limit }),
    });
    res.json(items.map(itemView));
  });

  router.get('/queues/:queue/items/:item', read, async (req, res) => {
    checkQuery(req, []);
    const item = await getQueueItem(deps.services(res), actorOf(res), { tenant: tenantOf(res), queueId: pathParam(req, 'queue'), itemId: pathParam(req, 'item') });
    res.json(itemView(item));
  });

  router.post('/queues/:queue/lease', work, jsonBody({ required: false }), async (req, res) => {
    const leaseSeconds = parseLeaseSeconds(req.body);
    const lease = await leaseQueueItem(deps.services(res), actorOf(res), {
      tenant: tenantOf(res),
      queueId: pathParam(req, 'queue'),
      ...(leaseSeconds === undefined ? {} : { leaseSeconds }),
    });
    if (lease === null) {
      res.status(204).end();
      return;
    }
    res.json({ item: itemView(lease.item), leaseId: lease.leaseId, leaseUntil: lease.leaseUntil });
  });

  router.post('/queues/:queue/items/:item/ack', work, jsonBody({ required: true }), async (req, res) => {
    const item = await ackQueueItem(deps.services(res), actorOf(res), {
      tenant: tenantOf(res),
      queueId: pathParam(req, 'queue'),
      itemId: pathParam(req, 'item'),
      leaseId: parseLeaseId(req.body),
    });
    res.json({ item: itemView(item) });
  });

  router.post('/queues/:queue/items/:item/nack', work, jsonBody({ required: true }), async (req, res) => {
    const delaySeconds = parseDelaySeconds(req.body);
    const item = await nackQueueItem(deps.services(res), actorOf(res), {
      tenant: tenantOf(res),
      queueId: pathParam(req, 'queue'),
      itemId: pathParam(req, 'item'),
      leaseId: parseLeaseId(req.body),
      ...(delaySeconds === undefined ? {} : { delaySeconds }),
    });
    res.json({ item: itemView(item) });
  });

  // Delivery (issue 7): a queue's settings and the redrive of its dead letters are the admin's.
  router.get('/queues/:queue', configure, async (req, res) => {
    checkQuery(req, []);
    res.json(await getQueueConfig(deps.services(res), actorOf(res), { tenant: tenantOf(res), queueId: pathParam(req, 'queue') }));
  });

  router.put('/queues/:queue', configure, jsonBody({ required: true }), async (req, res) => {
    const queue = await putQueueConfig(deps.services(res), actorOf(res), {
      tenant: tenantOf(res),
      queueId: pathParam(req, 'queue'),
      body: req.body,
      allowPrivateWebhooks: deps.allowPrivateWebhooks ?? false,
    });
    res.json(queue);
  });

  router.post('/queues/:queue/items/:item/redrive', configure, async (req, res) => {
    const item = await redriveQueueItem(deps.services(res), actorOf(res), { tenant: tenantOf(res), queueId: pathParam(req, 'queue'), itemId: pathParam(req, 'item') });
    res.json({ item: itemView(item) });
  });

  router.post('/queues/:queue/redrive', configure, async (req, res) => {
    const redriven = await redriveDeadQueueItems(deps.services(res), actorOf(res), { tenant: tenantOf(res), queueId: pathParam(req, 'queue') });
    res.json({ redriven });
  });

  return router;
}
