import { randomBytes } from 'node:crypto';
import express, { Router } from 'express';
import type { Express, RequestHandler } from 'express';
import type { DestinationStream, Logger } from 'pino';
import type { ServiceVersion } from '@samform/model';
import type { Store } from '@samform/store';
import { createOidcLogin } from './auth/oidc-login.ts';
import type { OidcClientSettings } from './auth/oidc-login.ts';
import { createStaffAuth } from './auth/staff-auth.ts';
import { createLogger } from './http/create-logger.ts';
import { apiNotFound, errorHandler } from './http/error-handler.ts';
import { logOf } from './http/request-context.ts';
import { requestLogging } from './http/request-logging.ts';
import { csrfGuard } from './http/csrf-guard.ts';
import { onlyWithCookie } from './http/only-with-cookie.ts';
import { queryLimit } from './http/query-limit.ts';
import { createRateLimits } from './http/rate-limits.ts';
import type { RateLimitSettings } from './http/rate-limits.ts';
import { apiSecurityHeaders, baselineSecurityHeaders, clientSecurityHeaders } from './http/security-headers.ts';
import { serveClient } from './http/serve-client.ts';
import { keepApiReceipts, pageRoutes } from './pages/page-routes.ts';
import { loadPageShell } from './pages/page-shell.ts';
import { adoptionRoutes } from './routes/adoption-routes.ts';
import { attachmentRoutes } from './routes/attachment-routes.ts';
import { adminServiceRoutes } from './routes/admin-service-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { caseRoutes } from './routes/case-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { platformRoutes } from './routes/platform-routes.ts';
import { queueRoutes } from './routes/queue-routes.ts';
import type { RouteDeps } from './routes/route-deps.ts';
import { serviceRoutes } from './routes/service-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { staffAdminRoutes } from './routes/staff-admin-routes.ts';
import { staffSsoRoutes } from './routes/staff-sso-routes.ts';
import { submissionRoutes, submitHandlers } from './routes/submission-routes.ts';
import { submitFastPath } from './routes/submit-fast-path.ts';
import { loadTenant, tenantRoutes } from './routes/tenant-routes.ts';
import { validatorModuleRoutes } from './routes/validator-module-routes.ts';
import { createAuditTrail } from './services/audit-service.ts';
import { createValidatorCache } from './services/validator-cache.ts';
import type { ValidatorCache } from './services/validator-cache.ts';
import { createValidatorModuleCache } from './services/validator-module.ts';
import type { ValidatorModuleCache } from './services/validator-module.ts';

/** What the app is built from; only `store` is required. */
export interface AppDeps {
  store: Store;
  /** A ready logger; otherwise one writing JSON lines to `logDestination` (default stdout). */
  logger?: Logger;
  logDestination?: DestinationStream;
  /** Shared with start-up, which warms it; a fresh one when omitted. */
  validators?: ValidatorCache;
  /** The citizen pages' validator modules, warmed by start-up; a fresh (cold) one when omitted. */
  validatorModules?: ValidatorModuleCache;
  /** Signs session cookies; random per process when omitted. */
  sessionSecret?: string;
  /** The built citizen client; without it non-API pages answer 404. */
  clientDir?: string;
  /** Origins besides the app's own whose pages may send staff requests (a dev server). */
  allowedOrigins?: string[];
  /** Express `trust proxy`; off by default. */
  trustProxy?: boolean | number | string;
  /** The clock (time of receipt, leases). */
  clock?: () => Date;
  /** Limits on failed sign-ins and sends (ADR 0011); the defaults when omitted. */
  rateLimits?: RateLimitSettings;
  /** A staff session ends after this long without a request (WCAG 2.2.1: the pages warn first); 30 minutes when omitted. */
  staffIdleMs?: number;
  /** SAMFORM_ALLOW_PRIVATE_WEBHOOKS: webhook targets on loopback and private addresses may be configured. */
  allowPrivateWebhooks?: boolean;
  /** Citizen e-ID login at the broker (issue 6); without it e-ID e-services cannot be filled in. */
  citizenEId?: OidcClientSettings;
  /** An e-ID login ends after this long without activity (WCAG 2.2.1: the form page warns first); 20 minutes when omitted. */
  citizenEIdIdleMs?: number;
  /** Staff single sign-on per tenant (issue 6): each municipality's own identity provider. */
  staffSso?: { [tenant: string]: OidcClientSettings };
  /** Pages served in demo mode only (the demo mailbox, /demo/e-post); given by start-up, never in production. */
  demoPages?: RequestHandler;
}

