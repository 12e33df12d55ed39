import { Router } from 'express';
import type { RequestHandler } from 'express';
import { ANONYMOUS } from '../auth/actor.ts';
import { setContext } from '../http/request-context.ts';
import { listTenants, requireTenant } from '../services/tenant-service.ts';
import { pathParam } from '../http/path-param.ts';
import type { RouteDeps } from './route-deps.ts';

/** GET /api/tenants: every municipality and collaboration. */
export function tenantRoutes(deps: RouteDeps): Router {
  const router = Router();
  router.get('/tenants', async (_req, res) => {
    res.json(await listTenants(deps.services(res)));
  });
  return router;
}

/** Loads `:tenant` into the request context (unknown: 404); the actor starts anonymous. */
export function loadTenant(deps: RouteDeps): RequestHandler {
  return async (req, res, next) => {
    setContext(res, 'tenant', await requireTenant(deps.services(res), pathParam(req, 'tenant')));
    setContext(res, 'actor', ANONYMOUS);
    next();
  };
}
