import type { RequestHandler, Response } from 'express';
import { AppError } from '@samform/model';
import type { Actor } from '../auth/actor.ts';
import { CrossTenantError, authorize } from '../auth/permissions.ts';
import type { Permission } from '../auth/permissions.ts';
import { requestActor } from '../auth/request-actor.ts';
import { setContext, tenantOf } from '../http/request-context.ts';
import { STATE_CHANGING, isSameOrigin } from '../http/same-origin.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * Run `check` and, when it refuses a caller of another tenant, record the attempt in the
 * addressed tenant's audit log before the 404 goes out: the tenant whose cases were reached
 * for is the one whose auditors must see it.
 */
export async function auditCrossTenant<T>(deps: RouteDeps, res: Response, check: () => T): Promise<T> {
  try {
    return check();
  } catch (error) {
    if (error instanceof CrossTenantError) {
      const { req } = res;
      await deps.services(res).audit(error.tenant, error.actor, {
        kind: 'cross-tenant-attempt',
        target: `${req.method} ${req.baseUrl}${req.path}`.slice(0, 300),
        detail: { actorTenant: error.actor.kind === 'api-key' ? error.actor.tenant : Object.keys(error.actor.tenantRoles).sort().join(',') },
      });
    }
    throw error;
  }
}

/**
 * Middleware of a tenant's staff or machine endpoints: resolve the actor (API key or session),
 * check `permission` through the one table (and the path's `:queue`, when the route has one),
 * and demand proof of origin for a cookie session changing state (a cross-site form could
 * otherwise ride the cookie). Rights come first, so another tenant's staff learn nothing from
 * the origin check.
 */
export function guard(deps: RouteDeps, permission: Permission, options: { notFoundCode?: string; /** A further check, run before the permission's. */ check?: (actor: Actor, res: Response) => void } = {}): RequestHandler {
  return async (req, res, next) => {
    const tenant = tenantOf(res);
    const actor = await requestActor(deps.store, deps.staffAuth, req, tenant.id);
    setContext(res, 'actor', actor);
    // A queue named in the path is checked here too, for queue-bound permissions.
    const queue = req.params['queue'];
    await auditCrossTenant(deps, res, () => {
      options.check?.(actor, res);
      authorize(actor, tenant.id, permission, {
        ...(options.notFoundCode === undefined ? {} : { notFoundCode: options.notFoundCode }),
        ...(typeof queue === 'string' ? { queue } : {}),
      });
    });
    if (actor.kind === 'staff' && STATE_CHANGING.has(req.method) && !isSameOrigin(req, deps.allowedOrigins)) {
      throw new AppError('cross-origin', 403, 'This request must come from the Samform pages themselves.');
    }
    next();
  };
}
