import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { DestinationStream, Logger } from 'pino';
import type { Store } from '@samform/store';
import type { ScryptCost } from './auth/password-hash.ts';
import { createApp } from './app.ts';
import type { RateLimitSettings } from './http/rate-limits.ts';
import type { Mode } from './config.ts';
import type { DeliveryConfig } from './delivery/delivery-config.ts';
import { startDeliveryWorker } from './delivery/delivery-worker.ts';
import type { DeliveryWorker, DeliveryWorkerOptions } from './delivery/delivery-worker.ts';
import { createLogger } from './http/create-logger.ts';
import { seedDemo } from './seed-demo.ts';
import type { DemoForms } from './seed-demo.ts';
import { warmValidators } from './services/catalog-service.ts';
import { RETENTION_SWEEP_MS, sweepExpiredSubmissions } from './services/retention-sweep.ts';
import { createValidatorCache } from './services/validator-cache.ts';
import type { ValidatorCache } from './services/validator-cache.ts';
import { createValidatorModuleCache, warmValidatorModules } from './services/validator-module.ts';

/** Production found demo accounts or keys, whose passwords are public. */
export class DemoCredentialsError extends Error {
  constructor() {
    super(
      'Refusing to start in production mode: the store holds demo accounts or API keys (their passwords are public). ' +
        'Remove them, or start with SAMFORM_MODE=demo.',
    );
    this.name = 'DemoCredentialsError';
  }
}

/** How to start a server on an open store. */
export interface StartOptions {
  store: Store;
  mode: Mode;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; all when omitted. */
  host?: string;
  clientDir?: string;
  logger?: Logger;
  logDestination?: DestinationStream;
  sessionSecret?: string;
  trustProxy?: boolean | number | string;
  allowedOrigins?: string[];
  /** Limits on failed sign-ins and sends (ADR 0011). */
  rateLimits?: RateLimitSettings;
  /** Staff sessions end after this long idle. */
  staffIdleMs?: number;
  /** Demo content; read from forms/ when omitted in demo mode. */
  forms?: DemoForms;
  /** scrypt cost of seeded demo passwords (tests use a cheap one). */
  passwordCost?: ScryptCost;
  /** Delivery settings (issue 7); with `workersInServer`, a delivery worker runs in this process. */
  delivery?: DeliveryConfig;
  /** Worker tuning for tests (poll interval, clock, mailer). */
  deliveryWorker?: Partial<Omit<DeliveryWorkerOptions, 'store' | 'config' | 'logger'>>;
}

/** A listening server. `close()` stops accepting, lets requests in flight finish, and resolves; the store stays open. */
export interface RunningSamform {
  url: string;
  port: number;
  server: Server;
  validators: ValidatorCache;
  /** The in-process delivery worker, when one runs. */
  deliveryWorker?: DeliveryWorker;
  close(): Promise<void>;
}

/** In-flight requests get this long to finish on shutdown before their connections are cut. */
const GRACE_MS = 10_000;

/**
 * Seed (demo) or check (production) the store, compile every served validator, and listen.
 * Throws DemoCredentialsError in production while demo credentials exist.
 */
export async function startSamform(options: StartOptions): Promise<RunningSamform> {
  const { store } = options;
  const logger = options.logger ?? createLogger(options.logDestination);
  if (options.mode === 'demo') {
    const forms = options.forms ?? (await loadDemoForms());
    const report = await seedDemo(store, forms, options.passwordCost === undefined ? {} : { passwordCost: options.passwordCost });
    logger.info({ published: report.published, adoptions: report.adoptions, users: report.users }, 'demo data seeded');
  } else if (await store.hasDemoCredentials()) {
    throw new DemoCredentialsError();
  }

  const validators = createValidatorCache();
  const compiled = await warmValidators({ store, validators, clock: () => new Date(), log: logger });
  logger.info({ validators: compiled }, 'validators compiled');
  const validatorModules = createValidatorModuleCache();
  const bundled = await warmValidatorModules({ store, validators, clock: () => new Date(), log: logger }, validatorModules);
  logger.info({ validatorModules: bundled }, 'validator modules bundled');

  const app = createApp({
    store,
    logger,
    validators,
    validatorModules,
    ...(options.clientDir === undefined ? {} : { clientDir: options.clientDir }),
    ...(options.sessionSecret === undefined ? {} : { sessionSecret: options.sessionSecret }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.allowedOrigins === undefined ? {} : { allowedOrigins: options.allowedOrigins }),
    ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
    ...(options.staffIdleMs === undefined ? {} : { staffIdleMs: options.staffIdleMs }),
    ...(options.delivery === undefined ? {} : { allowPrivateWebhooks: options.delivery.allowPrivateWebhooks }),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const done = (error?: Error): void => (error === undefined ? resolve(listening) : reject(error));
    const listening = options.host === undefined ? app.listen(options.port ?? 0, done) : app.listen(options.port ?? 0, options.host, done);
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host === undefined || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  // Retention (issue 5): weed delivered cases past their time, hourly; a failed sweep waits for the next.
  const sweepDeps = { store, validators, clock: () => new Date(), log: logger };
  const retention = setInterval(() => {
    sweepExpiredSubmissions(sweepDeps).catch((error: unknown) => logger.error({ err: error }, 'retention sweep failed'));
  }, RETENTION_SWEEP_MS);
  retention.unref();
  const deliveryWorker =
    options.delivery?.workersInServer === true ? startDeliveryWorker({ store, config: options.delivery, logger, ...options.deliveryWorker }) : undefined;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    clearInterval(retention);
    closing ??= new Promise<void>((resolve, reject) => {
      // The worker finishes the deliveries in hand; what it had not taken stays in the store.
      const workerStopped = deliveryWorker?.stop() ?? Promise.resolve();
      const force = setTimeout(() => server.closeAllConnections(), GRACE_MS);
      // A keep-alive connection turns idle when its last request is answered; closing idle
      // ones as they appear lets close() finish without waiting out the keep-alive timeout.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      server.close((error) => {
        clearTimeout(force);
        clearInterval(sweep);
        workerStopped.then(() => (error ? reject(error) : resolve()), reject);
      });
      server.closeIdleConnections();
    });
    return closing;
  };

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    validators,
    ...(deliveryWorker === undefined ? {} : { deliveryWorker }),
    close,
  };
}

async function loadDemoForms(): Promise<DemoForms> {
  const { loadForms } = await import('@samform/forms');
  return loadForms();
}
