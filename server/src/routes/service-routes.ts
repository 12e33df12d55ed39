import { Router } from 'express';
import { actorOf, tenantOf } from '../http/request-context.ts';
import { getService, listServices } from '../services/catalog-service.ts';
import { pathParam } from '../http/path-param.ts';
import type { RouteDeps } from './route-deps.ts';

/** GET /services and /services/:service of a tenant. */
export function serviceRoutes(deps: RouteDeps): Router {
  const router = Router({ mergeParams: true });
  router.get('/services', async (_req, res) => {
    res.json(await listServices(deps.services(res), actorOf(res), { tenant: tenantOf(res) }));
  });
  router.get('/services/:service', async (req, res) => {
    res.json(await getService(deps.services(res), actorOf(res), { tenant: tenantOf(res), serviceId: pathParam(req, 'service') }));
  });
  return router;
}