/** Build the HTTP app: the JSON API under /api, the client's files, and the server-rendered citizen pages. */
export function createApp(deps: AppDeps): Express {
  const logger = deps.logger ?? createLogger(deps.logDestination);
  const validators = deps.validators ?? createValidatorCache();
  const validatorModules = deps.validatorModules ?? createValidatorModuleCache();
  const clock = deps.clock ?? (() => new Date());
  const staffAuth = createStaffAuth(deps.store, {
    sessionSecret: deps.sessionSecret ?? randomBytes(32).toString('hex'),
    ...(deps.staffIdleMs === undefined ? {} : { idleMs: deps.staffIdleMs }),
    now: () => clock().getTime(),
  });
  const routeDeps: RouteDeps = {
    store: deps.store,
    staffAuth,
    services: (res) => ({ store: deps.store, validators, clock, log: logOf(res), audit: createAuditTrail(deps.store, clock, res.req.ip) }),
    allowedOrigins: deps.allowedOrigins ?? [],
    rateLimits: createRateLimits(deps.rateLimits),
    allowPrivateWebhooks: deps.allowPrivateWebhooks ?? false,
  };

  const app = express();
  // Query values stay strings (or string arrays): `status[$ne]=x` must never become an object.
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.disable('x-powered-by');
  // What every /api request passes first; the submit fast path runs the same list.
  const apiPrelude: RequestHandler[] = [
    apiSecurityHeaders,
    (_req, res, next) => {
      // Answers carry personal data: no shared or browser cache may keep them.
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    queryLimit,
    csrfGuard(routeDeps.allowedOrigins),
    // Only /auth/ starts staff sessions; without a cookie any other request is anonymous anyway.
    onlyWithCookie(staffAuth.middleware, ['/auth/']),
  ];
  const keepReceipts = keepApiReceipts(routeDeps.services, routeDeps.allowedOrigins);
  const submit = submitHandlers(routeDeps, keepReceipts);
  // Issue 8 (ADR 0019): the citizens' sends skip the walk through the routers below, not their rules.
  app.use(requestLogging(logger), baselineSecurityHeaders, submitFastPath({ api: apiPrelude, tenant: loadTenant(routeDeps), submit }));

  const api = Router();
  api.use(...apiPrelude);
  api.use(healthRoutes(routeDeps), tenantRoutes(routeDeps), authRoutes(routeDeps), sessionRoutes(routeDeps), platformRoutes(routeDeps));
  api.use(staffSsoRoutes(routeDeps, Object.fromEntries(Object.entries(deps.staffSso ?? {}).map(([tenant, settings]) => [tenant, { login: createOidcLogin(settings) }]))));
  const tenantApi = Router({ mergeParams: true });
  tenantApi.use(serviceRoutes(routeDeps), validatorModuleRoutes(routeDeps, validatorModules), submissionRoutes(routeDeps, keepReceipts), queueRoutes(routeDeps), attachmentRoutes(routeDeps));
  tenantApi.use(adminServiceRoutes(routeDeps, validatorModules), adoptionRoutes(routeDeps));
  tenantApi.use(caseRoutes(routeDeps));
  tenantApi.use(staffAdminRoutes(routeDeps), auditRoutes(routeDeps));
  api.use('/t/:tenant', loadTenant(routeDeps), tenantApi);
  api.use(apiNotFound);
  app.use('/api', api);

  const warmValidatorModule = (version: ServiceVersion): void => {
    if (validatorModules.get(version).state !== 'absent') return;
    validatorModules.warm(version).catch((error: unknown) => {
      logger.warn({ err: error, owner: version.owner, serviceId: version.serviceId, version: version.version }, 'validator module could not be built');
    });
  };
  app.use(
    clientSecurityHeaders,
    serveClient(deps.clientDir),
    ...(deps.demoPages === undefined ? [] : [deps.demoPages]),
    pageRoutes({
      services: routeDeps.services,
      shell: loadPageShell(deps.clientDir),
      warmValidatorModule,
      allowedOrigins: routeDeps.allowedOrigins,
      rateLimits: routeDeps.rateLimits,
      ...(deps.citizenEId ? { eId: { login: createOidcLogin(deps.citizenEId), issuer: deps.citizenEId.issuer, ...(deps.citizenEIdIdleMs === undefined ? {} : { idleMs: deps.citizenEIdIdleMs }) } } : {}),
    }),
  );
  app.use(errorHandler);
  return app;
}
