import type { Logger } from 'pino';
import type { ServiceDefinition } from '@samform/model';
import { ConflictError, NotFoundError } from '@samform/model';
import type { Lease, Queue, QueueItem, Store, Submission, Tenant } from '@samform/store';
import { effectiveVersion } from '../services/adoption-service.ts';
import type { DeliveryConfig } from './delivery-config.ts';
import { caseEmail, deliveryDigest, webhookFailureNotice } from './email-messages.ts';
import { isPermanentMailError, smtpMailer } from './mailer.ts';
import type { Mailer } from './mailer.ts';
import { postWebhook } from './post-webhook.ts';
import { retryDelay } from './retry-delay.ts';
import { eventIdOf, webhookBody, webhookHeaders } from './webhook-payload.ts';

/** What a worker is built from; everything but store, config and logger has a default. */
export interface DeliveryWorkerOptions {
  store: Store;
  config: DeliveryConfig;
  logger: Logger;
  clock?: () => Date;
  /** Jitter source (tests make it fixed). */
  random?: () => number;
  /** Sends e-mail; built from `config.smtpUrl` when omitted; without either, e-mails wait in the outbox. */
  mailer?: Mailer;
  /** Pause when a round found nothing to do. */
  pollMs?: number;
  /** How long a worker holds an item it is delivering (default `config.leaseMs`); longer than any single attempt. */
  leaseMs?: number;
  /** Items (and e-mails) delivered at once per queue (and tenant). */
  concurrency?: number;
  webhookTimeoutMs?: number;
  /** How often the list of pushed queues is read again. */
  refreshMs?: number;
}

/** A running worker loop. */
export interface DeliveryWorker {
  /** One round over every pushed queue and every outbox; the number of items and e-mails handled. */
  round(): Promise<number>;
  /** Finish the round in progress and stop; idempotent. */
  stop(): Promise<void>;
}

interface Target {
  tenant: Tenant;
  queue: Queue;
}

/**
 * Start a delivery worker: it leases items of webhook and e-mail queues through the store (so
 * any number of workers in any number of processes never deliver one item twice inside a
 * lease), pushes them, acks on success and otherwise schedules a retry with back-off until the
 * retry window has passed, then dead-letters. It also sends the tenants' outboxes (receipts,
 * notices to admins) and enqueues each tenant's daily digest of failing deliveries.
 */
