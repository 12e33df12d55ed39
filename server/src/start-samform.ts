import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { DestinationStream, Logger } from 'pino';
import type { Store } from '@samform/store';
import type { ScryptCost } from './auth/password-hash.ts';
import { createApp } from './app.ts';
import type { RateLimitSettings } from './http/rate-limits.ts';
import type { OidcClientSettings } from './auth/oidc-login.ts';
import type { RunningDemoIdp } from './demo-idp/start-demo-idp.ts';
import type { RunningDemoMailbox } from './demo-mailbox/start-demo-mailbox.ts';
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
  /** Citizens' e-ID logins end after this long idle. */
  eIdIdleMs?: number;
  /** The app's clock (tests move it to see sessions end); the wall clock when omitted. */
  clock?: () => Date;
  /** Demo content; read from forms/ when omitted in demo mode. */
  forms?: DemoForms;
  /** scrypt cost of seeded demo passwords (tests use a cheap one). */
  passwordCost?: ScryptCost;
  /** Delivery settings (issue 7); with `workersInServer`, a delivery worker runs in this process. */
  delivery?: DeliveryConfig;
  /** Worker tuning for tests (poll interval, clock, mailer). */
  deliveryWorker?: Partial<Omit<DeliveryWorkerOptions, 'store' | 'config' | 'logger'>>;
  /** The e-ID broker; in demo mode without it, a local demo IdP stands in (issue 6). */
  citizenEId?: OidcClientSettings;
  /** Staff SSO per tenant; in demo mode without an e-ID broker, Östersund's goes to the demo IdP. */
  staffSso?: { [tenant: string]: OidcClientSettings };
}

/** A listening server. `close()` stops accepting, lets requests in flight finish, and resolves; the store stays open. */
export interface RunningSamform {
  url: string;
  port: number;
  server: Server;
  validators: ValidatorCache;
  /** The in-process delivery worker, when one runs. */
  deliveryWorker?: DeliveryWorker;
  /** The demo IdP's issuer, in demo mode when no e-ID broker was given. */
  demoIdpIssuer?: string;
  /** The demo mailbox's page, in demo mode when the server's worker has no SMTP_URL. */
  demoMailboxUrl?: string;
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
  // Start-up acts for no one: nothing it does is audited.
  const startDeps = { store, validators, clock: () => new Date(), log: logger, audit: async () => undefined };
  const compiled = await warmValidators(startDeps);
  logger.info({ validators: compiled }, 'validators compiled');
  const validatorModules = createValidatorModuleCache();
  const bundled = await warmValidatorModules(startDeps, validatorModules);
  logger.info({ validatorModules: bundled }, 'validator modules bundled');

  // Listen first: the demo IdP registers this server's callback addresses, which need its port.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (options.host === undefined) server.listen(options.port ?? 0, () => resolve());
    else server.listen(options.port ?? 0, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host === undefined || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  // The demo IdP stands in for the e-ID broker in demo mode only: anyone may log in as anyone there.
  let demoIdp: RunningDemoIdp | undefined;
  let citizenEId = options.citizenEId;
  let staffSso = options.staffSso;
  if (options.mode === 'demo' && citizenEId === undefined) {
    // Loaded only here: oidc-provider and its dependencies hold tens of MB a production server never uses.
    const { startDemoEIdP } = await import('./demo-idp/demo-e-id.ts');
    const demo = await startDemoEIdP({ samformPort: port, ...(options.host === undefined ? {} : { host: options.host }) });
    demoIdp = demo.idp;
    citizenEId = demo.citizenEId;
    staffSso = { ...demo.staffSso, ...staffSso };
    logger.info({ issuer: demo.idp.issuer }, 'demo e-ID provider started (test personas, demo only)');
  }

  // The demo mailbox stands in for SMTP in demo mode only: its pages show every e-mail to anyone.
  // It needs the in-server worker to send to it; a separate `pnpm worker` would not know it.
  let demoMailbox: RunningDemoMailbox | undefined;
  let delivery = options.delivery;
  if (options.mode === 'demo' && delivery !== undefined && delivery.workersInServer && delivery.smtpUrl === undefined && options.deliveryWorker?.mailer === undefined) {
    // Loaded only here, like the demo IdP: a production server never loads smtp-server.
    const { startDemoMailbox } = await import('./demo-mailbox/start-demo-mailbox.ts');
    demoMailbox = await startDemoMailbox();
    delivery = { ...delivery, smtpUrl: demoMailbox.smtpUrl };
    logger.info({ smtp: demoMailbox.smtpUrl, page: '/demo/e-post' }, 'demo mailbox started (e-mail is kept and shown, never sent out; demo only)');
  }

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
    ...(options.eIdIdleMs === undefined ? {} : { citizenEIdIdleMs: options.eIdIdleMs }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.delivery === undefined ? {} : { allowPrivateWebhooks: options.delivery.allowPrivateWebhooks }),
    ...(citizenEId === undefined ? {} : { citizenEId }),
    ...(staffSso === undefined ? {} : { staffSso }),
    ...(demoMailbox === undefined ? {} : { demoPages: demoMailbox.pages }),
  });
  server.on('request', app);

  // Retention (issue 5): weed delivered cases past their time, hourly; a failed sweep waits for the next.
  const sweepDeps = { store, validators, clock: () => new Date(), log: logger };
  const retention = setInterval(() => {
    sweepExpiredSubmissions(sweepDeps).catch((error: unknown) => logger.error({ err: error }, 'retention sweep failed'));
  }, RETENTION_SWEEP_MS);
  retention.unref();
  const deliveryWorker =
    delivery?.workersInServer === true ? startDeliveryWorker({ store, config: delivery, logger, ...options.deliveryWorker }) : undefined;

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
        const idpClosed = demoIdp === undefined ? Promise.resolve() : demoIdp.close();
        // After the worker: it may be sending to the mailbox until it stops.
        const mailboxClosed = workerStopped.then(() => demoMailbox?.close());
        Promise.all([workerStopped, idpClosed, mailboxClosed]).then(() => (error ? reject(error) : resolve()), reject);
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
    ...(demoIdp ? { demoIdpIssuer: demoIdp.issuer } : {}),
    ...(demoMailbox ? { demoMailboxUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}/demo/e-post` } : {}),
    close,
  };
}

async function loadDemoForms(): Promise<DemoForms> {
  const { loadForms } = await import('@samform/forms');
  return loadForms();
}