export function startDeliveryWorker(options: DeliveryWorkerOptions, run = true): DeliveryWorker {
  const { store, config, logger } = options;
  const log = logger.child({ component: 'delivery' });
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? config.leaseMs;
  const concurrency = options.concurrency ?? 8;
  // An attempt must end well inside its lease, or another worker could start the same case.
  const webhookTimeoutMs = options.webhookTimeoutMs ?? Math.min(10_000, Math.floor(leaseMs / 2));
  const refreshMs = options.refreshMs ?? 5000;
  const ownsMailer = options.mailer === undefined && config.smtpUrl !== undefined;
  const mailer = options.mailer ?? (config.smtpUrl === undefined ? undefined : smtpMailer(config.smtpUrl, config.mailFrom));
  if (mailer === undefined) log.warn('SMTP_URL is not set: e-mail queues and e-mails wait until a worker with SMTP runs');

  let targets: Target[] = [];
  let tenants: Tenant[] = [];
  let refreshedAt = -Infinity;
  const definitions = new Map<string, ServiceDefinition | null>();
  const noticed = new Set<string>();
  const digested = new Set<string>();

  const refresh = async (): Promise<void> => {
    if (Date.now() - refreshedAt < refreshMs) return;
    tenants = (await store.listTenants()).filter((t) => t.kind === 'municipality');
    const next: Target[] = [];
    for (const tenant of tenants) {
      for (const queue of await store.listQueues(tenant.id)) {
        if (queue.delivery.kind === 'webhook' || (queue.delivery.kind === 'email' && mailer !== undefined)) next.push({ tenant, queue });
      }
    }
    targets = next;
    refreshedAt = Date.now();
  };

  const definitionOf = async (submission: Submission): Promise<ServiceDefinition | null> => {
    const key = `${submission.tenant}\n${submission.serviceOwner}\n${submission.serviceId}\n${submission.version}`;
    if (!definitions.has(key)) {
      const base = await store.getServiceVersion(submission.serviceOwner, submission.serviceId, submission.version);
      const adoption = base === null || submission.serviceOwner === submission.tenant ? null : await store.getAdoption(submission.tenant, submission.serviceOwner, submission.serviceId);
      definitions.set(key, base === null ? null : (adoption === null ? base : effectiveVersion(base, adoption.overrides)).definition);
    }
    return definitions.get(key) ?? null;
  };

  const adminEmails = async (tenant: string): Promise<string[]> =>
    (await store.listStaffUsersWithRole(tenant, 'admin')).filter((u) => !u.disabled && u.email !== undefined).map((u) => u.email!);

  // A lease that ran out while we worked belongs to someone else now: their outcome counts.
  const settle = async (work: () => Promise<unknown>, target: Target, item: QueueItem): Promise<void> => {
    try {
      await work();
    } catch (error) {
      if (error instanceof ConflictError || error instanceof NotFoundError) {
        log.warn({ tenant: target.tenant.id, queue: target.queue.id, item: item.id, code: error.code }, 'delivery outcome not recorded: the lease was lost');
        return;
      }
      throw error;
    }
  };

  const fail = async (target: Target, lease: Lease, error: string): Promise<void> => {
    const { item } = lease;
    const now = clock();
    const since = item.firstAttemptAt === undefined ? now.getTime() : Date.parse(item.firstAttemptAt);
    const tenant = target.tenant.id;
    const queue = target.queue.id;
    if (now.getTime() - since >= config.retryWindowMs) {
      await settle(() => store.deadLetterQueueItem(tenant, queue, item.id, lease.leaseId, { now, error }), target, item);
      log.error({ tenant, queue, item: item.id, reference: item.reference, attempts: item.attempts, error }, 'delivery dead-lettered after the retry window');
    } else {
      const delayMs = retryDelay(item.attempts, config.baseDelayMs, random);
      await settle(() => store.nackQueueItem(tenant, queue, item.id, lease.leaseId, { now, delayMs, error }), target, item);
      log.warn({ tenant, queue, item: item.id, attempts: item.attempts, delayMs, error }, 'delivery failed; retry scheduled');
    }
    if (target.queue.delivery.kind === 'webhook') {
      const day = now.toISOString().slice(0, 10);
      const key = `${tenant}\n${queue}\n${day}`;
      if (!noticed.has(key)) {
        noticed.add(key);
        const to = await adminEmails(tenant);
        // The id is per queue and day, so however many workers see failures, admins get one.
        if (to.length > 0) {
          await store.enqueueOutboxMessage(tenant, webhookFailureNotice({ tenant, queue, url: target.queue.delivery.url, error, reference: item.reference, to, now }));
        }
      }
    }
  };

  const deliver = async (target: Target, lease: Lease): Promise<void> => {
    const { tenant, queue } = target;
    const { item } = lease;
    const submission = await store.getSubmission(tenant.id, item.id);
    if (submission === null) return; // Weeded while leased; nothing left to deliver.
    const delivery = queue.delivery;
    let error: string | null = null;
    if (delivery.kind === 'webhook') {
      const body = webhookBody(submission);
      const outcome = await postWebhook(delivery.url, body, webhookHeaders(delivery.secret, eventIdOf(tenant.id, item.id), body, clock()), {
        allowPrivate: config.allowPrivateWebhooks,
        timeoutMs: webhookTimeoutMs,
      });
      if (!outcome.ok) error = outcome.error;
    } else if (delivery.kind === 'email' && mailer !== undefined) {
      const definition = await definitionOf(submission);
      if (definition === null) error = `e-service ${item.service} v${item.version} not found`;
      else {
        try {
          await mailer.send({ to: [delivery.to], ...caseEmail({ definition, item, queueName: queue.name.sv, municipality: tenant.name }) });
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
      }
    } else {
      return;
    }
    if (error === null) await settle(() => store.ackQueueItem(tenant.id, queue.id, item.id, lease.leaseId, clock()), target, item);
    else await fail(target, lease, error.slice(0, 500));
  };

  const drainQueue = async (target: Target): Promise<number> => {
    const leases: Lease[] = [];
    for (let n = 0; n < concurrency; n++) {
      const lease = await store.leaseQueueItem(target.tenant.id, target.queue.id, { now: clock(), leaseMs });
      if (lease === null) break;
      leases.push(lease);
    }
    await Promise.all(
      leases.map((lease) =>
        deliver(target, lease).catch((error: unknown) => log.error({ err: error, tenant: target.tenant.id, queue: target.queue.id, item: lease.item.id }, 'delivery crashed; the lease will run out and it is retried')),
      ),
    );
    return leases.length;
  };

  const sendOutbox = async (tenant: string): Promise<number> => {
    if (mailer === undefined) return 0;
    let handled = 0;
    const sends: Promise<void>[] = [];
    for (let n = 0; n < concurrency; n++) {
      const lease = await store.leaseOutboxMessage(tenant, { now: clock(), leaseMs });
      if (lease === null) break;
      handled++;
      const { message } = lease;
      sends.push(
        (async () => {
          try {
            await mailer.send(message);
            await store.settleOutboxMessage(tenant, message.id, lease.leaseId, { now: clock(), status: 'sent' });
          } catch (e) {
            const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
            const now = clock();
            const createdAt = Date.parse(message.createdAt);
            const dead = isPermanentMailError(e) || now.getTime() - (Number.isNaN(createdAt) ? now.getTime() : createdAt) >= config.retryWindowMs;
            log.warn({ tenant, message: message.id, kind: message.kind, attempts: message.attempts, error, dead }, 'e-mail not sent');
            await store
              .settleOutboxMessage(tenant, message.id, lease.leaseId, dead ? { now, status: 'dead', error } : { now, status: 'retry', delayMs: retryDelay(message.attempts, config.baseDelayMs, random), error })
              .catch((settleError: unknown) => log.warn({ err: settleError, message: message.id }, 'e-mail outcome not recorded'));
          }
        })(),
      );
    }
    await Promise.all(sends);
    return handled;
  };

  // Once a day per tenant, when any pushed queue has dead or failing items; the id per day
  // makes it one digest whatever the number of workers.
  const digest = async (tenant: Tenant): Promise<void> => {
    const now = clock();
    const key = `${tenant.id}\n${now.toISOString().slice(0, 10)}`;
    if (digested.has(key)) return;
    digested.add(key);
    const queues: { queue: string; dead: QueueItem[]; failing: QueueItem[] }[] = [];
    for (const { queue } of targets.filter((t) => t.tenant.id === tenant.id)) {
      const dead = await store.listQueueItems(tenant.id, queue.id, { status: 'dead', limit: 50 });
      const failing = (await store.listQueueItems(tenant.id, queue.id, { status: 'pending', limit: 500 })).filter((i) => i.lastError !== undefined && i.attempts > 0);
      if (dead.length > 0 || failing.length > 0) queues.push({ queue: queue.id, dead, failing: failing.slice(0, 50) });
    }
    if (queues.length === 0) return;
    const to = await adminEmails(tenant.id);
    if (to.length > 0) await store.enqueueOutboxMessage(tenant.id, deliveryDigest({ to, now, queues }));
  };

  const round = async (): Promise<number> => {
    await refresh();
    const counts = await Promise.all(targets.map((target) => drainQueue(target)));
    let handled = counts.reduce((a, b) => a + b, 0);
    for (const tenant of tenants) {
      if (targets.some((t) => t.tenant.id === tenant.id)) await digest(tenant);
      handled += await sendOutbox(tenant.id);
    }
    // Forget old days so a long-running worker does not grow.
    if (noticed.size + digested.size > 10_000) {
      noticed.clear();
      digested.clear();
    }
    return handled;
  };

  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = async (): Promise<void> => {
    while (!stopped) {
      let handled = 0;
      try {
        handled = await round();
      } catch (error) {
        log.error({ err: error }, 'delivery round failed');
      }
      if (handled === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  };
  const running = run ? loop() : Promise.resolve();

  let stopping: Promise<void> | undefined;
  return {
    round,
    stop: () => {
      stopping ??= (async () => {
        stopped = true;
        wake?.();
        await running;
        if (ownsMailer) mailer?.close();
      })();
      return stopping;
    },
  };
}
